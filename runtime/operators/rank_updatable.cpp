// TopN over upserts whose sort key only improves (Flink's UpdateFastStrategy,
// UpdatableTopNFunction): rows are unique by a row key, an update of a row in the top moves it
// up, and a row that drops out of the top never comes back but by an update, which reaches the
// TopN as a new row. So a partition keeps its top rankEnd rows (a RankedList) and, per row key,
// where its row stands (a MapState).
#include "runtime/operators/rank_rows.h"
#include "runtime/operators/rank_strategies.h"

namespace sluice::runtime {
namespace {

class UpdatableTopN final : public RankOperatorBase {
 public:
  UpdatableTopN(const artifact::Node& node, const OperatorContext& context,
                std::unique_ptr<KeyedStateBackend> state, std::vector<int> rowKey)
      : RankOperatorBase(node, context.inputTypes, std::move(state), context.batchSize),
        rowKey_(std::move(rowKey)),
        top_(*state_, node.stateTtlMillis),
        positions_(state_->mapState("updatable-row-keys", node.stateTtlMillis)),
        withRowNumbers_(node.outputRankNumber || node.rankStart > 1) {}

  // Every row is an upsert (+I or +U) of its row key, as Flink takes them.
  void processBatch(Batch& batch, int /*input*/, Output& out) override {
    for (int row = 0; row < batch.size(); ++row) {
      selectPartition(batch, row);
      const std::string rowKey = encodeKey(batch, row, rowKey_);
      const std::string sortKey = this->sortKey(batch, row);
      const std::string bytes = encodeRow(batch, row);
      if (auto position = positions_.get(rowKey)) {
        update(rowKey, std::string(*position), sortKey, bytes, out);
      } else {
        arrive(rowKey, sortKey, bytes, out);
      }
    }
    flush(out);
  }

 private:
  std::vector<int> rowKey_;
  RankedList top_;
  MapState& positions_;  // row key -> its RankedList key
  bool withRowNumbers_;

  // A row not in the top: as over insert-only input, pushing the last row out.
  void arrive(const std::string& rowKey, const std::string& sortKey, const std::string& bytes,
              Output& out) {
    const std::vector<RankedList::Entry> top = top_.first(node_.rankEnd);
    const size_t at = RankedList::arrivalIndex(top, sortKey);
    if (static_cast<int64_t>(at) >= node_.rankEnd) return;
    positions_.put(rowKey, top_.insert(sortKey, bytes));
    std::vector<std::string_view> ranked;
    for (const RankedList::Entry& entry : top) ranked.push_back(entry.row);
    ranked.insert(ranked.begin() + static_cast<std::ptrdiff_t>(at), bytes);
    const bool overflows = static_cast<int64_t>(ranked.size()) > node_.rankEnd;
    if (withRowNumbers_) {
      emitArrivalWithRowNumbers(ranked, at, out);
    } else {
      if (overflows) emit(RowKind::Delete, ranked.back(), 0, out);
      emit(RowKind::Insert, bytes, 0, out);
    }
    if (overflows) {
      positions_.remove(encodeKey(decodeRow(top.back().row), rowKey_));
      top_.remove(top.back().key);
    }
  }

  // A new version of a row in the top. Without rank numbers it is -U/+U of that row; with them
  // it takes the rank of the first row it passes, each passed row moves down one rank, and the
  // old version is retracted (Flink's emitRecordsWithRowNumber with an old row).
  void update(const std::string& rowKey, const std::string& position, const std::string& sortKey,
              const std::string& bytes, Output& out) {
    const std::vector<RankedList::Entry> top = top_.first(node_.rankEnd);
    size_t old = 0;
    while (old < top.size() && top[old].key != position) ++old;
    if (old == top.size()) return;  // not held: the state is stale
    const std::string previous = top[old].row;
    const std::string_view oldSortKey = RankedList::sortKeyOf(position);
    const auto oldRank = static_cast<int64_t>(old) + 1;
    if (sortKey == oldSortKey) {
      top_.replace(position, bytes);
      emitRanked(RowKind::UpdateBefore, previous, oldRank, out);
      emitRanked(RowKind::UpdateAfter, bytes, oldRank, out);
      return;
    }
    // Moved to the end of its new sort key's rows.
    std::vector<RankedList::Entry> others = top;
    others.erase(others.begin() + static_cast<std::ptrdiff_t>(old));
    const size_t at = RankedList::arrivalIndex(others, sortKey);
    top_.remove(position);
    positions_.put(rowKey, top_.insert(sortKey, bytes));
    if (!withRowNumbers_) {
      if (node_.emitsUpdateBefore) emit(RowKind::UpdateBefore, previous, 0, out);
      emit(RowKind::UpdateAfter, bytes, 0, out);
      return;
    }
    // A sort key that got worse breaks the strategy's premise (Flink logs it and goes on);
    // the row is simply moved, retracted at its old rank and sent at its new one.
    auto rank = static_cast<int64_t>(at) + 1;
    if (rank > oldRank) {
      emitRanked(RowKind::UpdateBefore, previous, oldRank, out);
      emitRanked(RowKind::UpdateAfter, bytes, rank, out);
      return;
    }
    std::string_view current = bytes;
    bool retracted = false;
    for (; rank < oldRank && rank <= node_.rankEnd; ++rank) {
      const std::string_view passed = others[static_cast<size_t>(rank) - 1].row;
      emitRanked(RowKind::UpdateBefore, passed, rank, out);
      if (!retracted) emitRanked(RowKind::UpdateBefore, previous, oldRank, out);
      retracted = true;
      emitRanked(RowKind::UpdateAfter, current, rank, out);
      current = passed;
    }
    if (!retracted) emitRanked(RowKind::UpdateBefore, previous, oldRank, out);
    emitRanked(RowKind::UpdateAfter, current, rank, out);
  }
};

}  // namespace

std::unique_ptr<StreamOperator> makeUpdatableTopN(const artifact::Node& node,
                                                  const OperatorContext& context,
                                                  std::unique_ptr<KeyedStateBackend> state,
                                                  std::vector<int> rowKey) {
  return std::make_unique<UpdatableTopN>(node, context, std::move(state), std::move(rowKey));
}

}  // namespace sluice::runtime
