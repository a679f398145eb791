// OVER aggregation over updating input (Nexmark q6: an average over the rows of a Top-1), which
// Flink 1.19 refuses and newer Flink runs. Every row currently in the input is kept per
// partition in a sorted map by (order time, arrival sequence), with the results last sent for
// it. A change revises what it touches:
//
//   +I / +U of a row   the row is stored and leaves with its results under the same kind; the
//                      rows whose frame now holds it leave again as -U (old results) and +U (new)
//   -U / -D of a row   the stored row equal to it (at its time) leaves under the same kind with
//                      the results last sent, is removed, and the rows whose frame held it are
//                      revised as above
//
// The touched rows: for ROWS n PRECEDING the n rows after the change (and the inserted row),
// for RANGE INTERVAL b PRECEDING the rows of times [t, t + b], for UNBOUNDED PRECEDING every
// later row (every row of a later time for RANGE). A revision whose results did not change
// sends nothing. Output: I, UB, UA and D when the input deletes.
//
// Time: results are sent eagerly, at each change, and not held back until the watermark as the
// insert-only event-time operators do; no row is late, and a row arriving behind the watermark
// is put where its time sorts and revises the rows after it. So the results converge to the
// batch answer: per partition, each current row's aggregate over its frame among the current
// rows ordered by (time, arrival). A row with a NULL time belongs to no frame: it is dropped
// and counted, and so is its retraction. Processing time orders rows by arrival alone (ROWS
// frames; UNBOUNDED RANGE is the same, as in Flink); the planner refuses RANGE INTERVAL there.
// Rows stay as long as the input holds them (or 'table.exec.state.ttl' for processing time).
#include <cstdint>
#include <deque>

#include "runtime/operators/over_aggregate.h"
#include "runtime/state/key_encoding.h"
#include "runtime/state/value_codec.h"

namespace sluice::runtime {
namespace {

class UpdatingInputOver final : public OverAggregateOperator {
 public:
  UpdatingInputOver(const artifact::Node& node, const OperatorContext& context,
                    std::unique_ptr<KeyedStateBackend> state)
      : OverAggregateOperator(node, context, std::move(state), /*retracts=*/true),
        rows_(state_->sortedMapState("rows", node.stateTtlMillis)),
        nextSequence_(state_->valueState("next-sequence", node.stateTtlMillis)),
        inputWidth_(node.schema.size() - node.aggregates.size()),
        byRows_(node.rowsFrame || !node.eventTime),
        bound_(node.precedingBound) {}

 private:
  // A stored row: its key, its values, and the encodings of both and of its last results.
  struct Entry {
    int64_t time = 0;
    std::string key;
    Row row;
    std::string rowBytes;
    std::string resultBytes;  // empty for the row just inserted
    bool affected = false;
  };

  SortedMapState& rows_;      // (time, sequence) -> row, then its last results
  ValueState& nextSequence_;  // per partition: arrival order across restarts
  const size_t inputWidth_;
  const bool byRows_;    // ROWS frame (or processing time): frames count rows
  const int64_t bound_;  // rows or microseconds; -1: UNBOUNDED

  void processRow(const Row& row, Output& out) override {
    std::optional<int64_t> time = node_.eventTime ? eventTimeOf(row) : std::optional<int64_t>(0);
    if (!time) return;
    const RowKind kind = rowKind();
    if (kind == RowKind::Insert || kind == RowKind::UpdateAfter) {
      insert(*time, row, kind, out);
    } else {
      remove(*time, row, kind, out);
    }
  }

  void insert(int64_t time, const Row& row, RowKind kind, Output& out) {
    const int64_t sequence = loadInt64(nextSequence_).value_or(0);
    storeInt64(nextSequence_, sequence + 1);
    const std::string key = rowKey(time, sequence);
    rows_.put(key, encodeRow(row));
    revise(time, key, /*inserted=*/true, kind, out);
  }

  void remove(int64_t time, const Row& row, RowKind kind, Output& out) {
    const std::string bytes = encodeRow(row);
    std::optional<Entry> found;
    rows_.forEachInRange(rowsAt(time), rowsAt(time + 1),
                         [&](std::string_view key, std::string_view value) {
                           if (value.substr(0, bytes.size()) != bytes) return Visit::Continue;
                           found = decode(key, value);
                           return Visit::Stop;
                         });
    if (!found) {
      ++dropped_;  // a retraction of a row never received
      return;
    }
    emit(found->row, decodeRow(found->resultBytes), out, kind);
    rows_.remove(found->key);
    revise(time, found->key, /*inserted=*/false, RowKind::UpdateAfter, out);
  }

