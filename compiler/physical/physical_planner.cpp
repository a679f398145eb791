#include "compiler/physical/physical_planner.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <stdexcept>
#include <unordered_map>

#include "compiler/catalog/catalog.h"
#include "compiler/catalog/optimizer_options.h"
#include "compiler/diagnostics/diagnostics.h"
#include "compiler/functions/function_registry.h"
#include "compiler/physical/changelog_inference.h"
#include "compiler/physical/expression_lowering.h"
#include "compiler/physical/plan_reuse.h"
#include "compiler/physical/planner.h"

namespace sluice::physical {
namespace {

using artifact::Expression;
using artifact::Node;
using artifact::NodeKind;

}  // namespace

Planner::Planner(artifact::JobPlan& plan, const ChangelogPlan& changelog, SourceLocation location,
                 std::string locationText)
    : plan_(plan), changelog_(changelog), location_(location),
      locationText_(std::move(locationText)) {
  parallelism_ = std::max(1, std::atoi(plan.option("parallelism.default", "1").c_str()));
}

int Planner::lower(const plan::NodeRef& node) {
  if (auto it = lowered_.find(node.get()); it != lowered_.end()) return it->second;
  const int id = lowerFresh(*node);
  lowered_[node.get()] = id;
  return id;
}

int Planner::collect(int input, const std::vector<plan::Field>& schema) {
  Node sink = makeNode(NodeKind::Sink, {input}, schema);
  sink.connector = "collect";
  return add(std::move(sink));
}

void Planner::unsupported(const std::string& what) const {
  throw UserError(location_, "sqlc run cannot run " + what + " yet");
}

Node Planner::makeNode(NodeKind kind, std::vector<int> inputs,
                       const std::vector<plan::Field>& schema) {
  Node n;
  n.id = static_cast<int>(plan_.nodes.size()) + 1;
  n.kind = kind;
  n.parallelism = inputs.size() == 1 ? nodeById(inputs[0]).parallelism : parallelism_;
  n.inputs = std::move(inputs);
  for (const plan::Field& f : schema) n.schema.push_back({f.name, f.type});
  n.location = locationText_;
  return n;
}

int Planner::exchange(int input, artifact::Distribution distribution, int parallelism,
                      std::vector<int> keys) {
  const Node& producer = nodeById(input);
  Node n;
  n.id = static_cast<int>(plan_.nodes.size()) + 1;
  n.kind = NodeKind::Exchange;
  n.inputs = {input};
  n.schema = producer.schema;
  n.parallelism = parallelism;
  n.location = locationText_;
  n.distribution = distribution == artifact::Distribution::Forward &&
                           producer.parallelism != parallelism
                       ? artifact::Distribution::Rebalance
                       : distribution;
  n.keys = std::move(keys);
  return add(std::move(n));
}

int Planner::keyedExchange(int input, const std::vector<int>& keys, int& parallelism) {
  if (keys.empty()) {
    parallelism = 1;
    return exchange(input, artifact::Distribution::Single, 1);
  }
  parallelism = parallelism_;
  return exchange(input, artifact::Distribution::Hash, parallelism_, keys);
}

int Planner::add(Node node) {
  plan_.nodes.push_back(std::move(node));
  return plan_.nodes.back().id;
}

Expression Planner::lowerOrRefuse(const plan::BoundExpression& e) {
  std::string what;
  auto lowered = lowerExpression(e, what);
  if (!lowered) unsupported(what);
  return std::move(*lowered);
}

std::vector<Expression> Planner::identity(const Node& input) {
  std::vector<Expression> columns;
  for (size_t i = 0; i < input.schema.size(); ++i) {
    columns.push_back(Expression::columnRef(static_cast<int>(i), input.schema[i].type));
  }
  return columns;
}

bool Planner::inputUpdates(const plan::LogicalNode& node) const {
  const NodeChangelog* consumed = changelog_.find(*node.inputs[0]);
  return !consumed || !consumed->kinds.isInsertOnly();
}

bool Planner::emitsUpdateBefore(const plan::LogicalNode& node) const {
  const NodeChangelog* produced = changelog_.find(node);
  return !produced || produced->updateKind != UpdateKind::OnlyUpdateAfter;
}

int Planner::lowerFresh(const plan::LogicalNode& node) {
  switch (node.kind) {
    case plan::NodeKind::TableScan: return source(node);
    case plan::NodeKind::Values: return values(node);
    case plan::NodeKind::Project: return project(node);
    case plan::NodeKind::Filter: return filter(node);
    case plan::NodeKind::WatermarkAssigner: return watermark(node);
    case plan::NodeKind::Union: return unionAll(node);
    case plan::NodeKind::Sink: return sink(node);
    case plan::NodeKind::Aggregate: return groupAggregate(node);
    case plan::NodeKind::WindowAggregate: return windowAggregate(node);
    case plan::NodeKind::WindowTableFunction: return windowTableFunction(node);
    case plan::NodeKind::Rank: return rank(node);
    case plan::NodeKind::Deduplicate: return deduplicate(node);
    case plan::NodeKind::OverAggregate: return overAggregate(node);
    case plan::NodeKind::Join: return join(node);
    case plan::NodeKind::Intersect:
    case plan::NodeKind::Except: return setOperation(node);
    case plan::NodeKind::Correlate: return correlate(node);
    default: unsupported(fmt::format("{} (node {})", plan::nodeKindName(node.kind), node.id));
  }
}

namespace {

// The table, its connector and its options with OPTIONS hints merged over them.
void describeTable(const plan::LogicalNode& node, Node& n) {
  n.table = node.tableName;
  if (node.table) {
    for (const auto& [key, value] : node.table->options) n.options[key] = value;
    n.connector = node.table->connector().value_or("");
  }
  for (const auto& [key, value] : node.hints) n.options[key] = value;
}

}  // namespace

// Flink's `scan.parallelism` sets the source's instances (FLIP-367); the default is the job's.
int Planner::source(const plan::LogicalNode& node) {
  Node n = makeNode(NodeKind::Source, {}, node.schema);
  describeTable(node, n);
  if (!n.option("scan.parallelism").empty()) {
    n.parallelism = positiveOption(n, "scan.parallelism");
  }
  const int id = add(std::move(n));
  // Duplicate or partial (upsert) changes become a full changelog by the last row per key.
  const NodeChangelog* changes = changelog_.find(node);
  return changes && changes->changelogNormalize ? changelogNormalize(node, id) : id;
}

int Planner::positiveOption(const Node& node, const std::string& key) const {
  const std::string& text = node.option(key);
  const int value = std::atoi(text.c_str());
  if (value < 1 || std::to_string(value) != text) {
    throw UserError(location_, "option '" + key + "' of table " + node.table +
                                   " must be a positive integer, not '" + text + "'");
  }
  return value;
}

int Planner::values(const plan::LogicalNode& node) {
  Node n = makeNode(NodeKind::Values, {}, node.schema);
  n.parallelism = 1;
  const size_t width = node.schema.size();
  for (size_t i = 0; width > 0 && i + width <= node.expressions.size(); i += width) {
    std::vector<Expression> row;
    for (size_t c = 0; c < width; ++c) row.push_back(lowerOrRefuse(*node.expressions[i + c]));
    n.rows.push_back(std::move(row));
  }
  return add(std::move(n));
}

// A Calc that later operators may fuse into: a fresh one over `input`, or `input` itself when
// it is a Calc nothing else reads.
int Planner::project(const plan::LogicalNode& node) {
  const int input = lower(node.inputs[0]);
  std::vector<Expression> projections;
  for (const auto& e : node.expressions) projections.push_back(lowerOrRefuse(*e));
  return calc(input, std::move(projections), node.schema);
}

int Planner::calc(int input, std::vector<Expression> projections,
                  const std::vector<plan::Field>& schema) {
  if (fusible(input)) {
    Node& calc = nodeById(input);
    for (Expression& p : projections) p = substituteColumns(p, calc.projections);
    calc.projections = std::move(projections);
    calc.schema.clear();
    for (const plan::Field& f : schema) calc.schema.push_back({f.name, f.type});
    return input;
  }
  Node n = makeNode(NodeKind::Calc, {input}, schema);
  n.projections = std::move(projections);
  return add(std::move(n));
}

int Planner::filter(const plan::LogicalNode& node) {
  const int input = lower(node.inputs[0]);
  Expression condition = lowerOrRefuse(*node.condition);
  if (fusible(input)) {
    Node& calc = nodeById(input);
    condition = substituteColumns(condition, calc.projections);
    calc.condition = calc.condition ? Expression::call("AND", {*calc.condition, condition},
                                                       DataType::boolean())
                                    : condition;
    return input;
  }
  Node n = makeNode(NodeKind::Calc, {input}, node.schema);
  n.projections = identity(nodeById(input));
  n.condition = std::move(condition);
  return add(std::move(n));
}

// Fusing rewrites the Calc in place, so the logical nodes it stood for are forgotten: a second
// reader of the same logical subplan gets its own copy rather than the rewritten one.
bool Planner::fusible(int id) {
  const Node& n = nodeById(id);
  if (n.kind != NodeKind::Calc || !plan_.consumersOf(id).empty()) return false;
  std::erase_if(lowered_, [id](const auto& entry) { return entry.second == id; });
  return true;
}

// WATERMARK FOR ts AS expr: moved into the source when only computed columns lie between, as
// Flink pushes watermark generation into the scan.
int Planner::watermark(const plan::LogicalNode& node) {
  const int input = lower(node.inputs[0]);
  Expression expression = lowerOrRefuse(*node.expressions[0]);
  const Node& below = nodeById(input);
  int sourceId = -1;
  if (below.kind == NodeKind::Source) {
    sourceId = input;
  } else if (below.kind == NodeKind::Calc && !below.condition &&
             nodeById(below.inputs[0]).kind == NodeKind::Source) {
    expression = substituteColumns(expression, below.projections);
    sourceId = below.inputs[0];
  }
  if (sourceId > 0 && !nodeById(sourceId).watermark) {
    nodeById(sourceId).watermark = std::move(expression);
    return input;
  }
  Node n = makeNode(NodeKind::WatermarkAssigner, {input}, node.schema);
  n.rowtimeColumn = node.rowtimeField;
  n.watermark = std::move(expression);
  return add(std::move(n));
}

int Planner::unionAll(const plan::LogicalNode& node) {
  if (!node.all) return setOperation(node);
  // Each input reaches the union's instances through an exchange, so the union is one
  // operator: its watermark is the minimum over its inputs, and its sink writes once.
  std::vector<int> inputs;
  for (const auto& input : node.inputs) {
    inputs.push_back(exchange(lower(input), artifact::Distribution::Forward, parallelism_));
  }
  Node n = makeNode(NodeKind::Union, std::move(inputs), node.schema);
  n.parallelism = parallelism_;
  return add(std::move(n));
}

// Flink's `sink.parallelism` option sets the sink's instances; rows rebalance to it.
int Planner::sink(const plan::LogicalNode& node) {
  int input = lower(node.inputs[0]);
  Node described;
  describeTable(node, described);
  const bool parallelismSet = !described.option("sink.parallelism").empty();
  const int wanted = parallelismSet ? positiveOption(described, "sink.parallelism") : parallelism_;
  const SinkChangelog* changes = changelog_.findSink(node);
  if (changes && changes->upsertMaterialize) {
    input = upsertMaterializer(input, *changes, wanted, node);
  } else if (parallelismSet && wanted != nodeById(input).parallelism) {
    input = exchange(input, artifact::Distribution::Rebalance, wanted);
  }
  Node n = makeNode(NodeKind::Sink, {input}, node.schema);
  describeTable(node, n);
  if (node.table) n.partitionKeys = node.table->partitionKeys;
  return add(std::move(n));
}



namespace {

bool deterministicFunction(const FunctionDefinition* function) {
  if (function == nullptr) return true;
  if (!function->deterministic) return false;
  return std::all_of(function->nativeOverloads.begin(), function->nativeOverloads.end(),
                     [](const NativeOverload& overload) { return overload.deterministic; });
}

bool deterministicExpression(const plan::ExpressionRef& e) {
  if (!e) return true;
  const bool call = e->kind == plan::ExpressionKind::Call || e->kind == plan::ExpressionKind::OverCall;
  if (call && !deterministicFunction(e->function)) return false;
  return std::all_of(e->operands.begin(), e->operands.end(), deterministicExpression);
}

// Whether the plan calls deterministic functions only: scalar calls, aggregates (UDAFs
// included) and OVER calls. Two calls of RAND() or of a UDF declared non-deterministic must stay
// two draws, so sub-plans holding one are not reused.
bool deterministicPlan(const plan::NodeRef& node, std::set<const plan::LogicalNode*>& seen) {
  if (!node || !seen.insert(node.get()).second) return true;
  if (!std::all_of(node->expressions.begin(), node->expressions.end(), deterministicExpression) ||
      !deterministicExpression(node->condition)) {
    return false;
  }
  for (const plan::AggregateCall& aggregate : node->aggregates) {
    if (!deterministicFunction(aggregate.definition)) return false;
  }
  return std::all_of(node->inputs.begin(), node->inputs.end(),
                     [&](const plan::NodeRef& input) { return deterministicPlan(input, seen); });
}

// A table.optimizer.reuse-* flag, true unless SET to false.
bool flagOption(const artifact::JobPlan& plan, const char* key, const SourceLocation& location) {
  std::string value = plan.option(key, "true");
  if (auto error = optimizerOptionError(key, value)) throw UserError(location, *error);
  std::transform(value.begin(), value.end(), value.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return value == "true";
}

}  // namespace

std::vector<const CompiledStatement*> runnableStatements(const CompiledJob& job) {
  std::vector<const CompiledStatement*> runnable;
  for (const CompiledStatement& s : job.statements) {
    if (s.bound.kind == BoundStatementKind::Insert || s.bound.kind == BoundStatementKind::Query) {
      runnable.push_back(&s);
    }
  }
  return runnable;
}

artifact::JobPlan planStatement([[maybe_unused]] const CompiledJob& job, const CompiledStatement& statement,
                                const PlanOptions& options) {
  artifact::JobPlan plan;
  plan.name = options.fileName;
  plan.configuration = statement.options;
  for (const NativeFunctionUse& use : statement.nativeFunctions) {
    plan.nativeFunctions.push_back({use.name, use.overload.library, use.overload.identifier,
                                    use.overload.index, use.overload.arguments, use.overload.result});
  }
  for (const auto& [key, value] : options.overrides) plan.configuration[key] = value;
  const SourceLocation location = statement.bound.location;
  // Refuses, at the statement, a plan whose changes no sink can take.
  const ChangelogPlan changelog = inferChangelogModes(statement);
  Planner planner(plan, changelog, location,
                  fmt::format("{}:{}:{}", options.fileName, location.line, location.column));
  const bool query = statement.bound.kind == BoundStatementKind::Query;
  for (const plan::NodeRef& root : statement.optimized) {
    const int id = planner.lower(root);
    if (query) planner.collect(id, root->schema);
  }
  ReuseOptions reuse;
  reuse.subPlans = flagOption(plan, kReuseSubPlanEnabled, location);
  // As in Flink, source reuse works only when sub-plan reuse is on.
  reuse.sources = reuse.subPlans && flagOption(plan, kReuseSourceEnabled, location);
  std::set<const plan::LogicalNode*> seen;
  reuse.deterministic = std::all_of(
      statement.optimized.begin(), statement.optimized.end(),
      [&](const plan::NodeRef& root) { return deterministicPlan(root, seen); });
  reuseIdenticalNodes(plan, reuse);
  try {
    buildPipelines(plan);
  } catch (const std::invalid_argument& error) {
    throw UserError(location, std::string("sqlc run cannot run this plan yet: ") + error.what());
  }
  return plan;
}

void buildPipelines(artifact::JobPlan& plan) {
  plan.pipelines.clear();
  auto readsExchanges = [&](const Node& node) {
    return !node.inputs.empty() && plan.node(node.inputs[0]).kind == NodeKind::Exchange;
  };
  for (const Node& head : plan.nodes) {
    const bool isHead = head.kind == NodeKind::Source || head.kind == NodeKind::Values ||
                        (head.kind != NodeKind::Exchange && readsExchanges(head));
    if (!isHead) continue;
    artifact::Pipeline pipeline;
    pipeline.id = static_cast<int>(plan.pipelines.size()) + 1;
    pipeline.parallelism = head.parallelism;
    if (readsExchanges(head)) pipeline.inputs = head.inputs;
    // The head, then every node that reads a node of the pipeline, each branch of a fan-out
    // (plan_reuse.h) after the other, inputs before readers: the readers of a node all run in
    // its thread. An Exchange ends its branch, and its reader heads another pipeline.
    std::vector<int> pending = {head.id};
    while (!pending.empty()) {
      const int current = pending.back();
      pending.pop_back();
      if (std::find(pipeline.nodes.begin(), pipeline.nodes.end(), current) !=
          pipeline.nodes.end()) {
        continue;  // read twice by one node
      }
      pipeline.nodes.push_back(current);
      if (current != head.id && plan.node(current).kind == NodeKind::Exchange) continue;
      const std::vector<int> readers = plan.consumersOf(current);
      for (auto reader = readers.rbegin(); reader != readers.rend(); ++reader) {
        if (plan.node(*reader).inputs.size() > 1) {
          throw std::invalid_argument("node " + std::to_string(*reader) +
                                      " reads several inputs without exchanges");
        }
        pending.push_back(*reader);
      }
    }
    plan.pipelines.push_back(std::move(pipeline));
  }
}

}  // namespace sluice::physical
