#include "compiler/physical/rank_strategy.h"

#include <algorithm>

namespace sluice::physical {

namespace {

// How a field of an updating stream moves when its row is updated (Flink's
// RelModifiedMonotonicity, for the shapes a TopN over an aggregate takes).
enum class Monotonicity : uint8_t { Constant, Increasing, Decreasing, NotMonotonic };

Monotonicity aggregateMonotonicity(const plan::AggregateCall& call) {
  const std::string& f = call.function;
  if (f == "COUNT" || f == "MAX" || f == "BOOL_OR" || f == "SOME") return Monotonicity::Increasing;
  if (f == "MIN" || f == "BOOL_AND" || f == "EVERY") return Monotonicity::Decreasing;
  // SUM grows only over non-negative values, which Flink proves from value ranges; Sluice does
  // not track those yet.
  return Monotonicity::NotMonotonic;
}

Monotonicity fieldMonotonicity(const plan::LogicalNode& node, int field,
                               const InsertOnlyQuery& isInsertOnly) {
  switch (node.kind) {
    case plan::NodeKind::Project: {
      const auto& e = node.expressions[static_cast<size_t>(field)];
      if (e->kind == plan::ExpressionKind::Literal) return Monotonicity::Constant;
      if (e->kind != plan::ExpressionKind::InputRef) return Monotonicity::NotMonotonic;
      return fieldMonotonicity(*node.inputs[0], e->index, isInsertOnly);
    }
    case plan::NodeKind::Filter:
    case plan::NodeKind::WatermarkAssigner:
      return fieldMonotonicity(*node.inputs[0], field, isInsertOnly);
    case plan::NodeKind::Aggregate: {
      // An aggregate over an updating input may move any result either way.
      if (!node.groupingSets.empty() || !isInsertOnly(*node.inputs[0])) {
        return Monotonicity::NotMonotonic;
      }
      const auto groupCount = static_cast<int>(node.groupKeys.size());
      if (field < groupCount) return Monotonicity::Constant;
      return aggregateMonotonicity(node.aggregates[static_cast<size_t>(field - groupCount)]);
    }
    default:
      // Rows of an insert-only stream never change.
      return isInsertOnly(node) ? Monotonicity::Constant : Monotonicity::NotMonotonic;
  }
}

// Every sort field moves only towards the top: up under DESC, down under ASC, or not at all.
bool sortsMonotonically(const plan::LogicalNode& input, const std::vector<plan::SortKey>& order,
                        const InsertOnlyQuery& isInsertOnly) {
  if (order.empty()) return false;
  return std::all_of(order.begin(), order.end(), [&](const plan::SortKey& key) {
    switch (fieldMonotonicity(input, key.field, isInsertOnly)) {
      case Monotonicity::Constant: return true;
      case Monotonicity::Increasing: return key.descending;
      case Monotonicity::Decreasing: return !key.descending;
      case Monotonicity::NotMonotonic: return false;
    }
    return false;
  });
}

}  // namespace

const char* rankStrategyName(RankStrategy strategy) {
  switch (strategy) {
    case RankStrategy::AppendFast: return "AppendFastStrategy";
    case RankStrategy::UpdateFast: return "UpdateFastStrategy";
    case RankStrategy::Retract: return "RetractStrategy";
  }
  return "?";
}

std::vector<RankStrategy> rankStrategies(const plan::LogicalNode& input,
                                         const std::vector<plan::SortKey>& order,
                                         const UpsertKeys& inputKeys,
                                         const InsertOnlyQuery& isInsertOnly) {
  if (isInsertOnly(input)) return {RankStrategy::AppendFast};
  if (!inputKeys.empty() && sortsMonotonically(input, order, isInsertOnly)) {
    return {RankStrategy::UpdateFast, RankStrategy::Retract};
  }
  return {RankStrategy::Retract};
}

}  // namespace sluice::physical
