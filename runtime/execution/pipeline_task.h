// One parallel instance of a pipeline, run by one worker thread: it pulls batches from its
// source (or from the input gate of the exchanges it reads), pushes each through the pipeline's
// stateless steps (Calc, watermark assigners, the pass-through of a Union) and hands the result
// to its sink (or to the exchange that feeds the next pipeline). Watermarks, idleness and the
// end of the input travel the same way, in order with the rows.
#pragma once

#include <atomic>
#include <future>
#include <map>
#include <memory>
#include <vector>

#include "runtime/connector/connector.h"
#include "runtime/exchange/exchange_output.h"
#include "runtime/exchange/input_gate.h"
#include "runtime/execution/compiled_calc.h"
#include "runtime/execution/operator_metrics.h"
#include "runtime/execution/source_sequencer.h"
#include "runtime/execution/stream_operator.h"
#include "runtime/execution/watermark_generator.h"
#include "runtime/operators/operator_factory.h"

namespace sluice::runtime {

// What every task of a job shares.
struct JobResources {
  const artifact::JobPlan* plan = nullptr;
  const ConnectorFactories* connectors = nullptr;
  const ScalarFunctionRegistry* functions = nullptr;
  JitMode jitMode = JitMode::Interpreted;
  CalcCompiler* compiler = nullptr;  // null when interpreted
  // Per Calc node id: its native code, compiling or ready (compiled and adaptive modes).
  std::map<int, std::shared_future<std::shared_ptr<const CompiledCalcCode>>> compiledCalcs;
  int batchSize = 1024;
  int64_t maxLatencyMicros = 5000;        // sqlc.batch.max-latency
  int64_t sourceIdleTimeoutMicros = 0;    // table.exec.source.idle-timeout (0: never idle)
  int exchangeBufferedBatches = 4;        // sqlc.exchange.buffered-batches, per channel
  MiniBatchOptions miniBatch;             // table.exec.mini-batch.*
  // Per pipeline id with input exchanges: one gate per instance.
  std::map<int, std::vector<std::unique_ptr<InputGate>>> gates;
  std::string timeZone = "UTC";
  int64_t startMillis = 0;  // the wall clock when the job started (epoch ms)
  const std::atomic<bool>* cancelled = nullptr;
  // sqlc.exec.source-order: the sources' rows in one fixed order (null: sources run freely).
  std::unique_ptr<SourceSequencer> sequencer;
};

class PipelineTask {
 public:
  PipelineTask(const artifact::Pipeline& pipeline, int subtask, JobResources& resources,
               std::vector<std::shared_ptr<OperatorMetrics>>& metrics);
  ~PipelineTask();
  // Runs to the end of the input or cancellation; throws JobFailure (or ConnectorError).
  void run();

 private:
  struct Link;
  struct SinkEnd;
  // Where one node's rows go within the task: the pipeline's operators that read it, its sinks
  // and its exchanges. A node read by several (a fan-out, plan_reuse.h) gives each the same
  // batch in turn; operators never modify the batch they are given.
  struct Targets {
    std::vector<Link*> links;
    std::vector<SinkEnd*> sinks;
    std::vector<ExchangeOutput*> exchanges;
  };

  JobResources& resources_;
  int subtask_;
  TaskContext task_;
  std::vector<std::shared_ptr<OperatorMetrics>>& allMetrics_;

  // The head: a source (or literal rows) ...
  const artifact::Node* sourceNode_ = nullptr;
  std::unique_ptr<SourceReader> source_;
  std::unique_ptr<WatermarkGenerator> sourceWatermark_;
  std::shared_ptr<OperatorMetrics> sourceMetrics_;
  // ... or the gate of the input exchanges (with a Union's counters when the head is one).
  InputGate* gate_ = nullptr;
  std::shared_ptr<OperatorMetrics> unionMetrics_;

  // Where the head's rows go; `headIsOperator_` when that is the operator heading the pipeline
  // (a join reading two exchanges), which is told which input a batch came from.
  Targets entry_;
  bool headIsOperator_ = false;
  // The operators, inputs before readers; each link's Output feeds its targets.
  std::vector<std::unique_ptr<Link>> links_;
  // The ends: sinks and exchanges to the next pipelines.
  std::vector<std::unique_ptr<SinkEnd>> sinks_;
  std::vector<std::unique_ptr<ExchangeOutput>> exchanges_;

  ConnectorContext connectorContext(const artifact::Node& node) const;
  std::shared_ptr<OperatorMetrics> newMetrics(const artifact::Node& node, std::string name);
  void openSource(const artifact::Node& node);
  SinkEnd* openSink(const artifact::Node& node);
  ExchangeOutput* openExchange(const artifact::Node& node);
  std::unique_ptr<CalcOperator> makeCalc(const artifact::Node& node);

  Link* addOperator(const artifact::Node& node, std::unique_ptr<StreamOperator> op,
                    std::string name);

  void runSource();
  void runSequencedSource();
  // A source's rows read: counted, pushed through the pipeline, then its watermark and timers.
  void pushSourceRows(Batch& input);
  void runGate();
  // From the head into the pipeline.
  void push(Batch& batch, int input);
  void pushWatermark(int64_t watermark);
  void fireProcessingTimers();
  void deliver(Targets& targets, Batch& batch, int input);
  void deliverWatermark(Targets& targets, int64_t watermark);
  // End of input: the end-of-time watermark, then each operator's finish, then the terminal's.
  void finish();
};

}  // namespace sluice::runtime
