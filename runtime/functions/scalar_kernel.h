// A scalar function implementation for one family of argument types, callable two ways from one
// definition: row by row from compiled pipelines (a plain C-ABI function pointer) and column at a
// time from the vectorized interpreter. Authors write one row-level C++ function
//
//     int32_t charLength(FunctionCall& call, StringRef text);
//
// and register it with `scalarKernel<&charLength>("CHAR_LENGTH", {Accepts::strings()})`; the
// adapter in scalar_kernel_adapter.h derives the ABI, the compiled-code entry and the vector loop.
//
// Row-level C++ types: bool, int8_t, int16_t, int32_t, int64_t, int128_t, float, double,
// StringRef. The ABI passes int128_t and StringRef arguments by const pointer and returns them
// through an out pointer placed right after the FunctionCall*.
//
// NULLs: by default any NULL argument makes the result NULL without calling the function. A
// kernel that can return NULL for non-null input declares `mayReturnNull` and calls
// `call.setNull()`. Variadic kernels (CONCAT, CONCAT_WS, GREATEST, ...) receive their arguments as
// an array of Values and handle NULLs themselves.
#pragma once

#include <functional>
#include <initializer_list>
#include <string>
#include <vector>

#include "compiler/types/data_type.h"
#include "runtime/data/physical_type.h"
#include "runtime/data/string_ref.h"
#include "runtime/data/vector.h"
#include "runtime/functions/function_call.h"

namespace sluice::runtime {

// The C-level type of one argument or result, as compiled code passes it.
enum class AbiType : uint8_t {
  Void,
  Bool,  // uint8_t
  Int8,
  Int16,
  Int32,
  Int64,
  Int128,  // by pointer
  Float32,
  Float64,
  String,  // StringRef, by pointer
};

// Which SQL types an argument (or the result) of a kernel accepts.
class Accepts {
 public:
  Accepts(std::initializer_list<TypeKind> kinds) : kinds_(kinds) {}
  static Accepts any() { return Accepts{}; }
  static Accepts strings() { return {TypeKind::Char, TypeKind::VarChar}; }
  static Accepts binaries() { return {TypeKind::Binary, TypeKind::VarBinary}; }
  static Accepts integers() {
    return {TypeKind::TinyInt, TypeKind::SmallInt, TypeKind::Int, TypeKind::BigInt};
  }
  static Accepts timestamps() { return {TypeKind::Timestamp, TypeKind::TimestampLtz}; }
  static Accepts kind(TypeKind kind) { return {kind}; }
  bool matches(const DataType& type) const;
  std::string toString() const;

 private:
  Accepts() = default;
  std::vector<TypeKind> kinds_;  // empty: any type
};

struct ScalarKernel;

// Interpreter entry: evaluates rows `rows[0..rowCount)` of the argument vectors into `out`.
// NULL propagation has already been applied by the caller for non-variadic kernels: the listed
// rows have no NULL argument, and out's validity for them is preset to valid.
using VectorEntry = void (*)(FunctionCall& call, const Vector* const* arguments,
                             const int32_t* rows, int rowCount, Vector& out);
// Variadic kernels see every listed row, NULL arguments included, and need the argument count.
using VariadicVectorEntry = void (*)(FunctionCall& call, const Vector* const* arguments,
                                     const int32_t* rows, int rowCount, Vector& out,
                                     int argumentCount);
// Prepares per-call-site state (a compiled regex for a constant pattern, a date format, scales).
// Returns an error message, or empty on success. Compiled code shares one call site among all
// tasks running it, so the state must be immutable once bound (or synchronize itself).
using BindHook = std::function<std::string(CallSite& site)>;

struct ScalarKernel {
  std::string name;                // upper-case SQL name or operator: "CHAR_LENGTH", "+", "CAST"
  std::vector<Accepts> arguments;  // for variadic kernels: the type every argument accepts
  Accepts result = Accepts::any();
  bool variadic = false;
  bool mayReturnNull = false;
  bool deterministic = true;

  // For compiled code: the row entry's address and C signature (after the FunctionCall*).
  void* rowEntry = nullptr;
  std::vector<AbiType> abiArguments;
  AbiType abiResult = AbiType::Void;

  VectorEntry vectorEntry = nullptr;
  // Variadic kernels: the row entry is f(FunctionCall*, [out,] const T* values,
  // const uint8_t* valid, int32_t count), with T the element's ABI type.
  VariadicVectorEntry variadicEntry = nullptr;
  AbiType variadicElement = AbiType::Void;
  BindHook bind;

  std::string signature() const;  // "CHAR_LENGTH(STRING) -> INT", for errors and docs
};

// All scalar kernels: the built-in library and, later, UDX register here; the interpreter and
// the code generator look calls up here, so there is one path for both.
class ScalarFunctionRegistry {
 public:
  void add(ScalarKernel kernel);
  // The first kernel named `name` (case-insensitive) accepting these argument and result types.
  const ScalarKernel* find(const std::string& name, const std::vector<DataType>& arguments,
                           const DataType& result) const;
  // Every kernel registered under a name, for error messages.
  std::vector<const ScalarKernel*> overloads(const std::string& name) const;
  size_t size() const { return kernels_.size(); }

  // The built-in function library (runtime/functions/builtins).
  static const ScalarFunctionRegistry& builtins();

 private:
  std::vector<ScalarKernel> kernels_;
};

}  // namespace sluice::runtime
