// The sending end of an Exchange in one producer instance: routes each row to a consumer
// instance (by key hash, round robin, to all, ...), gathers the rows for each consumer into a
// batch of its own, and sends a batch when it is full, when its oldest row has waited
// `sqlc.batch.max-latency`, or before a watermark (rows never overtake the watermark that
// follows them). The time spent waiting on full consumer queues is this node's back-pressure.
#pragma once

#include <atomic>
#include <memory>
#include <vector>

#include "compiler/artifact/job_plan.h"
#include "runtime/exchange/input_gate.h"
#include "runtime/execution/operator_metrics.h"

namespace sluice::runtime {

class ExchangeOutput {
 public:
  struct Target {
    InputGate* gate = nullptr;
    int channel = 0;  // this producer's channel in that gate
  };

  ExchangeOutput(const artifact::Node& exchange, int subtask, std::vector<Target> targets,
                 int batchSize, int64_t maxLatencyMicros, std::shared_ptr<OperatorMetrics> metrics,
                 const std::atomic<bool>& cancelled);

  void write(const Batch& batch);
  // Sends what is buffered, then the watermark to every consumer.
  void watermark(int64_t watermark);
  // The producer's input went idle (or active again): consumers stop (or resume) waiting for it.
  void idle(bool isIdle);
  // Sends the buffers whose oldest row has waited long enough; called by the task's loop.
  void flushIfDue();
  // Sends what is buffered and the end of the stream to every consumer.
  void finish();

 private:
  struct Buffer {
    BatchPtr batch;
    int64_t oldestRowMicros = 0;
  };

  const artifact::Node& exchange_;
  int subtask_;
  std::vector<Target> targets_;
  std::vector<Buffer> buffers_;
  std::vector<DataType> types_;
  int batchSize_;
  int64_t maxLatencyMicros_;
  std::shared_ptr<OperatorMetrics> metrics_;
  const std::atomic<bool>& cancelled_;
  int nextTarget_ = 0;  // round robin
  bool idle_ = false;
  std::vector<uint64_t> hashes_;
  std::vector<std::vector<int32_t>> rowsPerTarget_;

  // The buffer of rows for `target`, started when absent.
  Batch& bufferFor(int target);
  void append(int target, const Batch& batch, const int32_t* rows, int count);
  void appendAll(int target, const Batch& batch);
  void send(int target);
  void sendControl(ChannelEvent::Kind kind, int64_t watermark = 0);
};

}  // namespace sluice::runtime
