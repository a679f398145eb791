#include "compiler/physical/operator_state.h"

#include <fmt/format.h>

#include <algorithm>

#include "compiler/physical/stream_operator.h"

namespace sluice::physical {

namespace {

using Node = plan::LogicalNode;

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i > 0 ? ", " : "") + parts[i];
  return out;
}

bool inputUpdates(const Node& node, const ChangelogPlan& plan) {
  return std::any_of(node.inputs.begin(), node.inputs.end(), [&](const plan::NodeRef& input) {
    const NodeChangelog* info = plan.find(*input);
    return info != nullptr && !info->kinds.isInsertOnly();
  });
}

std::string aggregate(const Node& node, const ChangelogPlan& plan) {
  std::string scope = !node.groupingSets.empty() ? "per grouping set and key"
                      : node.groupKeys.empty()   ? "for the single group"
                                                 : "per group key";
  const bool retracts = inputUpdates(node, plan);
  std::vector<std::string> items;
  if (node.aggregates.empty()) {
    items.emplace_back(retracts ? "a row count" : "whether it was seen");
    return "per key: " + joined(items);
  }
  items.emplace_back("accumulators");
  if (retracts) items.emplace_back("a row count");
  const bool distinct = std::any_of(node.aggregates.begin(), node.aggregates.end(),
                                    [](const plan::AggregateCall& c) { return c.distinct; });
  if (distinct) items.emplace_back("the distinct values of each DISTINCT aggregate");
  const bool keepsValues =
      retracts && std::any_of(node.aggregates.begin(), node.aggregates.end(), [](const auto& c) {
        return c.function == "MIN" || c.function == "MAX" || c.function == "FIRST_VALUE" ||
               c.function == "LAST_VALUE";
      });
  if (keepsValues) items.emplace_back("the values of MIN/MAX/FIRST_VALUE/LAST_VALUE, to retract");
  return scope + ": " + joined(items);
}

std::string windowAggregate(const Node& node) {
  switch (node.window.kind) {
    case plan::WindowKind::Tumble:
      return "per key and window: accumulators, until the window closes";
    case plan::WindowKind::Hop:
    case plan::WindowKind::Cumulate:
      return "per key and slice: accumulators, until the last window over the slice closes";
    case plan::WindowKind::Session:
      return "per key and session: accumulators, until the session closes";
  }
  return "";
}

std::string overAggregate(const Node& node, const ChangelogPlan& plan) {
  if (inputUpdates(node, plan)) {
    return "per partition key: every current row with the results last sent for it";
  }
  const plan::OverWindow* over = nullptr;
  for (const auto& e : node.expressions) {
    if (e->over) over = e->over.get();
  }
  const bool eventTime =
      over != nullptr && !over->orderBy.empty() && over->orderBy[0].first->type.isRowtime();
  const bool unbounded =
      over == nullptr || over->start.kind == plan::FrameBoundKind::UnboundedPreceding;
  std::string out =
      unbounded ? "per partition key: accumulators" : "per partition key: the rows in the frame";
  if (eventTime) out += ", rows awaiting the watermark";
  return out;
}

std::string rank(const Node& node, const NodeChangelog& info) {
  const bool sortLimit = node.kind == plan::NodeKind::Sort;
  const int64_t n = sortLimit ? node.limit.value_or(0) + node.offset : node.rankEnd;
  std::string scope;
  if (node.windowed) {
    scope = "per window and partition key: ";
  } else if (!sortLimit && !node.groupKeys.empty()) {
    scope = "per partition key: ";
  }
  const std::string top = n == 1 ? "the top row" : fmt::format("the top {} rows", n);
  if (node.windowed) return scope + top + ", until the window closes";
  switch (info.rankStrategy.value_or(RankStrategy::Retract)) {
    case RankStrategy::AppendFast: return scope + top;
    case RankStrategy::UpdateFast: return scope + top + " by unique key";
    case RankStrategy::Retract:
      return scope + "every input row, to refill " + (n == 1 ? "the top" : top) +
             " when a row leaves it";
  }
  return "";
}

