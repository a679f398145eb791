#include "runtime/execution/pipeline_task.h"
#include "runtime/operators/operator_support.h"

#include <algorithm>
#include <thread>

#include "runtime/execution/stateless_operators.h"
#include "runtime/execution/task_clock.h"
#include "runtime/execution/values_reader.h"
#include "runtime/operators/operator_factory.h"

namespace sluice::runtime {
namespace {


std::string exchangeName(const artifact::Node& node) {
  std::string name = std::string("Exchange: ") + artifact::distributionName(node.distribution);
  if (!node.keys.empty()) {
    name += " [";
    for (size_t i = 0; i < node.keys.size(); ++i) {
      if (i > 0) name += ", ";
      name += node.schema[node.keys[i]].name;
    }
    name += "]";
  }
  return name;
}

}  // namespace

// One operator of the chain, with its counters, and the Output that feeds the next link (or the
// task's terminal). Busy time is the operator's own: the time spent downstream inside emit() is
// taken out.
struct PipelineTask::Link final : Output {
  PipelineTask* task = nullptr;
  std::unique_ptr<StreamOperator> op;
  std::shared_ptr<OperatorMetrics> metrics;
  Targets next;
  int64_t downstreamNanos = 0;

  template <typename F>
  void timed(F&& work) {
    const int64_t downstreamBefore = downstreamNanos;
    const int64_t started = steadyNanos();
    work();
    metrics->add(metrics->busyNanos,
                 steadyNanos() - started - (downstreamNanos - downstreamBefore));
  }
  void process(Batch& batch, int input) {
    metrics->add(metrics->rowsIn, batch.size());
    timed([&] { op->processBatch(batch, input, *this); });
  }
  void watermark(int64_t value) {
    timed([&] { op->processWatermark(value, *this); });
    metrics->skippedRows.store(op->droppedRows(), std::memory_order_relaxed);
  }

