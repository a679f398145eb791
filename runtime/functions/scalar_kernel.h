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
//
// Nested kernels: functions over nested values (ROW, ARRAY, MULTISET, MAP arguments or results:
// CARDINALITY, ARRAY_*, MAP_*, the ARRAY/MAP/ROW constructors, CAST(nested AS STRING)) cannot be
// written row by row, because the row ABI has no nested types. They are registered with
// `nestedKernel(...)`: a NestedEntry that reads the argument vectors and writes the result vector
// (for collections its offsets, sizes and appended child rows), and no row entry. They run in the
// interpreter only; the code generator refuses every expression whose value or argument is nested
// (compiler/codegen/expression_codegen.cpp `supports`), so it never looks them up, and the
// registry refuses a nested kernel that has neither a nested argument nor a nested result.
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
#include "runtime/functions/table_kernel.h"

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
  static Accepts arrays() { return {TypeKind::Array}; }
  static Accepts maps() { return {TypeKind::Map}; }
  static Accepts collections() { return {TypeKind::Array, TypeKind::Multiset, TypeKind::Map}; }
  static Accepts nested() {
    return {TypeKind::Row, TypeKind::Array, TypeKind::Multiset, TypeKind::Map};
  }
  bool matches(const DataType& type) const;
  // Whether every type accepted is nested (ROW, ARRAY, MULTISET, MAP); false for any().
  bool onlyNested() const;
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
// Nested kernels (interpreter only): evaluates rows `rows[0..rowCount)` of the argument vectors
// into `out`, reading every argument by its vector's type (any storage, nested included). Unless
// the kernel `handlesNulls`, the listed rows have no NULL argument and out's validity for them is
// preset to valid. A collection result is written as out.appendChildRows(n), then offsets()[row],
// sizes()[row] and the child rows; `out` holds no child rows when the evaluation starts.
using NestedEntry = void (*)(FunctionCall& call, const Vector* const* arguments, int argumentCount,
                             const int32_t* rows, int rowCount, Vector& out);
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
  // Compiled code calls vectorEntry once per batch, before its row loop, wherever the call runs
  // on every row with column or literal arguments (runtime::PrecomputedCall): a native library's
  // batch entry runs its own tight loop, which beats a call per row.
  bool batchFirst = false;
  // Variadic kernels: the row entry is f(FunctionCall*, [out,] const T* values,
  // const uint8_t* valid, int32_t count), with T the element's ABI type.
  VariadicVectorEntry variadicEntry = nullptr;
  AbiType variadicElement = AbiType::Void;
  BindHook bind;

  // Nested kernels: the only entry (rowEntry, vectorEntry and variadicEntry are null and the ABI
  // types Void); arguments match by kind alone, whatever their storage.
  NestedEntry nestedEntry = nullptr;
  // Nested kernels: rows with NULL arguments reach the kernel, which decides their result
  // (ARRAY_CONTAINS(a, NULL) looks for NULL elements; constructors hold NULL elements).
  bool handlesNulls = false;

  // Compiled code's name for rowEntry; empty: derived from the signature (built-ins). Native
  // library (UDX) kernels name their library and entry, so that two jobs' functions of one SQL
  // name and signature never share a JIT symbol or a code-cache entry.
  std::string symbol;

  // Whether compiled code can call this kernel: false for nested kernels.
  bool hasRowEntry() const { return rowEntry != nullptr; }
  std::string signature() const;  // "CHAR_LENGTH(STRING) -> INT", for errors and docs
};

// A nested kernel (see above): `arguments` (or, when variadic, the type every argument accepts)
// and `result` must name nested kinds in at least one place.
ScalarKernel nestedKernel(std::string name, std::vector<Accepts> arguments, Accepts result,
                          NestedEntry entry);
ScalarKernel variadicNestedKernel(std::string name, Accepts element, Accepts result,
                                  NestedEntry entry);

// All scalar kernels: the built-in library and a job's native (UDX) functions register here; the
// interpreter and the code generator look calls up here, so there is one path for both. A job's
// registry extends the built-ins (`base`): its own kernels are found first, as a temporary system
// function shadows a built-in of its name in Flink.
class ScalarFunctionRegistry {
 public:
  ScalarFunctionRegistry() = default;
  explicit ScalarFunctionRegistry(const ScalarFunctionRegistry* base) : base_(base) {}

  // Throws std::logic_error for a kernel whose entries contradict its kind (a nested kernel with a
  // row entry, or without a nested argument or result): a programming error, found at startup.
  void add(ScalarKernel kernel);
  // The first kernel named `name` (case-insensitive) accepting these argument and result types.
  const ScalarKernel* find(const std::string& name, const std::vector<DataType>& arguments,
                           const DataType& result) const;
  // Every kernel registered under a name, for error messages.
  std::vector<const ScalarKernel*> overloads(const std::string& name) const;
  size_t size() const { return kernels_.size() + (base_ != nullptr ? base_->size() : 0); }
  // What compiled code depends on beyond the built-ins (the symbols of the kernels added over a
  // base), for code caches: "" for the built-ins.
  std::string extensionKey() const;

  // The built-in function library (runtime/functions/builtins).
  static const ScalarFunctionRegistry& builtins();

  // The job's table functions (LATERAL TABLE) travel with its scalar functions: those added here
  // or to the base, then TableFunctionRegistry::builtins().
  void addTable(TableKernel kernel) { tables_.add(std::move(kernel)); }
  const TableKernel* findTable(const std::string& name) const;

 private:
  const ScalarFunctionRegistry* base_ = nullptr;
  std::vector<ScalarKernel> kernels_;
  TableFunctionRegistry tables_;
};

}  // namespace sluice::runtime
