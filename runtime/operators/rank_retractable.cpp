// TopN over an updating input (Flink's RetractStrategy, RetractableTopNFunction): a partition
// keeps every row, since a retraction from the top brings the next row up.
#include "runtime/operators/rank_rows.h"
#include "runtime/operators/rank_strategies.h"

namespace sluice::runtime {
namespace {

class RetractableTopN final : public RankOperatorBase {
 public:
  RetractableTopN(const artifact::Node& node, const OperatorContext& context,
                  std::unique_ptr<KeyedStateBackend> state)
      : RankOperatorBase(node, context.inputTypes, std::move(state), context.batchSize),
        rows_(*state_, node.stateTtlMillis),
        // Flink numbers the rows whenever it must, to honour a rank range not starting at 1.
        withRowNumbers_(node.outputRankNumber || node.rankStart > 1) {}

  void processBatch(Batch& batch, int /*input*/, Output& out) override {
    for (int row = 0; row < batch.size(); ++row) {
      selectPartition(batch, row);
      if (isAccumulate(batch.rowKind(row))) {
        accumulate(batch, row, out);
      } else {
        retract(batch, row, out);
      }
    }
    flush(out);
  }

 private:
  RankedList rows_;
  bool withRowNumbers_;

  // +I / +U: the row joins the partition after its ties.
  void accumulate(const Batch& batch, int row, Output& out) {
    const std::string sortKey = this->sortKey(batch, row);
    const std::string bytes = encodeRow(batch, row);
    const std::vector<RankedList::Entry> top = rows_.first(node_.rankEnd);
    rows_.insert(sortKey, bytes);
    const size_t at = RankedList::arrivalIndex(top, sortKey);
    if (static_cast<int64_t>(at) >= node_.rankEnd) return;
    if (withRowNumbers_) {
      std::vector<std::string_view> ranked;
      for (const RankedList::Entry& entry : top) ranked.push_back(entry.row);
      ranked.insert(ranked.begin() + static_cast<std::ptrdiff_t>(at), bytes);
      emitArrivalWithRowNumbers(ranked, at, out);
      return;
    }
    // The row that held rank rankEnd drops out of the top.
    if (static_cast<int64_t>(top.size()) == node_.rankEnd) {
      emit(RowKind::Delete, top.back().row, 0, out);
    }
    emit(RowKind::Insert, bytes, 0, out);
  }

  // -U / -D: the first equal row of the same sort key leaves; the rows below it move up.
  void retract(const Batch& batch, int row, Output& out) {
    const std::string sortKey = this->sortKey(batch, row);
    const std::string bytes = encodeRow(batch, row);
    // Flink looks for the row among the ranks up to rankEnd + 1 only; past them it is removed
    // without output.
    const std::vector<RankedList::Entry> top = rows_.first(node_.rankEnd + 1);
    size_t at = 0;
    while (at < top.size() &&
           !(RankedList::sortKeyOf(top[at].key) == sortKey && top[at].row == bytes))
      ++at;
    if (at == top.size()) {
      // Not among them (or retracting a row never seen, e.g. expired): nothing to emit.
      if (auto key = rows_.find(sortKey, bytes)) rows_.remove(*key);
      return;
    }
    if (withRowNumbers_) {
      emitDepartureWithRowNumbers(top, at, out);
    } else if (static_cast<int64_t>(at) < node_.rankEnd) {
      emit(RowKind::Delete, top[at].row, 0, out);
      if (static_cast<int64_t>(top.size()) > node_.rankEnd) {
        emit(RowKind::Insert, top[static_cast<size_t>(node_.rankEnd)].row, 0, out);
      }
    }
    rows_.remove(top[at].key);
  }

  // Flink's retractRecordWithRowNumber: every rank from the departed row's on passes to the
  // row below it; the last rank held, when no row is left to fill it, is deleted.
  void emitDepartureWithRowNumbers(const std::vector<RankedList::Entry>& top, size_t at,
                                   Output& out) {
    std::string_view previous = top[at].row;
    for (size_t next = at + 1; next < top.size() && static_cast<int64_t>(next) <= node_.rankEnd;
         ++next) {
      const auto rank = static_cast<int64_t>(next);
      emitRanked(RowKind::UpdateBefore, previous, rank, out);
      emitRanked(RowKind::UpdateAfter, top[next].row, rank, out);
      previous = top[next].row;
    }
    const auto count = static_cast<int64_t>(top.size());
    if (count <= node_.rankEnd) emitRanked(RowKind::Delete, previous, count, out);
  }
};

}  // namespace

std::unique_ptr<StreamOperator> makeRetractableTopN(const artifact::Node& node,
                                                    const OperatorContext& context,
                                                    std::unique_ptr<KeyedStateBackend> state) {
  return std::make_unique<RetractableTopN>(node, context, std::move(state));
}

}  // namespace sluice::runtime
