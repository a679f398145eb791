// Calls of a scalar row entry whose C signature is known only at run time (the interpreter's
// path for a library without a batch entry), through libffi: the same call compiled code makes
// directly.
#pragma once

#include <ffi.h>

#include <vector>

#include "runtime/data/string_ref.h"
#include "runtime/data/value.h"
#include "runtime/functions/function_call.h"
#include "runtime/functions/scalar_kernel.h"

namespace sluice::runtime::udx {

struct UdxSignature {
  std::vector<AbiType> arguments;
  AbiType result = AbiType::Void;
  bool outParameter = false;  // STRING/BYTES results: written through a pointer after the call
  std::vector<ffi_type*> parameterTypes;
  ffi_cif cif{};
};

// The call interface of `R f(sluice_udx_call*, [out,] A1, ...)`; nullptr for ABI types libffi
// cannot describe here.
std::shared_ptr<const UdxSignature> makeUdxSignature(const std::vector<AbiType>& arguments,
                                                     AbiType result);

// Calls `entry` for each of `rows` with the argument vectors' values, writing `out` (whose
// validity for these rows is preset to valid).
void callRowEntryPerRow(const UdxSignature& signature, void* entry, FunctionCall& call,
                        const Vector* const* arguments, const int32_t* rows, int rowCount,
                        Vector& out);

// One argument in its ABI storage, and the pointer libffi reads it through.
struct ArgumentSlot {
  union {
    uint8_t u8;
    int8_t i8;
    int16_t i16;
    int32_t i32;
    int64_t i64;
    float f32;
    double f64;
  } scalar{};
  StringRef string;
  const StringRef* stringPointer = nullptr;
};

// Stores a boxed `value` in `slot` as ABI `type` and returns what libffi reads (a STRING as a
// pointer to a view into `value`, which must outlive the call); nullptr for other types.
void* unbox(const Value& value, AbiType type, ArgumentSlot& slot);

}  // namespace sluice::runtime::udx
