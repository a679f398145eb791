#include "runtime/execution/job_runner.h"

#include <sys/resource.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "compiler/types/option_values.h"

namespace sluice::runtime {
namespace {

std::vector<DataType> inputTypes(const artifact::JobPlan& plan, const artifact::Node& node) {
  std::vector<DataType> types;
  for (const artifact::Field& field : plan.node(node.inputs[0]).schema) types.push_back(field.type);
  return types;
}

// A duration option of the job; a malformed value fails the job before it starts.
int64_t durationOption(const artifact::JobPlan& plan, const std::string& key, int64_t fallback) {
  const std::string text = plan.option(key, "");
  if (text.empty()) return fallback;
  const auto micros = parseDurationMicros(text);
  if (!micros) {
    throw JobFailure("option '" + key + "' must be a duration such as '10 s', not '" + text + "'");
  }
  return *micros;
}

int intOption(const artifact::JobPlan& plan, const std::string& key, int fallback) {
  const std::string text = plan.option(key, "");
  if (text.empty()) return fallback;
  const int value = std::atoi(text.c_str());
  if (value < 1 || std::to_string(value) != text) {
    throw JobFailure("option '" + key + "' must be a positive integer, not '" + text + "'");
  }
  return value;
}

// table.exec.mini-batch.*: Flink requires a positive latency and size once mini-batch is on.
MiniBatchOptions miniBatchOptions(const artifact::JobPlan& plan) {
  MiniBatchOptions options;
  std::string enabled = plan.option("table.exec.mini-batch.enabled", "false");
  std::transform(enabled.begin(), enabled.end(), enabled.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (enabled != "true" && enabled != "false") {
    throw JobFailure("option 'table.exec.mini-batch.enabled' must be true or false, not '" +
                     plan.option("table.exec.mini-batch.enabled", "") + "'");
  }
  options.enabled = enabled == "true";
  if (!options.enabled) return options;
  options.allowLatencyMicros = durationOption(plan, "table.exec.mini-batch.allow-latency", 0);
  if (options.allowLatencyMicros <= 0) {
    throw JobFailure("option 'table.exec.mini-batch.allow-latency' must be greater than 0 ms "
                     "when mini-batch is enabled");
  }
  const std::string size = plan.option("table.exec.mini-batch.size", "");
  char* end = nullptr;
  options.size = size.empty() ? 0 : std::strtoll(size.c_str(), &end, 10);
  if (size.empty() || *end != '\0' || options.size <= 0) {
    throw JobFailure("option 'table.exec.mini-batch.size' must be greater than 0 when mini-batch "
                     "is enabled");
  }
  return options;
}

}  // namespace

JitMode JobRunner::jitModeOf(const artifact::JobPlan& plan) {
  if (plan.option("sqlc.jit", "on") == "off") return JitMode::Interpreted;
  const std::string mode = plan.option("sqlc.jit.mode", "adaptive");
  if (mode == "interpreted") return JitMode::Interpreted;
  if (mode == "compiled") return JitMode::Compiled;
  return JitMode::Adaptive;
}

JobRunner::JobRunner(const artifact::JobPlan& plan, JobOptions options)
    : plan_(plan), options_(options) {
  resources_.plan = &plan_;
  resources_.connectors = options.connectors;
  resources_.functions = options.functions;
  resources_.jitMode = options.compiler ? options.jitMode : JitMode::Interpreted;
  resources_.compiler = resources_.jitMode == JitMode::Interpreted ? nullptr : options.compiler;
  resources_.timeZone = plan.option("table.local-time-zone", "UTC");
  if (resources_.timeZone == "default") resources_.timeZone = "UTC";
  resources_.startMillis = std::chrono::duration_cast<std::chrono::milliseconds>(
                               std::chrono::system_clock::now().time_since_epoch())
                               .count();
  resources_.cancelled = options.cancelled;
}

JobRunner::~JobRunner() = default;

void JobRunner::readOptions() {
  resources_.batchSize = intOption(plan_, "sqlc.batch.size", 1024);
  resources_.maxLatencyMicros = durationOption(plan_, "sqlc.batch.max-latency", 5000);
  resources_.sourceIdleTimeoutMicros = durationOption(plan_, "table.exec.source.idle-timeout", 0);
  resources_.exchangeBufferedBatches = intOption(plan_, "sqlc.exchange.buffered-batches", 4);
  resources_.miniBatch = miniBatchOptions(plan_);
  resources_.sequencer = SourceSequencer::fromPlan(plan_);
  // A sequenced turn ends when the job is quiet, so no exchange may hold rows back for latency.
  if (resources_.sequencer) resources_.maxLatencyMicros = 0;
}

// One gate per instance of each pipeline that reads exchanges, with a channel per producer
// instance of each input.
void JobRunner::createGates() {
  for (const artifact::Pipeline& pipeline : plan_.pipelines) {
    if (pipeline.inputs.empty()) continue;
    std::vector<int> channelsPerInput;
    for (int exchange : pipeline.inputs) {
      channelsPerInput.push_back(plan_.node(plan_.node(exchange).inputs[0]).parallelism);
    }
    auto& gates = resources_.gates[pipeline.id];
    for (int subtask = 0; subtask < pipeline.parallelism; ++subtask) {
      gates.push_back(
          std::make_unique<InputGate>(channelsPerInput, resources_.exchangeBufferedBatches));
      if (resources_.sequencer) gates.back()->countInFlight(&resources_.sequencer->inFlight());
    }
  }
}

void JobRunner::startCompilation() {
  if (resources_.jitMode == JitMode::Interpreted) return;
  for (const artifact::Node& node : plan_.nodes) {
    if (node.kind != artifact::NodeKind::Calc) continue;
    CalcCompiler* compiler = options_.compiler;
    std::vector<DataType> types = inputTypes(plan_, node);
    auto note = std::make_shared<std::string>();
    resources_.compiledCalcs[node.id] =
        std::async(std::launch::async, [compiler, &node, types, note, functions = resources_.functions] {
          std::string reason;
          std::shared_ptr<const CompiledCalcCode> code;
          try {
            code = compiler->compile(node, types, *functions, reason);
          } catch (const std::exception& error) {
            // The interpreter reports the same problem with the node's location.
            reason = error.what();
          }
          if (!code) *note = "runs interpreted: " + reason;
          if (code && !code->diskCacheProblem.empty()) {
            *note = "compiled again: " + code->diskCacheProblem;
          }
          return code;
        }).share();
    if (resources_.jitMode == JitMode::Compiled) {
      resources_.compiledCalcs[node.id].wait();
      if (!note->empty()) {
        notes_.push_back("Calc node " + std::to_string(node.id) + " " + *note);
      }
    }
  }
}

namespace {

double processCpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
  };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

}  // namespace

JobReport JobRunner::run(const std::function<void(const std::vector<OperatorSummary>&)>& progress,
                         int progressMillis) {
  JobReport report;
  const auto started = std::chrono::steady_clock::now();
  std::mutex mutex;
  std::condition_variable finished;
  int running = 0;
  std::string firstError;
  std::vector<std::unique_ptr<PipelineTask>> tasks;
  try {
    readOptions();
    startCompilation();
    createGates();
    for (const artifact::Pipeline& pipeline : plan_.pipelines) {
      for (int subtask = 0; subtask < pipeline.parallelism; ++subtask) {
        tasks.push_back(std::make_unique<PipelineTask>(pipeline, subtask, resources_, metrics_));
      }
    }
  } catch (const std::exception& e) {
    report.error = e.what();
    // As a failure while running does: jobs started beside this one (sqlc run starts every
    // INSERT at once) stop too, rather than run on while this error waits to be shown.
    options_.cancelled->store(true);
    return report;
  }
  std::vector<std::thread> threads;
  running = static_cast<int>(tasks.size());
  for (auto& task : tasks) {
    threads.emplace_back([&, task = task.get()] {
      std::string error;
      try {
        task->run();
      } catch (const std::exception& e) {
        error = e.what();
      }
      std::lock_guard<std::mutex> lock(mutex);
      if (!error.empty() && firstError.empty()) {
        firstError = error;
        options_.cancelled->store(true);
      }
      --running;
      finished.notify_all();
    });
  }
  {
    std::unique_lock<std::mutex> lock(mutex);
    while (running > 0) {
      if (finished.wait_for(lock, std::chrono::milliseconds(progressMillis)) ==
              std::cv_status::timeout &&
          progress) {
        lock.unlock();
        progress(summarize());
        lock.lock();
      }
    }
  }
  for (std::thread& thread : threads) thread.join();
  report.processCpuSecondsAtEnd = processCpuSeconds();
  report.wallSeconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  report.operators = summarize();
  report.notes = notes_;
  report.error = firstError;
  report.cancelled = firstError.empty() && options_.cancelled->load();
  report.succeeded = firstError.empty() && !report.cancelled;
  return report;
}

std::vector<OperatorSummary> JobRunner::summarize() const {
  std::vector<OperatorSummary> summaries;
  for (const auto& m : metrics_) {
    auto it = std::find_if(summaries.begin(), summaries.end(), [&](const OperatorSummary& s) {
      return s.nodeId == m->nodeId;
    });
    if (it == summaries.end()) {
      summaries.push_back({});
      it = summaries.end() - 1;
      it->nodeId = m->nodeId;
      it->name = m->name;
      it->watermarkMicros = INT64_MAX;
    }
    it->instances += 1;
    it->rowsIn += m->rowsIn.load(std::memory_order_relaxed);
    it->rowsOut += m->rowsOut.load(std::memory_order_relaxed);
    it->skippedRows += m->skippedRows.load(std::memory_order_relaxed);
    it->busySeconds += static_cast<double>(m->busyNanos.load(std::memory_order_relaxed)) / 1e9;
    it->backPressuredSeconds +=
        static_cast<double>(m->backPressuredNanos.load(std::memory_order_relaxed)) / 1e9;
    it->watermarkMicros = std::min(it->watermarkMicros, m->watermarkMicros.load());
    it->stateKeys += m->stateKeys.load(std::memory_order_relaxed);
    it->stateBytes += m->stateBytes.load(std::memory_order_relaxed);
  }
  std::sort(summaries.begin(), summaries.end(),
            [](const OperatorSummary& a, const OperatorSummary& b) { return a.nodeId < b.nodeId; });
  return summaries;
}

}  // namespace sluice::runtime
