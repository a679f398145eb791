// TopN over insert-only input (Flink's AppendFastStrategy) and over upserts at rank 1: rows
// never leave, so a partition keeps only what can still be emitted.
#include "runtime/operators/rank_rows.h"
#include "runtime/operators/rank_strategies.h"

#include <algorithm>

namespace sluice::runtime {
namespace {

// AppendOnlyTopNFunction: the top rankEnd rows per partition. A row entering the top pushes the
// last one out; without rank numbers that is -D of the row pushed out, then +I of the new one;
// with rank numbers (or a rank range not starting at 1) every rank below the new row changes
// hands.
class AppendOnlyTopN final : public RankOperatorBase {
 public:
  AppendOnlyTopN(const artifact::Node& node, const OperatorContext& context,
                 std::unique_ptr<KeyedStateBackend> state)
      : RankOperatorBase(node, context.inputTypes, std::move(state), context.batchSize),
        top_(*state_, node.stateTtlMillis) {}

  void processBatch(Batch& batch, int /*input*/, Output& out) override {
    for (int row = 0; row < batch.size(); ++row) processRow(batch, row, out);
    flush(out);
  }

 private:
  RankedList top_;

  void processRow(const Batch& batch, int row, Output& out) {
    selectPartition(batch, row);
    const std::string sortKey = this->sortKey(batch, row);
    // A full top (without TTL the count is exact and the list never holds more than rankEnd
    // rows) whose last row sorts before or ties the new one keeps it out: Flink's
    // checkSortKeyInBufferRange, without reading the list.
    if (node_.stateTtlMillis == 0 && top_.size() == node_.rankEnd) {
      if (const std::optional<StateEntry> last = top_.last();
          last && RankedList::sortKeyOf(last->userKey) <= sortKey) {
        return;
      }
    }
    // Views into the state: every change to it comes after the rows are emitted.
    const std::vector<StateEntry> entries = top_.firstViews(node_.rankEnd);
    size_t at = 0;
    while (at < entries.size() && RankedList::sortKeyOf(entries[at].userKey) <= sortKey) ++at;
    if (static_cast<int64_t>(at) >= node_.rankEnd) return;  // behind the top rows (or tied last)
    const std::string bytes = encodeRow(batch, row);
    std::vector<std::string_view> ranked;
    ranked.reserve(entries.size() + 1);
    for (const StateEntry& entry : entries) ranked.push_back(entry.value);
    ranked.insert(ranked.begin() + static_cast<std::ptrdiff_t>(at), bytes);
    const bool overflows = static_cast<int64_t>(ranked.size()) > node_.rankEnd;
    if (node_.outputRankNumber || node_.rankStart > 1) {
      emitArrivalWithRowNumbers(ranked, at, out);
    } else {
      if (overflows) emit(RowKind::Delete, ranked.back(), 0, out);
      emit(RowKind::Insert, bytes, 0, out);
    }
    if (overflows) {
      top_.insertEvicting(sortKey, bytes, std::string(entries.back().userKey));
    } else {
      top_.insert(sortKey, bytes);
    }
  }
};

// AppendOnlyFirstNFunction: ordered by processing time ascending, the first rankEnd rows of a
// partition are its top; later rows are never ranked.
class FirstN final : public RankOperatorBase {
 public:
  FirstN(const artifact::Node& node, const OperatorContext& context,
         std::unique_ptr<KeyedStateBackend> state)
      : RankOperatorBase(node, context.inputTypes, std::move(state), context.batchSize),
        count_(state_->valueState("first-n-count", node.stateTtlMillis)) {}

  void processBatch(Batch& batch, int /*input*/, Output& out) override {
    for (int row = 0; row < batch.size(); ++row) {
      selectPartition(batch, row);
      int64_t count = 0;
      if (auto bytes = count_.get()) std::memcpy(&count, bytes->data(), sizeof count);
      if (count >= node_.rankEnd) continue;
      ++count;
      count_.put({reinterpret_cast<const char*>(&count), sizeof count});
      emitRanked(RowKind::Insert, encodeRow(batch, row), count, out);
    }
    flush(out);
  }

 private:
  ValueState& count_;
};

// FastTop1Function: the best row per partition; a strictly better one replaces it with -U/+U
// (the partition key is unique in the output), ties keep the earlier row.
class FastTop1 final : public RankOperatorBase {
 public:
  FastTop1(const artifact::Node& node, const OperatorContext& context,
           std::unique_ptr<KeyedStateBackend> state)
      : RankOperatorBase(node, context.inputTypes, std::move(state), context.batchSize),
        top_(state_->valueState("top1-row", node.stateTtlMillis)) {}

  void processBatch(Batch& batch, int /*input*/, Output& out) override {
    for (int row = 0; row < batch.size(); ++row) processRow(batch, row, out);
    flush(out);
  }

 private:
  ValueState& top_;

  void processRow(const Batch& batch, int row, Output& out) {
    selectPartition(batch, row);
    const std::optional<std::string_view> stored = top_.get();
    if (!stored) {
      const std::string bytes = encodeRow(batch, row);
      top_.put(bytes);
      emitRanked(RowKind::Insert, bytes, 1, out);
      return;
    }
    // Only the columns up to the last sort key of the stored row are decoded.
    decodeInto(*stored, previousValues_, sortColumns_);
    if (sortKey(batch, row) >= sortKey(previousValues_)) return;
    const std::string previous(*stored);
    const std::string bytes = encodeRow(batch, row);
    top_.put(bytes);
    emitRanked(RowKind::UpdateBefore, previous, 1, out);
    emitRanked(RowKind::UpdateAfter, bytes, 1, out);
  }

  static size_t sortColumns(const artifact::Node& node) {
    size_t columns = 0;
    for (const artifact::SortKey& sort : node.sortKeys) {
      columns = std::max(columns, static_cast<size_t>(sort.column) + 1);
    }
    return columns;
  }

  std::vector<Value> previousValues_;
  const size_t sortColumns_ = sortColumns(node_);
};

}  // namespace

std::unique_ptr<StreamOperator> makeAppendOnlyTopN(const artifact::Node& node,
                                                   const OperatorContext& context,
                                                   std::unique_ptr<KeyedStateBackend> state) {
  return std::make_unique<AppendOnlyTopN>(node, context, std::move(state));
}

std::unique_ptr<StreamOperator> makeFirstN(const artifact::Node& node,
                                           const OperatorContext& context,
                                           std::unique_ptr<KeyedStateBackend> state) {
  return std::make_unique<FirstN>(node, context, std::move(state));
}

std::unique_ptr<StreamOperator> makeFastTop1(const artifact::Node& node,
                                             const OperatorContext& context,
                                             std::unique_ptr<KeyedStateBackend> state) {
  return std::make_unique<FastTop1>(node, context, std::move(state));
}

}  // namespace sluice::runtime
