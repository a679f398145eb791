// What the TopN (Rank) and deduplication operators share: the partition key as the keyed
// state's current key, input rows and sort keys as state bytes, and the changelog rows they
// emit. Rows are kept whole (every input column, value_codec.h) so that a row leaving or
// entering the top can be emitted again; sort keys are order-preserving (key_encoding.h), so a
// SortedMapState keyed by sort key + arrival sequence lists a partition's rows in rank order,
// ties by arrival as Flink's TopNBuffer keeps them.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/artifact/job_plan.h"
#include "runtime/data/value.h"
#include "runtime/execution/stream_operator.h"
#include "runtime/state/key_encoding.h"
#include "runtime/state/keyed_state_backend.h"
#include "runtime/state/timer_service.h"

namespace sluice::runtime {

class RankOperatorBase : public StreamOperator {
 public:
  StateSize stateSize() const override;
  int64_t droppedRows() const override { return dropped_; }

 protected:
  RankOperatorBase(const artifact::Node& node, const std::vector<DataType>& inputTypes,
                   std::unique_ptr<KeyedStateBackend> state, int batchSize);

  // Makes the partition key of `row` (the node's `keys`) the state's current key.
  void selectPartition(const Batch& batch, int row);
  // The values of `columns` of `row` as one key (as the partition key is encoded).
  std::string encodeKey(const Batch& batch, int row, const std::vector<int>& columns) const;
  std::string encodeKey(const std::vector<Value>& row, const std::vector<int>& columns) const;
  // Every input column of `row`, as state bytes.
  std::string encodeRow(const Batch& batch, int row) const;
  std::vector<Value> decodeRow(std::string_view bytes) const;
  // decodeRow into `values`, reusing its storage; decodes at most `limit` leading columns.
  void decodeInto(std::string_view bytes, std::vector<Value>& values,
                  size_t limit = static_cast<size_t>(-1)) const;
  // The node's sort keys of a row, encoded so that byte order is the ORDER BY order.
  std::string sortKey(const std::vector<Value>& row) const;
  std::string sortKey(const Batch& batch, int row) const;

  // Appends a row (state bytes) to the output; `rank` is appended when the node outputs the
  // rank number. Full batches go to `out` at once; flush() sends the rest.
  void emit(RowKind kind, std::string_view row, int64_t rank, Output& out);
  // emit() for a rank number within [rankStart, rankEnd], and a -U only when the consumer
  // takes retractions (Flink's collectInsert/collectUpdateBefore/... with a rank).
  void emitRanked(RowKind kind, std::string_view row, int64_t rank, Output& out);
  // Whether emitRanked emits a row of `kind` at `rank`.
  bool emitsRanked(RowKind kind, int64_t rank) const;
  // Flink's emitRecordsWithRowNumber: `top` holds the partition's best rows (at least
  // rankEnd + 1 when there are as many) after the row at `at` (0-based) came in. Every rank
  // from there on passes to the row above it (-U of the row that held it, +U of the one that
  // now does); the rank no row held before is inserted.
  void emitArrivalWithRowNumbers(const std::vector<std::string_view>& top, size_t at, Output& out);
  void flush(Output& out);
  // Fires the event-time timers the watermark passes through `onTimer`, then forwards it.
  void advanceWatermark(int64_t watermark, Output& out,
                        const std::function<void(const Timer&)>& onTimer);

  const artifact::Node& node_;
  std::vector<DataType> inputTypes_;
  std::unique_ptr<KeyedStateBackend> state_;
  int64_t dropped_ = 0;  // late rows, rows without a time attribute value

 private:
  Batch output_;
  std::string partition_;  // the current key, its buffer reused row after row
};

// A partition's rows in rank order (a SortedMapState keyed by rankedKey), with their count and
// the next arrival sequence (a ValueState), for the partition the backend has current.
class RankedList {
 public:
  struct Entry {
    std::string key;  // sort key + sequence
    std::string row;
  };

  // ttlMillis: the node's state TTL (0 for a window TopN, whose windows the watermark clears).
  explicit RankedList(KeyedStateBackend& state, int64_t ttlMillis = 0);
  // The user key: the sort key, then the arrival sequence (8 bytes) for ties.
  static std::string rankedKey(std::string_view sortKey, int64_t sequence);
  static std::string_view sortKeyOf(std::string_view rankedKey);
  // The first `n` rows, best first.
  std::vector<Entry> first(int64_t n);
  // first() as views into the state, valid until the next call on the list.
  std::vector<StateEntry> firstViews(int64_t n);
  // The last row (its key and bytes, views as firstViews's), if any.
  std::optional<StateEntry> last();
  int64_t size();
  // Adds a row after every row of its sort key; returns its key.
  std::string insert(std::string_view sortKey, std::string_view row);
  void remove(const std::string& key);
  // insert() of a row, then remove() of `evicted` (a key already in the list).
  void insertEvicting(std::string_view sortKey, std::string_view row, const std::string& evicted);
  // The row under `key`, and a new row in its place (same rank, same sequence).
  std::optional<std::string> get(const std::string& key);
  void replace(const std::string& key, std::string_view row);
  // The key of the first row of `sortKey` equal to `row`, if any.
  std::optional<std::string> find(std::string_view sortKey, std::string_view row);
  // Where a row of `sortKey` arriving now goes among `entries` (0-based): after its ties.
  static size_t arrivalIndex(const std::vector<Entry>& entries, std::string_view sortKey);
  void clear();

 private:
  SortedMapState& rows_;
  ValueState& meta_;  // count, next sequence

  std::pair<int64_t, int64_t> meta();
  void setMeta(int64_t count, int64_t sequence);
};

}  // namespace sluice::runtime
