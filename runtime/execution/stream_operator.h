// The interface every operator of a pipeline implements, stateless (Calc, watermark assigner)
// and stateful (aggregations, windows, joins: issue 4 on). A pipeline instance calls its
// operators one after another on its own thread: an operator hands its results to `Output`,
// which runs the rest of the pipeline before returning, so nothing is buffered between fused
// operators and no locking is needed inside one.
//
// Event time: an operator sees a watermark after every row that came before it. The default
// forwards it; an operator that holds rows until the watermark passes them (windows, interval
// joins) emits what the watermark completes, fires its event-time timers, and then forwards it.
// Processing time: the task asks `nextProcessingTime()` and calls `onProcessingTime` when that
// time is reached, between batches.
#pragma once

#include <climits>
#include <cstdint>

#include "runtime/data/batch.h"

namespace sluice::runtime {

// Where an operator's results go: the next operator of the pipeline, or its terminal.
class Output {
 public:
  virtual ~Output() = default;
  // Rows the operator produced; the batch may be reused by the operator once this returns.
  virtual void emit(Batch& batch) = 0;
  virtual void emitWatermark(int64_t watermark) = 0;
};

// How much state an operator instance keeps, for the run summary.
struct StateSize {
  int64_t keys = 0;
  int64_t bytes = 0;
};

class StreamOperator {
 public:
  virtual ~StreamOperator() = default;
  // `input`: which input the rows come from (0 but for two-input operators such as joins).
  virtual void processBatch(Batch& batch, int input, Output& out) = 0;
  virtual void processWatermark(int64_t watermark, Output& out) { out.emitWatermark(watermark); }
  // The inputs have ended (after the end-of-time watermark): emit what is still held.
  virtual void finish(Output& /*out*/) {}
  // The earliest processing time (epoch microseconds) the operator wants to be called at.
  virtual int64_t nextProcessingTime() const { return INT64_MAX; }
  virtual void onProcessingTime(int64_t /*nowMicros*/, Output& /*out*/) {}
  virtual StateSize stateSize() const { return {}; }
  // Rows dropped on purpose: late rows behind the watermark, rows without a time attribute
  // value. Shown in the run summary's "skipped" column.
  virtual int64_t droppedRows() const { return 0; }
};

}  // namespace sluice::runtime
