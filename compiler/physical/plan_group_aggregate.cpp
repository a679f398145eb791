// GROUP BY / SELECT DISTINCT: rows meet their group's instance through a hash exchange on the
// grouping columns (a global aggregate runs as one instance, as in Flink).
#include <algorithm>
#include <optional>
#include <set>

#include "compiler/physical/native_aggregate.h"
#include "compiler/physical/planner.h"

namespace sluice::physical {
namespace {

// LISTAGG's separator: Flink takes any string expression, but a literal is what is written in
// practice, and the only kind run here (it is kept in the call, not read from a column).
std::optional<std::string> separatorLiteral(const plan::LogicalNode& node, int column) {
  const plan::LogicalNode& input = *node.inputs[0];
  if (input.kind != plan::NodeKind::Project) return std::nullopt;
  const plan::BoundExpression& e = *input.expressions[static_cast<size_t>(column)];
  if (e.kind != plan::ExpressionKind::Literal || !e.type.isCharacterString()) return std::nullopt;
  return e.literalValue ? *e.literalValue : e.name;
}

// A call of a native aggregate function: its arguments as they are (any number of them).
artifact::AggregateCall nativeAggregateCall(const plan::LogicalNode& node,
                                            const plan::AggregateCall& call, bool retracting,
                                            SourceLocation location) {
  std::vector<DataType> argumentTypes;
  for (int argument : call.arguments) {
    argumentTypes.push_back(node.inputs[0]->schema[static_cast<size_t>(argument)].type);
  }
  NativeAggregateNeeds needs;
  needs.retract = retracting;
  needs.where = "an updating input";
  if (!retracting && node.kind == plan::NodeKind::WindowAggregate &&
      node.window.kind != plan::WindowKind::Tumble) {
    needs.merge = true;
    needs.where = "HOP, CUMULATE or SESSION windows";
  }
  artifact::AggregateCall lowered;
  lowerNativeAggregate(*call.definition, call.function, argumentTypes, call.distinct, needs,
                       location, lowered);
  lowered.function = call.function;
  lowered.arguments = call.arguments;
  lowered.filterColumn = call.filterArgument;
  lowered.type = call.type;
  return lowered;
}

}  // namespace

std::vector<artifact::AggregateCall> Planner::aggregateCalls(const plan::LogicalNode& node,
                                                             bool retracting) {
  // The accumulators of runtime/operators/aggregate_functions.cpp, and the grouping functions
  // (plan_grouping_sets.cpp). The variance family never gets here: the optimizer rewrote it
  // (optimizer/reduce_aggregate_functions.cpp).
  static const std::set<std::string> kSupported = {
      "COUNT",      "SUM",      "SUM0",     "$SUM0",       "AVG",     "MIN",
      "MAX",        "BOOL_AND", "BOOL_OR",  "EVERY",       "SOME",    "FIRST_VALUE",
      "LAST_VALUE", "LISTAGG",  "GROUPING", "GROUPING_ID", "GROUP_ID"};
  static const std::set<std::string> kDistinct = {"COUNT",   "SUM",   "SUM0", "$SUM0",
                                                  "AVG",     "MIN",   "MAX",  "BOOL_AND",
                                                  "BOOL_OR", "EVERY", "SOME", "LISTAGG"};
  std::vector<artifact::AggregateCall> calls;
  for (const plan::AggregateCall& call : node.aggregates) {
    if (isNativeAggregate(call.definition)) {
      calls.push_back(nativeAggregateCall(node, call, retracting, location_));
      continue;
    }
    if (!kSupported.count(call.function)) unsupported("the aggregate function " + call.function);
    const bool grouping = isGroupingFunction(call.function);
    if (grouping && node.kind != plan::NodeKind::Aggregate) {
      unsupported(call.function + " in a window aggregation");
    }
    std::vector<int> arguments = call.arguments;
    artifact::AggregateCall lowered;
    if (call.function == "LISTAGG" && arguments.size() == 2) {
      lowered.separator = separatorLiteral(node, arguments[1]);
      if (!lowered.separator) unsupported("LISTAGG with a separator that is not a string literal");
      arguments.pop_back();
    }
    if (arguments.size() > 1 && !grouping) unsupported(call.function + " of several arguments");
    if (call.distinct && !kDistinct.count(call.function)) {
      unsupported(call.function + "(DISTINCT ..)");
    }
    if (retracting && (call.function == "FIRST_VALUE" || call.function == "LAST_VALUE")) {
      unsupported(call.function + " over updating input");
    }
    lowered.function = call.function == "$SUM0" ? "SUM0" : call.function;
    lowered.arguments = std::move(arguments);
    lowered.distinct = call.distinct;
    lowered.filterColumn = call.filterArgument;
    lowered.type = call.type;
    calls.push_back(std::move(lowered));
  }
  return calls;
}

int Planner::groupAggregate(const plan::LogicalNode& node) {
  const bool retracting = inputUpdates(node);
  std::vector<artifact::AggregateCall> calls = aggregateCalls(node, retracting);
  const bool groupingFunctions = std::any_of(calls.begin(), calls.end(), [](const auto& call) {
    return isGroupingFunction(call.function);
  });
  if (!node.groupingSets.empty() || groupingFunctions) {
    return groupingSetsAggregate(node, std::move(calls), retracting);
  }
  if (splitsDistinct(calls)) return splitDistinctAggregate(node, std::move(calls), retracting);
  if (splitsIntoPhases(calls, retracting)) {
    return twoPhaseAggregate(node, std::move(calls), retracting);
  }
  int parallelism = 1;
  const int exchanged = keyedExchange(lower(node.inputs[0]), node.groupKeys, parallelism);
  artifact::Node n = makeNode(artifact::NodeKind::GroupAggregate, {exchanged}, node.schema);
  n.parallelism = parallelism;
  n.keys = node.groupKeys;
  n.aggregates = std::move(calls);
  // The changelog pass decided whether the consumer needs -U (retract) or takes upserts, and
  // whether the input can retract.
  n.emitsUpdateBefore = emitsUpdateBefore(node);
  n.inputUpdates = retracting;
  n.stateTtlMillis = stateTtl(node);
  return add(std::move(n));
}

}  // namespace sluice::physical
