// TopN: Flink's StreamExecRank / StreamExecWindowRank choose the function that runs a Rank from
// its input's changelog, its rank range and its order; so does this factory.
#include <stdexcept>

#include "runtime/operators/rank_strategies.h"

namespace sluice::runtime {

std::unique_ptr<StreamOperator> makeRankOperator(const artifact::Node& node,
                                                 const OperatorContext& context,
                                                 std::unique_ptr<KeyedStateBackend> state) {
  if (node.rankFunction != "ROW_NUMBER") {
    throw std::invalid_argument(node.rankFunction + "() over a stream");
  }
  if (node.rankStart < 1 || node.rankEnd < node.rankStart) {
    throw std::invalid_argument("an empty rank range");
  }
  if (node.windowEndColumn >= 0) return makeWindowTopN(node, context, std::move(state));
  if (node.inputUpdates) return makeRetractableTopN(node, context, std::move(state));
  const bool top1 = node.rankStart == 1 && node.rankEnd == 1;
  // Over upserts beyond the first row: the previous version of a row is found by its key.
  if (!node.uniqueKey.empty() && !top1) {
    return makeUpdatableTopN(node, context, std::move(state), node.uniqueKey);
  }
  // Over inserts, or over upserts whose order only improves (the planner's UpdateFastStrategy
  // at rank 1), which FastTop1Function takes alike.
  const bool proctimeOrder =
      !node.eventTime && node.sortKeys.size() == 1 && !node.sortKeys[0].descending;
  if (proctimeOrder) return makeFirstN(node, context, std::move(state));
  if (top1) return makeFastTop1(node, context, std::move(state));
  return makeAppendOnlyTopN(node, context, std::move(state));
}

}  // namespace sluice::runtime
