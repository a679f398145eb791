// Native library (UDX) functions as the compiler sees them: the libraries a job loads (USING
// LIBRARY, SET 'sqlc.udx.path', sqlc --udx), the functions they offer by identifier, and the
// typing of a CREATE FUNCTION that names one of them. Loading itself belongs to the runtime
// (runtime/udx), which the compiler does not include: the tool that runs the compiler hands it a
// NativeLibraryLoader (session/udx_loader.h).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "compiler/functions/function_registry.h"

namespace sluice {

// One entry of a library's function table.
struct NativeFunctionInfo {
  FunctionKind kind = FunctionKind::Scalar;
  NativeOverload overload;  // a table function's `result` is its ROW type
};

struct NativeLibraryInfo {
  std::string path;  // canonical
  std::string name;
  std::vector<NativeFunctionInfo> functions;
};

// Loads a library and describes it; throws std::runtime_error with a message naming the path.
using NativeLibraryLoader = std::function<NativeLibraryInfo(const std::string& path)>;

// The libraries of one compilation, in load order.
class NativeLibraries {
 public:
  explicit NativeLibraries(NativeLibraryLoader loader = {}) : loader_(std::move(loader)) {}

  // Loads `path` (once); throws std::runtime_error.
  const NativeLibraryInfo& load(const std::string& path);
  // The entries registered under `identifier`, all from one library: the first of `preferred`
  // (canonical paths) that has it, else the first loaded that has it; empty when none does.
  std::vector<NativeFunctionInfo> find(const std::string& identifier,
                                       const std::vector<std::string>& preferred = {}) const;
  // Every identifier offered, sorted, for error messages.
  std::vector<std::string> identifiers() const;
  bool empty() const { return libraries_.empty(); }

 private:
  NativeLibraryLoader loader_;
  std::vector<NativeLibraryInfo> libraries_;
};

// The definition of a user function `name` implemented by these scalar overloads: inference picks
// the overload as Flink picks among `eval` methods (an exact match of the operand types first,
// then one reached by implicit casts, the most specific of those); the result is nullable when an
// operand is or the overload may return NULL.
FunctionDefinition nativeScalarDefinition(const std::string& name,
                                          std::vector<NativeOverload> overloads);

// The definition of a user table function (LATERAL TABLE) implemented by these overloads, chosen
// as for scalars; its result is the chosen overload's ROW type, whose fields become the columns.
FunctionDefinition nativeTableDefinition(const std::string& name,
                                         std::vector<NativeOverload> overloads);

// The definition of a user aggregate function implemented by these overloads, chosen as for
// scalars; its result is nullable (no rows, or NULL from get_value).
FunctionDefinition nativeAggregateDefinition(const std::string& name,
                                             std::vector<NativeOverload> overloads);

// The overload of `definition` whose declared arguments are `operandTypes` (a typed call's
// operand types), or nullptr.
const NativeOverload* nativeOverloadOf(const FunctionDefinition& definition,
                                       const std::vector<DataType>& operandTypes);

// A call of a native function in a statement: the SQL name its calls use and the overload.
struct NativeFunctionUse {
  std::string name;  // upper case, as the call's name in the plan
  NativeOverload overload;
};

// "a.so,b.so" or "a.so:b.so" -> the paths.
std::vector<std::string> splitLibraryPath(const std::string& list);

}  // namespace sluice
