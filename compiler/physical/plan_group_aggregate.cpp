// GROUP BY / SELECT DISTINCT: rows meet their group's instance through a hash exchange on the
// grouping columns (a global aggregate runs as one instance, as in Flink).
#include <set>

#include "compiler/physical/planner.h"

namespace sluice::physical {

std::vector<artifact::AggregateCall> Planner::aggregateCalls(const plan::LogicalNode& node,
                                                             bool retracting) {
  static const std::set<std::string> kSupported = {"COUNT", "SUM", "SUM0", "$SUM0", "AVG",
                                                   "MIN", "MAX", "FIRST_VALUE", "LAST_VALUE"};
  std::vector<artifact::AggregateCall> calls;
  for (const plan::AggregateCall& call : node.aggregates) {
    if (!kSupported.count(call.function)) unsupported("the aggregate function " + call.function);
    if (call.arguments.size() > 1) unsupported(call.function + " of several arguments");
    if (call.distinct && call.function != "COUNT" && call.function != "SUM" &&
        call.function != "MIN" && call.function != "MAX") {
      unsupported(call.function + "(DISTINCT ..)");
    }
    if (retracting && (call.function == "FIRST_VALUE" || call.function == "LAST_VALUE")) {
      unsupported(call.function + " over updating input");
    }
    artifact::AggregateCall lowered;
    lowered.function = call.function == "$SUM0" ? "SUM0" : call.function;
    lowered.arguments = call.arguments;
    lowered.distinct = call.distinct;
    lowered.filterColumn = call.filterArgument;
    lowered.type = call.type;
    calls.push_back(std::move(lowered));
  }
  return calls;
}

int Planner::groupAggregate(const plan::LogicalNode& node) {
  if (!node.groupingSets.empty()) unsupported("GROUPING SETS, ROLLUP or CUBE");
  const bool retracting = inputUpdates(node);
  std::vector<artifact::AggregateCall> calls = aggregateCalls(node, retracting);
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
  return add(std::move(n));
}

}  // namespace sluice::physical
