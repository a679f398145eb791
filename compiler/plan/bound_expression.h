// Typed expressions of the logical plan. Column references are positions in the input row ($0,
// $1, ...), as in Calcite's RexNode; expressions are immutable and shared.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/functions/function_registry.h"
#include "compiler/types/data_type.h"

namespace sluice::plan {

struct LogicalNode;
struct BoundExpression;
using ExpressionRef = std::shared_ptr<const BoundExpression>;
using NodeRef = std::shared_ptr<const LogicalNode>;

enum class ExpressionKind : unsigned char {
  InputRef,        // $index of the input row (for joins: left fields, then right fields)
  OuterRef,        // a column of an enclosing query, from a correlated subquery
  Literal,         // text holds the value as SQL would print it; NULL has type NULL
  Call,            // a function or operator; name is the upper-case name or operator symbol
  Cast,            // CAST / TRY_CAST (name == "TRY_CAST" for the latter)
  FieldAccess,     // operand.fieldName (index = field position)
  Symbol,          // a keyword operand (YEAR, BOTH, ...)
  Subquery,        // scalar subquery, IN (subquery), EXISTS: name says which
  OverCall,        // an aggregate or ranking call OVER a window; see OverWindow
};

enum class FrameBoundKind : unsigned char {
  UnboundedPreceding, Preceding, CurrentRow, Following, UnboundedFollowing
};

// One end of an OVER frame. `offset` is the n of `n PRECEDING` / `n FOLLOWING` when it is a
// constant the planner can use: a count of rows (an integer literal) or, when `interval`, the
// milliseconds of a day-time INTERVAL literal. nullopt for anything else (DECIMAL, year-month
// intervals, expressions), which the planner refuses.
struct FrameBound {
  FrameBoundKind kind = FrameBoundKind::CurrentRow;
  std::optional<int64_t> offset;
  bool interval = false;
  bool operator==(const FrameBound&) const = default;
};

struct OverWindow {
  std::vector<ExpressionRef> partitionBy;
  std::vector<std::pair<ExpressionRef, bool>> orderBy;  // expression, descending
  // The frame, explicit or SQL's default: RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
  // with ORDER BY, the whole partition (ROWS, UNBOUNDED both ways) without.
  bool rows = false;  // ROWS; false: RANGE
  FrameBound start{FrameBoundKind::UnboundedPreceding, std::nullopt, false};
  FrameBound end{FrameBoundKind::CurrentRow, std::nullopt, false};
  // As written, for printing: "ROWS BETWEEN 2 PRECEDING AND CURRENT ROW"; "" when none.
  std::string frame;
};

struct BoundExpression {
  ExpressionKind kind = ExpressionKind::Literal;
  DataType type;
  int index = -1;
  std::string name;
  const FunctionDefinition* function = nullptr;
  std::vector<ExpressionRef> operands;
  NodeRef subquery;                      // Subquery
  std::shared_ptr<const OverWindow> over;  // OverCall
  bool distinct = false;                 // OverCall: COUNT(DISTINCT x) OVER ..
  // Literal: the value as CAST(STRING AS type) reads it ('abc' -> abc, DATE '2020-01-01' ->
  // 2020-01-01, INTERVAL '2' SECOND -> 2000 ms, X'0aff' -> 0aff); empty means `name` itself.
  std::optional<std::string> literalValue;

  // A canonical text used to print the plan and to compare expressions: "+($0, 1)",
  // "CAST($1 AS BIGINT)", "'abc'", "EXTRACT(YEAR, $2)".
  std::string digest() const;
};

ExpressionRef inputRef(int index, DataType type);
ExpressionRef literal(std::string text, DataType type,
                      std::optional<std::string> value = std::nullopt);
ExpressionRef call(std::string name, std::vector<ExpressionRef> operands, DataType type,
                   const FunctionDefinition* function = nullptr);
ExpressionRef cast(ExpressionRef operand, DataType type, bool isTry = false);

// The expressions joined by AND at the top level of a condition.
std::vector<ExpressionRef> conjunctions(const ExpressionRef& condition);
// The AND of `parts`: TRUE when there are none, the one part alone.
ExpressionRef conjunction(const std::vector<ExpressionRef>& parts);
// Whether `e` may be evaluated anywhere its input columns are (below a join, in a Calc before a
// lookup): deterministic calls only, and no subquery, OVER call or outer reference.
bool isDeterministicRowExpression(const ExpressionRef& e);
// Whether the expression refers to input fields only within [begin, end).
bool referencesOnly(const ExpressionRef& expression, int begin, int end);
// Collects the InputRef indexes an expression uses.
void collectInputRefs(const ExpressionRef& expression, std::vector<int>& indexes);

}  // namespace sluice::plan
