// Bookkeeping while binding the SELECT list and HAVING of an aggregating query. Expressions that
// match a GROUP BY expression become references to the group key; aggregate calls are collected
// and become references to their result. Until the number of aggregates is known those
// references use placeholder indexes (kAggregateBase + i, kPropertyBase + i), remapped when the
// Aggregate node is built.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "compiler/binder/scope.h"
#include "compiler/parser/ast/ast_expression.h"
#include "compiler/plan/logical_plan.h"

namespace sluice {

struct PendingAggregate {
  std::string function;
  const FunctionDefinition* definition = nullptr;
  std::vector<plan::ExpressionRef> operands;  // bound against the input scope
  bool distinct = false;
  plan::ExpressionRef filter;
  DataType type;
  std::string digest;
};

struct AggregationState {
  static constexpr int kAggregateBase = 1000000;
  static constexpr int kPropertyBase = 2000000;

  const Scope* inputScope = nullptr;
  std::vector<plan::ExpressionRef> groupExpressions;
  std::vector<std::string> groupDigests;
  std::vector<PendingAggregate> aggregates;

  // A legacy group window from GROUP BY TUMBLE(ts, ..) / HOP / SESSION.
  std::optional<plan::WindowSpec> window;
  std::string windowFunction;                     // TUMBLE, HOP, SESSION
  std::vector<std::string> windowArgumentDigests;  // to match TUMBLE_START(ts, INTERVAL ..)
  DataType windowTimeType;
  std::vector<plan::WindowProperty> properties;

  int groupIndex(const std::string& digest) const;
  plan::ExpressionRef aggregateReference(PendingAggregate aggregate);
  plan::ExpressionRef propertyReference(plan::WindowProperty property);
};

// Replaces placeholder references by their final positions: aggregates follow the group keys,
// window properties follow the aggregates.
plan::ExpressionRef resolvePlaceholders(const plan::ExpressionRef& expression, int groupCount,
                                        int aggregateCount);

// Rebuilds an expression with every InputRef index mapped through `map`.
plan::ExpressionRef remapInputs(const plan::ExpressionRef& expression,
                                const std::function<int(int)>& map);

}  // namespace sluice
