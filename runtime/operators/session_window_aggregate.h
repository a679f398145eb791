// Aggregation per key and session window (SESSION TVF and legacy SESSION group windows), on
// event time or processing time (Flink's merging WindowOperator). A row opens the session
// [t, t + gap); sessions of a key that overlap or touch it merge into one, their accumulators
// merged. Sessions live in keyed state (a sorted map per key from start to end and
// accumulators) with a timer at each session's end; the watermark passing it emits the
// session's +I row. A row whose merged session has already ended behind the watermark is late:
// dropped and counted.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "runtime/execution/stream_operator.h"
#include "runtime/operators/operator_factory.h"
#include "runtime/operators/window_accumulators.h"
#include "runtime/state/keyed_state_backend.h"

namespace sluice::runtime {

class SessionWindowAggregateOperator final : public StreamOperator {
 public:
  SessionWindowAggregateOperator(const artifact::Node& node, const OperatorContext& context,
                                 std::unique_ptr<KeyedStateBackend> state);
  void processBatch(Batch& batch, int input, Output& out) override;
  void processWatermark(int64_t watermark, Output& out) override;
  void finish(Output& out) override;
  int64_t nextProcessingTime() const override;
  void onProcessingTime(int64_t nowMicros, Output& out) override;
  StateSize stateSize() const override;
  int64_t droppedRows() const override { return dropped_; }

 private:
  struct Session {
    int64_t start = 0;
    int64_t end = 0;
    std::vector<Value> accumulators;
  };

  const artifact::Node& node_;
  WindowAccumulators accumulators_;
  std::unique_ptr<KeyedStateBackend> state_;
  SortedMapState* sessions_ = nullptr;  // per key: start -> end, accumulators
  WindowRowWriter writer_;
  int64_t watermark_ = INT64_MIN;
  int64_t dropped_ = 0;
  std::string key_;
  std::string encoded_;
  std::vector<Value> results_;

  void processRow(const Batch& batch, int row, int64_t timestamp);
  void registerTimer(int64_t fireAt, const std::string& ns);
  void deleteTimer(int64_t fireAt, const std::string& ns);
  void fire(const Timer& timer, Output& out);
};

}  // namespace sluice::runtime
