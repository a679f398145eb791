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

struct FunctionDefinition {
  std::string name;  // upper case, as Flink lists it: "DATE_FORMAT", "COUNT"
  FunctionKind kind = FunctionKind::Scalar;
  TypeInference infer;
  // Human-readable signatures for error messages, e.g. "DATE_FORMAT(TIMESTAMP, STRING)".
  std::vector<std::string> signatures;
  bool deterministic = true;  // false for NOW(), RAND(), UUID(), PROCTIME() ...
  // True when the function may be called without parentheses (CURRENT_TIMESTAMP, LOCALTIME ...).
  bool callableWithoutParentheses = false;
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
