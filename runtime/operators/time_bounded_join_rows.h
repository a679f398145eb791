// What the interval join and the window join share (interval_join.cpp, window_join.cpp): both
// keep each input's rows in a sorted map state per join key under (time, sequence) and emit
// append-only rows: a pair, a side padded with NULLs, or (semi / anti) the left row alone.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/artifact/job_plan.h"
#include "runtime/data/batch.h"
#include "runtime/data/value.h"
#include "runtime/execution/stream_operator.h"
#include "runtime/operators/join_condition.h"
#include "runtime/operators/join_record_state.h"
#include "runtime/operators/operator_factory.h"
#include "runtime/state/keyed_state.h"
#include "runtime/state/keyed_state_backend.h"

namespace sluice::runtime {

// The encoded join key of `row` (columns `keys` of `types`). A key with a NULL column joins
// nothing, as `=` says: it gets a key of its own side that the other side never uses.
std::string timeBoundedJoinKey(const std::vector<Value>& row, const std::vector<int>& keys,
                               const std::vector<DataType>& types, bool isLeft);

// State user keys: (time, sequence) in byte order; rowsAt(t) sorts before every (t, sequence)
// and after every (t - 1, sequence).
std::string bufferedRowKey(int64_t time, int64_t sequence);
std::string rowsAt(int64_t time);
// The end of the rows at or before `time`: rowsAt(time + 1), nullopt (the end) for INT64_MAX.
std::optional<std::string> rowsAfter(int64_t time);

// A buffered row: whether it has joined something (outer sides), then its columns.
std::string encodeBufferedRow(const std::vector<Value>& row, bool joined);
// The rows of `rows` in [from, to) (no `to`: to the end), as JoinRecords: associations is 1
// when the row has joined.
std::vector<JoinRecord> bufferedRows(SortedMapState& rows, std::string_view from,
                                     const std::optional<std::string>& to);

// The output batch of an append-only join.
class JoinedRows {
 public:
  // rightWidth 0: a semi or anti join, whose output is the left row.
  JoinedRows(const std::vector<DataType>& types, size_t leftWidth, size_t rightWidth,
             int batchSize);
  // +I of `left` followed by `right`; either may be null (NULLs).
  void emit(const std::vector<Value>* left, const std::vector<Value>* right, Output& out);
  void flush(Output& out);

 private:
  size_t leftWidth_;
  size_t rightWidth_;
  Batch batch_;
};

// The members and row handling the interval and window join operators share: both inputs' types,
// the residual condition, each input's buffered rows, the outer sides and the output.
class TimeBoundedJoin : public StreamOperator {
 public:
  StateSize stateSize() const override;
  int64_t droppedRows() const override { return dropped_; }

 protected:
  TimeBoundedJoin(const artifact::Node& node, const OperatorContext& context,
                  std::unique_ptr<KeyedStateBackend> state, size_t outputRightWidth);

  // Reads row `r` of `batch` into row_; throws for anything but an insert (the planner feeds
  // these joins append-only input).
  void readRow(const Batch& batch, int r, const char* what);
  // Makes row_'s join key (of input `isLeft`) the state's current key.
  void selectKey(bool isLeft);
  SortedMapState& rowsOf(bool isLeft) { return isLeft ? leftRows_ : rightRows_; }

  const artifact::Node& node_;
  std::unique_ptr<KeyedStateBackend> state_;
  std::vector<DataType> leftTypes_;
  std::vector<DataType> rightTypes_;
  JoinCondition condition_;
  JoinedRows output_;
  SortedMapState& leftRows_;
  SortedMapState& rightRows_;
  bool leftOuter_ = false;
  bool rightOuter_ = false;
  int64_t sequence_ = 0;
  int64_t dropped_ = 0;
  std::vector<Value> row_;
  std::vector<uint8_t> joins_;
};

}  // namespace sluice::runtime
