// Two-phase GROUP BY (Flink's table.optimizer.agg-phase-strategy): a LocalGroupAggregate in front
// of the hash exchange combines each mini-batch's rows per key into partial accumulators, so
// only one row per key and mini-batch crosses the exchange, and a GlobalGroupAggregate behind it
// merges them into keyed state. Flink splits when mini-batch is on and every call can merge,
// under AUTO (the default) and TWO_PHASE alike; ONE_PHASE never splits.
#include <algorithm>
#include <cctype>

#include "compiler/diagnostics/diagnostics.h"
#include "compiler/physical/planner.h"

namespace sluice::physical {
namespace {

std::string lowered(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// Whether a call's partial accumulators merge into the same result as its rows. FIRST_VALUE and
// LAST_VALUE have no merge in Flink. Over updating input a partial may hold retractions of rows
// it never saw: the runtime's DISTINCT and retracting MIN/MAX multisets drop those, so such
// calls stay one-phase here (Flink merges them through its MapView accumulators).
bool merges(const artifact::AggregateCall& call, bool retracting) {
  // A native aggregate merges when its library has `merge`; its partials may hold retractions,
  // as Flink's user-defined aggregates' do.
  if (call.native()) return call.nativeMerges;
  if (call.function == "FIRST_VALUE" || call.function == "LAST_VALUE") return false;
  if (!retracting) return true;
  if (call.distinct) return false;
  return call.function != "MIN" && call.function != "MAX";
}

}  // namespace

bool Planner::splitsIntoPhases(const std::vector<artifact::AggregateCall>& calls,
                               bool retracting) const {
  const std::string strategy =
      lowered(plan_.option("table.optimizer.agg-phase-strategy", "AUTO"));
  if (strategy != "auto" && strategy != "one_phase" && strategy != "two_phase") {
    throw UserError(location_, "option 'table.optimizer.agg-phase-strategy' must be AUTO, "
                               "ONE_PHASE or TWO_PHASE, not '" +
                                   plan_.option("table.optimizer.agg-phase-strategy", "") + "'");
  }
  if (strategy == "one_phase") return false;
  if (lowered(plan_.option("table.exec.mini-batch.enabled", "false")) != "true") return false;
  return std::all_of(calls.begin(), calls.end(),
                     [&](const auto& call) { return merges(call, retracting); });
}

int Planner::twoPhaseAggregate(const plan::LogicalNode& node,
                               std::vector<artifact::AggregateCall> calls, bool retracting) {
  AggregateStage stage;
  stage.input = lower(node.inputs[0]);
  stage.keys = node.groupKeys;
  stage.calls = std::move(calls);
  stage.schema = node.schema;
  stage.retracting = retracting;
  stage.emitsUpdateBefore = emitsUpdateBefore(node);
  stage.stateTtlMillis = stateTtl(node);
  return twoPhaseStage(std::move(stage));
}

int Planner::aggregateStage(AggregateStage stage) {
  if (splitsIntoPhases(stage.calls, stage.retracting)) return twoPhaseStage(std::move(stage));
  int parallelism = 1;
  const int exchanged = keyedExchange(stage.input, stage.keys, parallelism);
  artifact::Node n = makeNode(artifact::NodeKind::GroupAggregate, {exchanged}, stage.schema);
  n.parallelism = parallelism;
  n.keys = std::move(stage.keys);
  n.aggregates = std::move(stage.calls);
  n.emitsUpdateBefore = stage.emitsUpdateBefore;
  n.inputUpdates = stage.retracting;
  n.stateTtlMillis = stage.stateTtlMillis;
  n.partialFinal = stage.partialFinal;
  return add(std::move(n));
}

int Planner::twoPhaseStage(AggregateStage stage) {
  artifact::Node local = makeNode(artifact::NodeKind::GroupAggregate, {stage.input}, {});
  const std::vector<artifact::Field>& inputSchema = nodeById(stage.input).schema;
  std::vector<int> globalKeys;
  for (int key : stage.keys) {
    globalKeys.push_back(static_cast<int>(local.schema.size()));
    local.schema.push_back(inputSchema[static_cast<size_t>(key)]);
  }
  for (size_t i = 0; i < stage.calls.size(); ++i) {
    local.schema.push_back({"acc$" + std::to_string(i), DataType::bytes()});
  }
  local.schema.push_back({"count1$", DataType::bigInt()});
  local.keys = stage.keys;
  local.aggregates = stage.calls;
  local.inputUpdates = stage.retracting;
  local.aggregatePhase = artifact::AggregatePhase::Local;
  local.partialFinal = stage.partialFinal;
  const int localId = add(std::move(local));

  int parallelism = 1;
  const int exchanged = keyedExchange(localId, globalKeys, parallelism);
  artifact::Node global = makeNode(artifact::NodeKind::GroupAggregate, {exchanged}, stage.schema);
  global.parallelism = parallelism;
  global.keys = std::move(globalKeys);
  global.aggregates = std::move(stage.calls);
  global.emitsUpdateBefore = stage.emitsUpdateBefore;
  global.inputUpdates = stage.retracting;
  global.stateTtlMillis = stage.stateTtlMillis;
  global.aggregatePhase = artifact::AggregatePhase::Global;
  global.partialFinal = stage.partialFinal;
  return add(std::move(global));
}

}  // namespace sluice::physical
