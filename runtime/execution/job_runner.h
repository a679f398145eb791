// Runs a job plan in this process: one worker thread per pipeline instance (`parallelism`
// instances of each pipeline), connected through the bounded queues of their exchanges, until
// every source has ended, the job fails, or it is cancelled. Native code for Calc nodes is
// compiled in the background.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "runtime/execution/pipeline_task.h"

namespace sluice::runtime {

struct JobOptions {
  const ConnectorFactories* connectors = nullptr;
  const ScalarFunctionRegistry* functions = nullptr;
  JitMode jitMode = JitMode::Adaptive;
  CalcCompiler* compiler = nullptr;  // required unless jitMode is Interpreted
  std::atomic<bool>* cancelled = nullptr;  // set from outside (Ctrl-C) to stop the job
};

// One row of the run summary: an operator's counters summed over its instances.
struct OperatorSummary {
  int nodeId = 0;
  std::string name;
  int instances = 0;
  int64_t rowsIn = 0;
  int64_t rowsOut = 0;
  int64_t skippedRows = 0;
  double busySeconds = 0;
  double backPressuredSeconds = 0;
  int64_t watermarkMicros = INT64_MIN;  // the minimum over instances
  int64_t stateKeys = 0;  // keyed state, summed over instances
  int64_t stateBytes = 0;
};

struct JobReport {
  bool succeeded = false;
  bool cancelled = false;
  std::string error;
  double wallSeconds = 0;
  // CPU seconds of the whole process (user + system, every thread) when the job's last task
  // ended, before its operators and their state are freed: what a benchmark of a bounded job
  // counts, as an unbounded job never frees its state (sqlc bench nexmark).
  double processCpuSecondsAtEnd = 0;
  std::vector<OperatorSummary> operators;
  std::vector<std::string> notes;  // e.g. which nodes stayed interpreted and why
};

class JobRunner {
 public:
  JobRunner(const artifact::JobPlan& plan, JobOptions options);
  ~JobRunner();
  // Runs the job to its end; `progress` is called about every `progressMillis` while it runs.
  JobReport run(const std::function<void(const std::vector<OperatorSummary>&)>& progress = {},
                int progressMillis = 1000);

  // Parses `sqlc.jit.mode` / `sqlc.jit` of a plan's configuration.
  static JitMode jitModeOf(const artifact::JobPlan& plan);

 private:
  const artifact::JobPlan& plan_;
  JobOptions options_;
  JobResources resources_;
  std::vector<std::shared_ptr<OperatorMetrics>> metrics_;
  std::vector<std::string> notes_;

  void readOptions();
  void startCompilation();
  void createGates();
  std::vector<OperatorSummary> summarize() const;
};

}  // namespace sluice::runtime
