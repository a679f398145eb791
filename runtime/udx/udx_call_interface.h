// Calls of a scalar row entry whose C signature is known only at run time (the interpreter's
// path for a library without a batch entry), through libffi: the same call compiled code makes
// directly.
#pragma once

#include <ffi.h>

#include <vector>

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

}  // namespace sluice::runtime::udx
