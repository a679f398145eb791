// Common subexpressions of a Calc: a deterministic expression that the condition or the
// projections repeat is computed once per row and its value reused, as Flink's RexProgram does
// (Nexmark q21 repeats REGEXP_EXTRACT(url, ..) and lower(channel)). The interpreter
// (calc_expressions.h) and the code generator (compiler/codegen/expression_codegen.h) apply the
// same rules, so both modes evaluate the same calls:
//
// - Only identical expressions are shared: same function, operands, types and literals
//   (`subexpressionKey`), and only deterministic calls (`isShareable`): RAND(), UUID(), NOW() or a
//   native function not flagged deterministic keep one evaluation per occurrence.
// - A value is reused only where its first evaluation is certain to have happened for the row:
//   sharing must never evaluate an expression on a row the plan would not evaluate it on, since
//   evaluation can fail (a bad CAST, a division by zero) where a filter, CASE, COALESCE, AND or
//   OR guards it. So values live in scopes (`SubexpressionScopes`): the Calc's top scope holds
//   what the condition evaluates on every row and what each projection evaluates on every kept
//   row (projections run only on rows the condition keeps). A condition that is an AND keeps its
//   operands in the top scope too: each runs on the rows no operand before it rejected, and the
//   projections on rows all of them accepted (compiled code makes it a chain of conjuncts that
//   leaves at the first FALSE; Nexmark's views put `event_type = 2 AND` before q21's filter).
//   Anywhere else, an operand evaluated on some rows only opens a nested scope, which sees the
//   values of the scopes around it and forgets its own when it closes. Nothing is hoisted out of
//   a branch:
//     AND / OR        the first operand is in the enclosing scope, each later one in a scope of
//                     its own (compiled code reaches operand 3 both after operand 2 and without
//                     it, so operand 2's values do not reach it)
//     CASE            the first WHEN is in the enclosing scope; each THEN opens a scope inside
//                     its WHEN's, each later WHEN (and the ELSE) a scope inside the previous
//                     WHEN's: a branch runs only on rows that evaluated every WHEN before it
//     COALESCE        the first operand is in the enclosing scope, each later one in a scope
//                     inside the previous operand's
//     anything else   (calls, casts, IS [NOT] NULL, NOT, ...) evaluates all its operands
#pragma once

#include <cassert>
#include <map>
#include <string>
#include <vector>

#include "compiler/artifact/job_plan.h"
#include "runtime/functions/scalar_kernel.h"

namespace sluice::runtime {

// The structural identity of an expression: equal keys mean the same function of the same
// operands, types (nullability included) and literals.
std::string subexpressionKey(const artifact::Expression& expression);

// Whether `expression` is worth computing once and reusing: a call or cast (columns and
// literals cost nothing to read again) of a scalar type, whose calls are all deterministic in
// `registry`.
bool isShareable(const artifact::Expression& expression, const ScalarFunctionRegistry& registry);

// The values known at the current point of a Calc's evaluation, by subexpressionKey (see the
// comment at the top). `T` is what a value is to the evaluator: a shared interpreter node, or
// the SSA value of compiled code.
template <typename T>
class SubexpressionScopes {
 public:
  SubexpressionScopes() : scopes_(1) {}

  // The value of `key` computed in this scope or one around it; nullptr when there is none.
  const T* find(const std::string& key) const {
    for (auto scope = scopes_.rbegin(); scope != scopes_.rend(); ++scope) {
      if (auto found = scope->find(key); found != scope->end()) return &found->second;
    }
    return nullptr;
  }
  void add(std::string key, T value) { scopes_.back().emplace(std::move(key), std::move(value)); }

  // Opens a scope for an operand evaluated on some rows only; leave() forgets its values.
  void enter() { scopes_.emplace_back(); }
  void leave(size_t count = 1) {
    assert(count < scopes_.size() && "leaving the Calc's top scope");
    scopes_.resize(scopes_.size() - count);
  }

 private:
  std::vector<std::map<std::string, T>> scopes_;
};

}  // namespace sluice::runtime
