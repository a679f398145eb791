#include "runtime/execution/pipeline_task.h"

#include <chrono>
#include <thread>

#include "runtime/execution/values_reader.h"

namespace sluice::runtime {
namespace {

int64_t nowNanos() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

int64_t wallClockMicros() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::vector<DataType> schemaTypes(const artifact::Node& node) {
  std::vector<DataType> types;
  for (const artifact::Field& field : node.schema) types.push_back(field.type);
  return types;
}

std::shared_ptr<OperatorMetrics> newMetrics(const artifact::Node& node, std::string name,
                                            std::vector<std::shared_ptr<OperatorMetrics>>& all) {
  auto metrics = std::make_shared<OperatorMetrics>();
  metrics->name = std::move(name);
  metrics->nodeId = node.id;
  all.push_back(metrics);
  return metrics;
}

}  // namespace

struct PipelineTask::Step {
  const artifact::Node* node = nullptr;
  std::unique_ptr<CalcOperator> calc;                 // Calc
  std::unique_ptr<WatermarkGenerator> watermark;      // WatermarkAssigner
  std::unique_ptr<Batch> output;
  std::shared_ptr<OperatorMetrics> metrics;
};

PipelineTask::PipelineTask(const artifact::Pipeline& pipeline, int subtask,
                           JobResources& resources,
                           std::vector<std::shared_ptr<OperatorMetrics>>& metrics)
    : resources_(resources), subtask_(subtask) {
  task_.timeZone = resources.timeZone;
  const artifact::JobPlan& plan = *resources.plan;
  for (int id : pipeline.nodes) {
    const artifact::Node& node = plan.node(id);
    switch (node.kind) {
      case artifact::NodeKind::Source: {
        sourceNode_ = &node;
        const ConnectorFactory* factory = resources.connectors->find(node.connector);
        if (!factory) {
          throw JobFailure(node.location + ": no connector '" + node.connector + "' for table " +
                           node.table);
        }
        source_ = factory->createSource(connectorContext(node));
        if (node.watermark) {
          sourceWatermark_ =
              std::make_unique<WatermarkGenerator>(*node.watermark, *resources.functions, task_);
        }
        sourceMetrics_ = newMetrics(node, "Source: " + node.tableShortName(), metrics);
        break;
      }
      case artifact::NodeKind::Values:
        sourceNode_ = &node;
        source_ = std::make_unique<ValuesReader>(node, *resources.functions, task_, subtask);
        sourceMetrics_ = newMetrics(node, "Values", metrics);
        break;
      case artifact::NodeKind::Calc:
      case artifact::NodeKind::WatermarkAssigner: {
        auto step = std::make_unique<Step>();
        step->node = &node;
        if (node.kind == artifact::NodeKind::Calc) {
          step->calc = makeCalc(node);
          step->output = std::make_unique<Batch>(schemaTypes(node), resources.batchSize);
          step->metrics = newMetrics(node, "Calc", metrics);
        } else {
          step->watermark =
              std::make_unique<WatermarkGenerator>(*node.watermark, *resources.functions, task_);
          step->metrics = newMetrics(node, "WatermarkAssigner", metrics);
        }
        steps_.push_back(std::move(step));
        break;
      }
      case artifact::NodeKind::Union: break;  // rows of every input flow through unchanged
      case artifact::NodeKind::Sink: {
        const ConnectorFactory* factory = resources.connectors->find(node.connector);
        if (!factory) {
          throw JobFailure(node.location + ": no connector '" + node.connector + "' for table " +
                           node.table);
        }
        sink_ = factory->createSink(connectorContext(node));
        sinkMetrics_ = newMetrics(
            node, "Sink: " + (node.table.empty() ? std::string("client") : node.tableShortName()),
            metrics);
        break;
      }
    }
  }
  if (!source_ || !sink_) throw JobFailure("pipeline " + std::to_string(pipeline.id) + " is incomplete");
}

PipelineTask::~PipelineTask() = default;

ConnectorContext PipelineTask::connectorContext(const artifact::Node& node) const {
  ConnectorContext context;
  context.node = &node;
  context.subtask = subtask_;
  context.parallelism = node.parallelism;
  context.batchSize = resources_.batchSize;
  context.maxLatencyMicros = resources_.maxLatencyMicros;
  context.timeZone = resources_.timeZone;
  context.cancelled = resources_.cancelled;
  return context;
}

std::unique_ptr<CalcOperator> PipelineTask::makeCalc(const artifact::Node& node) {
  auto interpreted = [&] {
    try {
      return std::make_unique<InterpretedCalc>(node, *resources_.functions, task_);
    } catch (const PrepareError& error) {
      throw JobFailure(node.location + ": " + error.what());
    }
  };
  auto compiled = resources_.compiledCalcs.find(node.id);
  if (resources_.jitMode == JitMode::Interpreted || compiled == resources_.compiledCalcs.end()) {
    return interpreted();
  }
  if (resources_.jitMode == JitMode::Compiled) {
    // Compiled mode waits for the code; a node the generator cannot compile stays interpreted.
    std::shared_ptr<const CompiledCalcCode> code = compiled->second.get();
    if (!code) return interpreted();
    return std::make_unique<CompiledCalc>(std::move(code), interpreted(), task_);
  }
  return std::make_unique<AdaptiveCalc>(compiled->second, interpreted(), task_);
}

void PipelineTask::run() {
  Batch input(schemaTypes(*sourceNode_), resources_.batchSize);
  while (!resources_.cancelled->load(std::memory_order_relaxed)) {
    input.clear();
    const int64_t started = nowNanos();
    task_.arena = &input.arena();
    const ReadStatus status = source_->read(input);
    sourceMetrics_->add(sourceMetrics_->busyNanos, nowNanos() - started);
    sourceMetrics_->skippedRows.store(source_->skippedRows(), std::memory_order_relaxed);
    if (status == ReadStatus::End) break;
    if (input.size() == 0) {
      if (status == ReadStatus::Idle) std::this_thread::sleep_for(std::chrono::microseconds(200));
      continue;
    }
    sourceMetrics_->add(sourceMetrics_->rowsOut, input.size());
    sourceMetrics_->add(sourceMetrics_->batches, 1);
    if (sourceWatermark_ && sourceWatermark_->observe(input)) {
      sourceMetrics_->watermarkMicros.store(sourceWatermark_->current(), std::memory_order_relaxed);
    }
    push(input);
  }
  if (resources_.cancelled->load(std::memory_order_relaxed)) return;
  // A bounded source that ends emits the maximum watermark, so event time completes.
  if (sourceWatermark_) sourceMetrics_->watermarkMicros.store(WatermarkGenerator::kEndOfTime);
  for (auto& step : steps_) step->metrics->watermarkMicros.store(WatermarkGenerator::kEndOfTime);
  const int64_t started = nowNanos();
  sink_->finish();
  sinkMetrics_->add(sinkMetrics_->busyNanos, nowNanos() - started);
}

void PipelineTask::push(Batch& batch) {
  Batch* current = &batch;
  task_.statementTimeMicros = wallClockMicros();
  for (auto& step : steps_) {
    const int64_t started = nowNanos();
    step->metrics->add(step->metrics->rowsIn, current->size());
    if (step->calc) {
      step->output->clear();
      step->calc->process(*current, *step->output);
      current = step->output.get();
    } else if (step->watermark->observe(*current)) {
      step->metrics->watermarkMicros.store(step->watermark->current(), std::memory_order_relaxed);
    }
    step->metrics->add(step->metrics->rowsOut, current->size());
    step->metrics->add(step->metrics->busyNanos, nowNanos() - started);
    if (current->size() == 0) return;
  }
  const int64_t started = nowNanos();
  sinkMetrics_->add(sinkMetrics_->rowsIn, current->size());
  sink_->write(*current);
  sinkMetrics_->add(sinkMetrics_->busyNanos, nowNanos() - started);
}

}  // namespace sluice::runtime
