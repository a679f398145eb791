// TopN (Rank) and deduplication: rows meet their partition's instance through a hash exchange on
// the partition keys (one instance without keys, as in Flink). The window variants are keyed by
// window_start / window_end among the partition keys, and fire when the watermark passes the
// window end.
#include <algorithm>
#include <string>

#include "compiler/binder/window_source.h"
#include "compiler/diagnostics/diagnostics.h"
#include "compiler/physical/planner.h"

namespace sluice::physical {
namespace {

// The sort keys the runtime's order-preserving key encoding covers.
bool orderable(const DataType& type) {
  return !type.isConstructed() && type.kind() != TypeKind::Raw;
}

std::vector<artifact::SortKey> artifactSortKeys(const std::vector<plan::SortKey>& keys) {
  std::vector<artifact::SortKey> out;
  for (const plan::SortKey& key : keys) out.push_back({key.field, key.descending, key.nullsFirst});
  return out;
}

// The partition key holding the window_end of the window TVF the partition traces back to, and
// that TVF; {-1, nullptr} when the partition has none. The runtime fires a window when the
// watermark passes that column's value, which is in the watermark's own terms whatever
// table.local-time-zone says: over a TIMESTAMP time attribute both are wall times read as UTC,
// and over a TIMESTAMP_LTZ one window_end is a TIMESTAMP_LTZ too, the instant at which the
// window ends on the local wall clock (the TVF aligned it there), as the watermark is an instant.
std::pair<int, const plan::LogicalNode*> windowEnd(const plan::LogicalNode& node) {
  for (int key : node.groupKeys) {
    std::string name;
    const plan::LogicalNode* origin = windowFieldOrigin(*node.inputs[0], key, &name);
    if (origin != nullptr && name == "window_end") return {key, origin};
  }
  return {-1, nullptr};
}

}  // namespace

int Planner::rank(const plan::LogicalNode& node) {
  // Flink's streaming TopN functions run ROW_NUMBER only (AbstractTopNFunction,
  // StreamExecWindowRank); RANK and DENSE_RANK are refused with Flink's own messages.
  if (node.rankFunction != "ROW_NUMBER") {
    throw UserError(location_,
                    node.windowed
                        ? node.rankFunction +
                              "() function is not supported on Window TopN currently, "
                              "only ROW_NUMBER() is supported."
                        : node.rankFunction + "() on streaming table is not supported currently");
  }
  if (node.rankEnd < node.rankStart) unsupported("a TopN whose rank filter keeps no rank");
  const auto& input = node.inputs[0]->schema;
  for (const plan::SortKey& key : node.sortKeys) {
    const DataType& type = input[static_cast<size_t>(key.field)].type;
    if (!orderable(type)) unsupported("TopN ordered by a " + type.toString() + " column");
  }
  const NodeChangelog* changelog = changelog_.find(node);
  const RankStrategy strategy = changelog != nullptr && changelog->rankStrategy
                                    ? *changelog->rankStrategy
                                    : RankStrategy::Retract;
  const bool top1 = node.rankStart == 1 && node.rankEnd == 1;
  // UpdatableTopNFunction finds the previous version of an upserted row by the input's unique
  // key, one that holds the partition keys (Flink's getUpsertKeysInKeyGroupRange), so that an
  // upsert cannot move a row to another partition unseen. Its top-1 form (FastTop1Function)
  // needs no key.
  std::vector<int> uniqueKey;
  if (!node.windowed && strategy == RankStrategy::UpdateFast && !top1) {
    const NodeChangelog* consumed = changelog_.find(*node.inputs[0]);
    if (consumed != nullptr) {
      for (const UpsertKey& key : consumed->upsertKeys) {
        const bool holdsPartition = std::all_of(node.groupKeys.begin(), node.groupKeys.end(), [&](int k) {
          return std::find(key.begin(), key.end(), k) != key.end();
        });
        if (holdsPartition) {
          uniqueKey = key;
          break;
        }
      }
    }
    if (uniqueKey.empty()) {
      unsupported("TopN over an upsert input whose unique key does not hold the partition keys");
    }
  }

  int parallelism = 1;
  const int exchanged = keyedExchange(lower(node.inputs[0]), node.groupKeys, parallelism);
  artifact::Node n = makeNode(artifact::NodeKind::Rank, {exchanged}, node.schema);
  n.parallelism = parallelism;
  n.keys = node.groupKeys;
  n.sortKeys = artifactSortKeys(node.sortKeys);
  n.rankFunction = node.rankFunction;
  n.rankStart = node.rankStart;
  n.rankEnd = node.rankEnd;
  n.outputRankNumber = node.outputRankNumber;
  n.uniqueKey = std::move(uniqueKey);
  // Ordered by a processing-time attribute: Flink's AppendOnlyFirstNFunction keeps the first
  // rows by arrival instead of comparing times.
  n.eventTime = node.sortKeys.empty() ||
                !input[static_cast<size_t>(node.sortKeys[0].field)].type.isProctime();
  if (node.windowed) {
    const auto [end, tvf] = windowEnd(node);
    if (end < 0) unsupported("a window TopN whose partition holds no window_end");
    if (!tvf->window.eventTime) {
      throw UserError(location_, "Processing time Window TopN is not supported yet.");
    }
    n.windowEndColumn = end;
  } else {
    // Upserts (UpdateFastStrategy, top 1 only) carry no -U/-D: the runtime keeps the best row
    // as over insert-only input. Only the RetractStrategy takes retractions.
    n.inputUpdates = strategy == RankStrategy::Retract && inputUpdates(node);
    n.emitsUpdateBefore = emitsUpdateBefore(node);
  }
  // A window TopN's state is cleaned when the watermark passes the window end, not by TTL.
  if (n.windowEndColumn < 0) n.stateTtlMillis = stateTtl(node);
  return add(std::move(n));
}

int Planner::deduplicate(const plan::LogicalNode& node) {
  const auto& input = node.inputs[0]->schema;
  const DataType& time = input[static_cast<size_t>(node.sortKeys[0].field)].type;
  int parallelism = 1;
  const int exchanged = keyedExchange(lower(node.inputs[0]), node.groupKeys, parallelism);
  artifact::Node n = makeNode(artifact::NodeKind::Deduplicate, {exchanged}, node.schema);
  n.parallelism = parallelism;
  n.keys = node.groupKeys;
  n.sortKeys = artifactSortKeys(node.sortKeys);
  n.keepLastRow = node.keepLastRow;
  n.eventTime = time.isRowtime();
  n.emitsUpdateBefore = emitsUpdateBefore(node);
  if (node.windowed) {
    const auto [end, tvf] = windowEnd(node);
    if (end < 0) unsupported("a window deduplication whose partition holds no window_end");
    // Ordered by the column the TVF windows on (a plain TIMESTAMP after the TVF), or by a time
    // attribute: it is event time when the window is.
    n.eventTime = tvf->window.eventTime && !time.isProctime();
    if (!n.eventTime) {
      throw UserError(location_, "Processing time Window Deduplication is not supported yet.");
    }
    n.windowEndColumn = end;
  }
  if (n.windowEndColumn < 0) n.stateTtlMillis = stateTtl(node);
  return add(std::move(n));
}

}  // namespace sluice::physical
