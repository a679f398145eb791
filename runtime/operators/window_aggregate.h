// Aggregation per key and window for TUMBLE, HOP and CUMULATE windows, on event time or
// processing time (Flink's SlicingWindowOperator). Rows are combined in memory per (key, slice)
// until the next watermark, then merged into keyed state: a sorted map per key from slice end to
// partial accumulators. A timer per (key, window end) fires the window when the watermark
// passes its end: the partials of its slices are merged, one +I row is emitted, and slices no
// later window needs are dropped. Rows whose every window has fired are late: dropped and
// counted, as are rows without a time.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "runtime/execution/stream_operator.h"
#include "runtime/operators/aggregate_buffer.h"
#include "runtime/operators/operator_factory.h"
#include "runtime/operators/window_accumulators.h"
#include "runtime/operators/window_slices.h"
#include "runtime/state/keyed_state_backend.h"

namespace sluice::runtime {

class WindowAggregateOperator final : public StreamOperator {
 public:
  WindowAggregateOperator(const artifact::Node& node, const OperatorContext& context,
                          std::unique_ptr<KeyedStateBackend> state);
  void processBatch(Batch& batch, int input, Output& out) override;
  void processWatermark(int64_t watermark, Output& out) override;
  void finish(Output& out) override;
  int64_t nextProcessingTime() const override;
  void onProcessingTime(int64_t nowMicros, Output& out) override;
  StateSize stateSize() const override;
  int64_t droppedRows() const override { return dropped_; }

 private:
  // Partial accumulators of one (key, slice) since the last flush.
  struct Partial {
    std::string key;
    int64_t sliceEnd = 0;
    std::vector<Value> accumulators;
  };

  const artifact::Node& node_;
  WindowSlices slices_;
  WindowAccumulators accumulators_;
  std::unique_ptr<KeyedStateBackend> state_;
  SortedMapState* sliceState_ = nullptr;  // per key: slice end -> accumulators
  WindowRowWriter writer_;
  // Partials since the last flush: typed when the calls allow it, boxed otherwise.
  std::unique_ptr<AggregateBuffer> typedBuffer_;
  std::unordered_map<std::string, Partial> buffer_;  // by key bytes + slice end
  int64_t bufferedMinSliceEnd_ = INT64_MAX;
  int64_t watermark_ = INT64_MIN;
  int64_t dropped_ = 0;
  // scratch
  std::string key_;
  std::string encoded_;
  std::vector<int64_t> ends_;          // windows of a new slice
  std::vector<int64_t> windowSlices_;  // slices of a firing window
  std::vector<Value> results_;
  std::vector<int64_t> rowSlices_;
  std::vector<uint8_t> rowKept_;

  size_t buffered() const;
  // Flushes when a window the buffer holds rows of may fire at `time` (Flink flushes its window
  // buffer only then, so state is touched once per key and slice rather than per watermark).
  void flushIfFiring(int64_t time);
  void flushBuffer();
  void mergeIntoState(std::string_view key, int64_t sliceEnd, std::vector<Value>& partial);
  void fire(const Timer& timer, Output& out);
  // The instant the window ending at `windowEnd` (on the window's clock) fires at: its
  // window_time.
  int64_t fireTime(int64_t windowEnd) const;
};

}  // namespace sluice::runtime
