// One parallel instance of a pipeline, run by one worker thread: it pulls batches from its
// source, pushes each through the pipeline's stateless steps (Calc, watermark assigners, the
// pass-through of a Union) and hands the result to its sink.
#pragma once

#include <atomic>
#include <future>
#include <map>
#include <memory>
#include <vector>

#include "runtime/connector/connector.h"
#include "runtime/execution/compiled_calc.h"
#include "runtime/execution/operator_metrics.h"
#include "runtime/execution/watermark_generator.h"

namespace sluice::runtime {

// What every task of a job shares.
struct JobResources {
  const artifact::JobPlan* plan = nullptr;
  const ConnectorFactories* connectors = nullptr;
  const ScalarFunctionRegistry* functions = nullptr;
  JitMode jitMode = JitMode::Interpreted;
  // Per Calc node id: its native code, compiling or ready (compiled and adaptive modes).
  std::map<int, std::shared_future<std::shared_ptr<const CompiledCalcCode>>> compiledCalcs;
  int batchSize = 1024;
  int64_t maxLatencyMicros = 5000;
  std::string timeZone = "UTC";
  const std::atomic<bool>* cancelled = nullptr;
};

class PipelineTask {
 public:
  PipelineTask(const artifact::Pipeline& pipeline, int subtask, JobResources& resources,
               std::vector<std::shared_ptr<OperatorMetrics>>& metrics);
  ~PipelineTask();
  // Runs to the end of the input or cancellation; throws JobFailure (or ConnectorError).
  void run();

 private:
  struct Step;

  JobResources& resources_;
  int subtask_;
  TaskContext task_;
  const artifact::Node* sourceNode_ = nullptr;
  std::unique_ptr<SourceReader> source_;
  std::unique_ptr<WatermarkGenerator> sourceWatermark_;
  std::shared_ptr<OperatorMetrics> sourceMetrics_;
  std::vector<std::unique_ptr<Step>> steps_;
  std::unique_ptr<SinkWriter> sink_;
  std::shared_ptr<OperatorMetrics> sinkMetrics_;

  ConnectorContext connectorContext(const artifact::Node& node) const;
  std::unique_ptr<CalcOperator> makeCalc(const artifact::Node& node);
  void push(Batch& batch);
};

}  // namespace sluice::runtime
