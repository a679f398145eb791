// The catalog of callable functions: Flink's built-in scalar, aggregate and ranking functions now,
// UDX later (issue 6). Each definition owns its type inference, so the binder never special-cases
// a function by name for typing; it asks the registry, then inserts the implicit casts returned.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/diagnostics/result.h"
#include "compiler/types/data_type.h"

namespace sluice {

enum class FunctionKind : uint8_t {
  Scalar,
  Aggregate,  // COUNT, SUM, LISTAGG, ... (usable in GROUP BY queries and OVER windows)
  Ranking,    // ROW_NUMBER, RANK, DENSE_RANK, ... (only with OVER)
  Table,      // table functions used with LATERAL TABLE(..)
};

// One argument as the binder sees it before inference.
struct CallOperand {
  DataType type;
  // The literal's text when the operand is a literal: the unquoted string for a string literal,
  // the digits for a numeric literal, the keyword for a Symbol (e.g. "YEAR", "DAY").
  std::optional<std::string> literal;
  bool isNullLiteral = false;
};

// What inference decides: the result type, and the type each operand must be cast to before the
// call (equal to the operand's own type when no implicit cast is needed).
struct CallTyping {
  DataType result;
  std::vector<DataType> operandTypes;
};

using TypeInference = std::function<Result<CallTyping>(std::span<const CallOperand>)>;

// One overload of a native library (UDX) function: entry `index` of the library at `library` (a
// canonical path), what the job plan records for each call (compiler/functions/native_functions.h).
struct NativeOverload {
  std::string library;
  std::string identifier;
  int index = 0;
  std::vector<DataType> arguments;
  DataType result;
  bool mayReturnNull = false;
  bool deterministic = true;
  // Aggregate functions: whether the library has `retract` (needed over updating input) and
  // `merge` (needed to combine partial accumulators).
  bool retracts = true;
  bool merges = true;
  std::string signature(const std::string& name) const;  // "count_char(STRING, STRING) -> BIGINT"
};

struct FunctionDefinition {
  std::string name;  // upper case, as Flink lists it: "DATE_FORMAT", "COUNT"
  FunctionKind kind = FunctionKind::Scalar;
  TypeInference infer;
  // Human-readable signatures for error messages, e.g. "DATE_FORMAT(TIMESTAMP, STRING)".
  std::vector<std::string> signatures;
  bool deterministic = true;  // false for NOW(), RAND(), UUID(), PROCTIME() ...
  // True when the function may be called without parentheses (CURRENT_TIMESTAMP, LOCALTIME ...).
  bool callableWithoutParentheses = false;
  // A native library function: its overloads, one of which `infer` picks by the operand types.
  std::vector<NativeOverload> nativeOverloads;
};

class FunctionRegistry {
 public:
  // A registry holding every built-in function of Flink's function list.
  static FunctionRegistry withBuiltins();

  // Adds or replaces (by case-insensitive name) a definition.
  void add(FunctionDefinition definition);
  // Case-insensitive lookup; nullptr when unknown.
  const FunctionDefinition* find(std::string_view name) const;
  // All names, sorted, for suggestions and SHOW FUNCTIONS.
  std::vector<std::string> names() const;

 private:
  std::map<std::string, FunctionDefinition, std::less<>> byUpperName_;
};

}  // namespace sluice