  void emit(Batch& batch) override {
    if (batch.size() == 0) return;
    metrics->add(metrics->rowsOut, batch.size());
    const int64_t started = steadyNanos();
    task->deliver(next, batch, 0);
    downstreamNanos += steadyNanos() - started;
  }
  void emitWatermark(int64_t value) override {
    metrics->watermarkMicros.store(value, std::memory_order_relaxed);
    const int64_t started = steadyNanos();
    task->deliverWatermark(next, value);
    downstreamNanos += steadyNanos() - started;
  }
};

struct PipelineTask::SinkEnd {
  std::unique_ptr<SinkWriter> writer;
  std::shared_ptr<OperatorMetrics> metrics;
};

PipelineTask::PipelineTask(const artifact::Pipeline& pipeline, int subtask,
                           JobResources& resources,
                           std::vector<std::shared_ptr<OperatorMetrics>>& metrics)
    : resources_(resources), subtask_(subtask), allMetrics_(metrics) {
  task_.timeZone = resources.timeZone;
  const artifact::JobPlan& plan = *resources.plan;
  if (!pipeline.inputs.empty()) gate_ = resources.gates.at(pipeline.id).at(subtask).get();
  // Every node but the head reads one node before it in the pipeline: it joins that node's
  // targets, and the nodes reading it join its own.
  std::map<int, Targets*> targetsOf;
  auto into = [&](const artifact::Node& node) {
    return node.id == pipeline.nodes.front() ? &entry_ : targetsOf.at(node.inputs[0]);
  };
  auto chainOperator = [&](const artifact::Node& node, std::unique_ptr<StreamOperator> op,
                           std::string name) {
    Link* link = addOperator(node, std::move(op), std::move(name));
    if (node.id == pipeline.nodes.front()) {
      entry_.links.push_back(link);
      headIsOperator_ = true;
    } else {
      targetsOf.at(node.inputs[0])->links.push_back(link);
    }
    targetsOf[node.id] = &link->next;
  };
  for (int id : pipeline.nodes) {
    const artifact::Node& node = plan.node(id);
    switch (node.kind) {
      case artifact::NodeKind::Source:
      case artifact::NodeKind::Values:
        openSource(node);
        targetsOf[id] = &entry_;
        break;
      case artifact::NodeKind::Calc:
        chainOperator(node,
                      std::make_unique<CalcStreamOperator>(makeCalc(node), nodeTypes(node),
                                                           resources.batchSize),
                      "Calc");
        break;
      case artifact::NodeKind::WatermarkAssigner:
        chainOperator(node,
                      std::make_unique<WatermarkAssignerOperator>(std::make_unique<WatermarkGenerator>(
                          *node.watermark, *resources.functions, task_)),
                      "WatermarkAssigner");
        break;
      case artifact::NodeKind::Union:
        // Rows of every input flow through unchanged; the gate merges their watermarks.
        if (id == pipeline.nodes.front()) {
          if (gate_) unionMetrics_ = newMetrics(node, "Union");
          targetsOf[id] = &entry_;
        } else {
          targetsOf[id] = targetsOf.at(node.inputs[0]);
        }
        break;
      case artifact::NodeKind::Sink:
        into(node)->sinks.push_back(openSink(node));
        break;
      case artifact::NodeKind::Exchange:
        into(node)->exchanges.push_back(openExchange(node));
        break;
      default: {
        // Every other kind is built by the operator factory (the stateful ones; it refuses the rest).
        OperatorContext context;
        context.plan = &plan;
        context.inputTypes = nodeTypes(plan.node(node.inputs[0]));
        context.batchSize = resources.batchSize;
        context.timeZone = resources.timeZone;
        context.miniBatch = resources.miniBatch;
        context.nativeCode = {resources.compiler, resources.jitMode};
        context.functions = resources.functions;
        context.connectors = resources.connectors;
        try {
          chainOperator(node, createStatefulOperator(node, context),
                        artifact::nodeKindName(node.kind));
        } catch (const std::exception& error) {
          throw JobFailure(node.location + ": " + error.what());
        }
        break;
      }
    }
  }
  if ((!source_ && !gate_) || (sinks_.empty() && exchanges_.empty())) {
    throw JobFailure("pipeline " + std::to_string(pipeline.id) + " is incomplete");
  }
}

PipelineTask::~PipelineTask() = default;

PipelineTask::Link* PipelineTask::addOperator(const artifact::Node& node,
                                              std::unique_ptr<StreamOperator> op,
                                              std::string name) {
  auto link = std::make_unique<Link>();
  link->task = this;
  link->op = std::move(op);
  link->metrics = newMetrics(node, std::move(name));
  links_.push_back(std::move(link));
  return links_.back().get();
}

std::shared_ptr<OperatorMetrics> PipelineTask::newMetrics(const artifact::Node& node,
                                                          std::string name) {
  auto metrics = std::make_shared<OperatorMetrics>();
  metrics->name = std::move(name);
  metrics->nodeId = node.id;
  allMetrics_.push_back(metrics);
  return metrics;
}

void PipelineTask::openSource(const artifact::Node& node) {
  sourceNode_ = &node;
  if (node.kind == artifact::NodeKind::Values) {
    source_ = std::make_unique<ValuesReader>(node, *resources_.functions, task_, subtask_);
    sourceMetrics_ = newMetrics(node, "Values");
    return;
  }
  const ConnectorFactory* factory = resources_.connectors->find(node.connector);
  if (!factory) {
    throw JobFailure(node.location + ": no connector '" + node.connector + "' for table " +
                     node.table);
  }
  source_ = factory->createSource(connectorContext(node));
  if (node.watermark) {
    CalcCompiler* compiler =
        resources_.jitMode == JitMode::Interpreted ? nullptr : resources_.compiler;
    sourceWatermark_ = std::make_unique<WatermarkGenerator>(
        *node.watermark, *resources_.functions, task_, compiler, nodeTypes(node));
  }
  sourceMetrics_ = newMetrics(node, "Source: " + node.tableShortName());
}

PipelineTask::SinkEnd* PipelineTask::openSink(const artifact::Node& node) {
  const ConnectorFactory* factory = resources_.connectors->find(node.connector);
  if (!factory) {
    throw JobFailure(node.location + ": no connector '" + node.connector + "' for table " +
                     node.table);
  }
  auto sink = std::make_unique<SinkEnd>();
  sink->writer = factory->createSink(connectorContext(node));
  sink->metrics = newMetrics(
      node, "Sink: " + (node.table.empty() ? std::string("client") : node.tableShortName()));
  sinks_.push_back(std::move(sink));
  return sinks_.back().get();
}

// Connects this instance to the gates of every instance of the pipeline that reads the exchange.
ExchangeOutput* PipelineTask::openExchange(const artifact::Node& node) {
  const artifact::JobPlan& plan = *resources_.plan;
  for (const artifact::Pipeline& consumer : plan.pipelines) {
    auto input = std::find(consumer.inputs.begin(), consumer.inputs.end(), node.id);
    if (input == consumer.inputs.end()) continue;
    const int port = static_cast<int>(input - consumer.inputs.begin());
    std::vector<ExchangeOutput::Target> targets;
    for (const auto& gate : resources_.gates.at(consumer.id)) {
      targets.push_back({gate.get(), gate->channelOf(port, subtask_)});
    }
    exchanges_.push_back(std::make_unique<ExchangeOutput>(
        node, subtask_, std::move(targets), resources_.batchSize, resources_.maxLatencyMicros,
        newMetrics(node, exchangeName(node)), *resources_.cancelled));
    return exchanges_.back().get();
  }
  throw JobFailure("exchange " + std::to_string(node.id) + " has no consumer pipeline");
}

ConnectorContext PipelineTask::connectorContext(const artifact::Node& node) const {
  ConnectorContext context;
  context.node = &node;
  context.subtask = subtask_;
  context.parallelism = node.parallelism;
  context.batchSize = resources_.batchSize;
  context.maxLatencyMicros = resources_.maxLatencyMicros;
  context.timeZone = resources_.timeZone;
  context.jobStartMillis = resources_.startMillis;
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
  if (gate_) {
    runGate();
  } else if (resources_.sequencer && resources_.sequencer->orders(sourceNode_->id)) {
    runSequencedSource();
  } else {
    runSource();
  }
}

void PipelineTask::runSource() {
  Batch input(nodeTypes(*sourceNode_), resources_.batchSize);
  const std::atomic<bool>& cancelled = *resources_.cancelled;
  int64_t lastRowsMicros = wallClockMicros();
  bool idle = false;
  while (!cancelled.load(std::memory_order_relaxed)) {
    input.clear();
    const int64_t started = steadyNanos();
    task_.arena = &input.arena();
    const ReadStatus status = source_->read(input);
    sourceMetrics_->add(sourceMetrics_->busyNanos, steadyNanos() - started);
    sourceMetrics_->skippedRows.store(source_->skippedRows(), std::memory_order_relaxed);
    if (status == ReadStatus::End) break;
    for (auto& exchange : exchanges_) exchange->flushIfDue();
    if (input.size() == 0) {
      fireProcessingTimers();
      // A source that stays quiet past the idle timeout stops holding back the watermark of
      // the operators after the exchange (Flink's table.exec.source.idle-timeout).
      const int64_t timeout = resources_.sourceIdleTimeoutMicros;
      if (!idle && timeout > 0 && wallClockMicros() - lastRowsMicros >= timeout) {
        idle = true;
        for (auto& exchange : exchanges_) exchange->idle(true);
      }
      if (status == ReadStatus::Idle) std::this_thread::sleep_for(std::chrono::microseconds(200));
      continue;
    }
    lastRowsMicros = wallClockMicros();
    if (idle) {
      idle = false;
      for (auto& exchange : exchanges_) exchange->idle(false);
    }
    pushSourceRows(input);
  }
  if (cancelled.load(std::memory_order_relaxed)) return;
  // A bounded source that ends emits the maximum watermark, so event time completes.
  if (sourceWatermark_) sourceMetrics_->watermarkMicros.store(WatermarkGenerator::kEndOfTime);
  finish();
}

void PipelineTask::pushSourceRows(Batch& input) {
  sourceMetrics_->add(sourceMetrics_->rowsOut, input.size());
  sourceMetrics_->add(sourceMetrics_->batches, 1);
  // The watermark is computed before the rows move on (an operator may reuse the batch) and
  // sent after them.
  const bool advanced = sourceWatermark_ && sourceWatermark_->observe(input);
  push(input, 0);
  if (advanced) {
    sourceMetrics_->watermarkMicros.store(sourceWatermark_->current(), std::memory_order_relaxed);
    pushWatermark(sourceWatermark_->current());
  }
  fireProcessingTimers();
}

// Under `sqlc.exec.source-order` (source_sequencer.h): one row per turn, and the turn ends once
// the row and all it caused have gone through the job. Timers of processing time still fire.
void PipelineTask::runSequencedSource() {
  SourceSequencer& sequencer = *resources_.sequencer;
  const std::atomic<bool>& cancelled = *resources_.cancelled;
  const int node = sourceNode_->id;
  Batch input(nodeTypes(*sourceNode_), 1);
  while (sequencer.awaitRowTurn(node, cancelled)) {
    input.clear();
    task_.arena = &input.arena();
    const ReadStatus status = source_->read(input);
    sourceMetrics_->skippedRows.store(source_->skippedRows(), std::memory_order_relaxed);
    if (status == ReadStatus::End) {
      if (!sequencer.awaitEndTurn(node, cancelled)) return;
      if (sourceWatermark_) sourceMetrics_->watermarkMicros.store(WatermarkGenerator::kEndOfTime);
      finish();
      sequencer.endEndTurn(node, cancelled);
      return;
    }
    if (input.size() == 0) {
      fireProcessingTimers();
      if (status == ReadStatus::Idle) std::this_thread::sleep_for(std::chrono::microseconds(200));
      continue;
    }
    pushSourceRows(input);
    for (auto& exchange : exchanges_) exchange->flushIfDue();
    if (!sequencer.endRowTurn(cancelled)) return;
  }
}

void PipelineTask::runGate() {
  const std::atomic<bool>& cancelled = *resources_.cancelled;
  // Wakes at least every max-latency so partial batches downstream are flushed on time.
  const auto wait = std::chrono::microseconds(std::clamp<int64_t>(
      resources_.maxLatencyMicros, 100, 100'000));
  while (!cancelled.load(std::memory_order_relaxed)) {
    InputGate::Next next = gate_->next(wait);
    switch (next.kind) {
      case InputGate::Next::Kind::Data:
        if (unionMetrics_) {
          unionMetrics_->add(unionMetrics_->rowsIn, next.batch->size());
          unionMetrics_->add(unionMetrics_->rowsOut, next.batch->size());
        }
        task_.arena = &next.batch->arena();
        push(*next.batch, next.input);
        break;
      case InputGate::Next::Kind::Watermark:
        if (unionMetrics_) unionMetrics_->watermarkMicros.store(next.watermark);
        pushWatermark(next.watermark);
        break;
      case InputGate::Next::Kind::Idle:
      case InputGate::Next::Kind::Active:
        for (auto& exchange : exchanges_) exchange->idle(next.kind == InputGate::Next::Kind::Idle);
        break;
      case InputGate::Next::Kind::End:
        finish();
        gate_->acknowledge();
        return;
      case InputGate::Next::Kind::Timeout: break;
    }
    fireProcessingTimers();
    for (auto& exchange : exchanges_) exchange->flushIfDue();
    gate_->acknowledge();
  }
}

void PipelineTask::push(Batch& batch, int input) {
  task_.statementTimeMicros = wallClockMicros();
  deliver(entry_, batch, headIsOperator_ ? input : 0);
}

void PipelineTask::pushWatermark(int64_t watermark) { deliverWatermark(entry_, watermark); }

void PipelineTask::fireProcessingTimers() {
  int64_t now = 0;
  for (auto& link : links_) {
    if (link->op->nextProcessingTime() == INT64_MAX) continue;
    if (now == 0) now = wallClockMicros();
    if (link->op->nextProcessingTime() <= now) {
      link->timed([&] { link->op->onProcessingTime(now, *link); });
    }
  }
}

void PipelineTask::deliver(Targets& targets, Batch& batch, int input) {
  for (Link* link : targets.links) link->process(batch, input);
  for (SinkEnd* sink : targets.sinks) {
    const int64_t started = steadyNanos();
    sink->metrics->add(sink->metrics->rowsIn, batch.size());
    sink->writer->write(batch);
    sink->metrics->add(sink->metrics->busyNanos, steadyNanos() - started);
  }
  for (ExchangeOutput* exchange : targets.exchanges) {
    exchange->write(batch);
    exchange->flushIfDue();
  }
}

void PipelineTask::deliverWatermark(Targets& targets, int64_t watermark) {
  for (Link* link : targets.links) link->watermark(watermark);
  for (SinkEnd* sink : targets.sinks) {
    sink->metrics->watermarkMicros.store(watermark, std::memory_order_relaxed);
    const int64_t started = steadyNanos();
    sink->writer->watermark(watermark);
    sink->metrics->add(sink->metrics->busyNanos, steadyNanos() - started);
  }
  for (ExchangeOutput* exchange : targets.exchanges) exchange->watermark(watermark);
}

void PipelineTask::finish() {
  pushWatermark(WatermarkGenerator::kEndOfTime);
  for (auto& link : links_) {
    link->timed([&] { link->op->finish(*link); });
    link->metrics->skippedRows.store(link->op->droppedRows(), std::memory_order_relaxed);
    const StateSize state = link->op->stateSize();
    link->metrics->stateKeys.store(state.keys, std::memory_order_relaxed);
    link->metrics->stateBytes.store(state.bytes, std::memory_order_relaxed);
  }
  for (auto& sink : sinks_) {
    const int64_t started = steadyNanos();
    sink->writer->finish();
    sink->metrics->add(sink->metrics->busyNanos, steadyNanos() - started);
  }
  for (auto& exchange : exchanges_) exchange->finish();
}

}  // namespace sluice::runtime