  // Recomputes the rows whose frame the change at (time, key) touched, sending what changed;
  // `kind` is the inserted row's own.
  void revise(int64_t time, const std::string& key, bool inserted, RowKind kind, Output& out) {
    std::vector<Entry> entries = frameRows(time, key, inserted);
    Accumulators accumulators = fresh();
    if (byRows_) {
      for (size_t i = 0; i < entries.size(); ++i) {
        accumulate(accumulators, entries[i].row);
        if (bound_ >= 0 && i >= static_cast<size_t>(bound_) + 1) {
          retract(accumulators, entries[i - static_cast<size_t>(bound_) - 1].row);
        }
        if (entries[i].affected) settle(entries[i], results(accumulators), kind, out);
      }
    } else {
      // RANGE: rows of one time are peers, with the same results.
      size_t front = 0;
      for (size_t i = 0; i < entries.size();) {
        size_t end = i;
        for (; end < entries.size() && entries[end].time == entries[i].time; ++end) {
          accumulate(accumulators, entries[end].row);
        }
        for (; bound_ >= 0 && entries[front].time < entries[i].time - bound_; ++front) {
          retract(accumulators, entries[front].row);
        }
        const Row values = results(accumulators);
        for (; i < end; ++i) {
          if (entries[i].affected) settle(entries[i], values, kind, out);
        }
      }
    }
    discard(accumulators);
  }

  // The rows to aggregate over, in order, with the touched ones marked.
  std::vector<Entry> frameRows(int64_t time, const std::string& key, bool inserted) {
    std::vector<Entry> entries;
    auto collect = [&](std::string_view from, std::optional<std::string_view> to, size_t limit) {
      size_t touched = 0;
      rows_.forEachInRange(from, to, [&](std::string_view k, std::string_view value) {
        Entry entry = decode(k, value);
        entry.affected = byRows_ ? entry.key >= key : entry.time >= time;
        touched += entry.affected ? 1 : 0;
        entries.push_back(std::move(entry));
        return touched < limit ? Visit::Continue : Visit::Stop;
      });
    };
    if (byRows_ && bound_ >= 0) {
      // The `bound_` rows before the change, then the rows it touched.
      std::deque<std::string> before;
      rows_.forEachInRange({}, key, [&](std::string_view k, std::string_view) {
        before.emplace_back(k);
        if (before.size() > static_cast<size_t>(bound_)) before.pop_front();
        return Visit::Continue;
      });
      const size_t touched = static_cast<size_t>(bound_) + (inserted ? 1 : 0);
      if (touched == 0) return entries;
      collect(before.empty() ? std::string_view(key) : std::string_view(before.front()),
              std::nullopt, touched);
      return entries;
    }
    if (bound_ >= 0) {  // RANGE INTERVAL b: rows of [t - b, t + b]
      collect(rowsAt(time - bound_), rowsAt(time + bound_ + 1), SIZE_MAX);
      return entries;
    }
    collect({}, std::nullopt, SIZE_MAX);  // UNBOUNDED: the whole partition
    return entries;
  }

  Entry decode(std::string_view key, std::string_view value) const {
    Entry entry;
    entry.time = KeyDecoder(key).readInt64();
    entry.key = std::string(key);
    std::string_view in = value;
    for (size_t i = 0; i < inputWidth_; ++i) entry.row.push_back(decodeValue(in));
    entry.rowBytes = std::string(value.substr(0, value.size() - in.size()));
    entry.resultBytes = std::string(in);
    return entry;
  }

  // Sends the row's new results if they differ from those last sent, and keeps them.
  void settle(const Entry& entry, const Row& values, RowKind kind, Output& out) {
    std::string bytes = encodeRow(values);
    if (entry.resultBytes.empty()) {
      emit(entry.row, values, out, kind);  // the row just inserted
    } else if (bytes != entry.resultBytes) {
      emit(entry.row, decodeRow(entry.resultBytes), out, RowKind::UpdateBefore);
      emit(entry.row, values, out, RowKind::UpdateAfter);
    } else {
      return;
    }
    rows_.put(entry.key, entry.rowBytes + bytes);
  }
};

}  // namespace

std::unique_ptr<StreamOperator> makeUpdatingInputOver(const artifact::Node& node,
                                                      const OperatorContext& context,
                                                      std::unique_ptr<KeyedStateBackend> state) {
  return std::make_unique<UpdatingInputOver>(node, context, std::move(state));
}

}  // namespace sluice::runtime