std::string deduplicate(const Node& node, const NodeChangelog& info) {
  const char* row = node.keepLastRow ? "the last row" : "the first row";
  if (node.windowed) return fmt::format("per window and key: {}, until the window closes", row);
  if (!node.keepLastRow && info.kinds.isInsertOnly()) return "per key: whether a row was seen";
  return std::string("per key: ") + row;
}

// Flink's JoinInputSideSpec: a side unique by its join key keeps one row per key; a side with
// a unique key keeps rows by that key; any other side keeps rows with their counts.
std::string joinSide(const Node& join, size_t side, const ChangelogPlan& plan) {
  std::vector<int> joinKeys;
  for (const auto& [l, r] : join.equiKeys) joinKeys.push_back(side == 0 ? l : r);
  const NodeChangelog* info = plan.find(*join.inputs[side]);
  const UpsertKeys keys = info != nullptr ? info->upsertKeys : UpsertKeys{};
  std::string out = hasKeyWithin(keys, joinKeys) ? "one row per join key"
                    : !keys.empty()              ? "rows by unique key per join key"
                                                 : "rows with their counts per join key";
  const bool outer = join.joinKind == plan::JoinKind::Full ||
                     (side == 0 && (join.joinKind == plan::JoinKind::Left ||
                                    join.joinKind == plan::JoinKind::Semi ||
                                    join.joinKind == plan::JoinKind::Anti)) ||
                     (side == 1 && join.joinKind == plan::JoinKind::Right);
  if (outer) out += ", with their match counts";
  return out;
}

}  // namespace

std::string describeOperatorState(const plan::LogicalNode& node, const ChangelogPlan& plan) {
  const NodeChangelog* info = plan.find(node);
  if (info == nullptr) return "";
  switch (streamOperatorOf(node)) {
    case StreamOperator::TableSourceScan:
      return info->changelogNormalize ? "per primary key: the last row (ChangelogNormalize)" : "";
    case StreamOperator::GroupAggregate: return aggregate(node, plan);
    case StreamOperator::UnionDistinct: return "per row: a count";
    case StreamOperator::Intersect:
    case StreamOperator::Except: return "per row: a count from each input";
    case StreamOperator::GroupWindowAggregate:
    case StreamOperator::WindowAggregate: return windowAggregate(node);
    case StreamOperator::OverAggregate: return overAggregate(node, plan);
    case StreamOperator::Rank:
    case StreamOperator::WindowRank:
    case StreamOperator::SortLimit: return rank(node, *info);
    case StreamOperator::Deduplicate:
    case StreamOperator::WindowDeduplicate: return deduplicate(node, *info);
    case StreamOperator::Join:
      return "left: " + joinSide(node, 0, plan) + "; right: " + joinSide(node, 1, plan);
    case StreamOperator::IntervalJoin:
      return "per side: rows within the time bounds, until the watermark passes them";
    case StreamOperator::TemporalJoin:
      return "left: rows awaiting the watermark; right: versions per primary key";
    case StreamOperator::WindowJoin:
      return "per side: rows per window and join key, until the window closes";
    case StreamOperator::Limit: return "a row count";
    case StreamOperator::TemporalSort: return "rows awaiting the watermark";
    case StreamOperator::Sort: return "every row, until the input ends";
    case StreamOperator::Match: return "per partition key: buffered rows and partial matches";
    case StreamOperator::Sink: {
      const SinkChangelog* sink = plan.findSink(node);
      return sink != nullptr && sink->upsertMaterialize
                 ? "per primary key: the rows written, to apply changes in order "
                   "(SinkUpsertMaterializer)"
                 : "";
    }
    case StreamOperator::Values:
    case StreamOperator::Calc:
    case StreamOperator::WatermarkAssigner:
    case StreamOperator::WindowTableFunction:
    case StreamOperator::LookupJoin:
    case StreamOperator::Correlate:
    case StreamOperator::Union: return "";
  }
  return "";
}

}  // namespace sluice::physical
