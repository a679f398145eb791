// Window aggregation and window table functions.
//
// A legacy group window (GROUP BY TUMBLE(ts, ..)) is a WindowAggregate over its input as it is.
// A window TVF aggregation (FROM TABLE(TUMBLE(..)) GROUP BY window_start, window_end, ..) is
// fused as Flink fuses it: the window aggregate reads the TVF's time column itself, so HOP and
// CUMULATE windows share slices instead of copying each row into every window. The projections
// and filters between the TVF and the aggregate become one Calc over the TVF's input, and the
// window_start / window_end / window_time keys become the aggregate's window properties. A
// TVF read by anything else runs as a WindowTableFunction that appends the window columns.
#include "compiler/binder/window_source.h"
#include "compiler/physical/expression_lowering.h"
#include "compiler/physical/planner.h"
#include "runtime/operators/window_slices.h"

namespace sluice::physical {
namespace {

using artifact::Expression;

constexpr int64_t kMicrosPerMilli = 1000;

bool referencesBelow(const Expression& e, int width) {
  if (e.kind == artifact::ExpressionKind::Column && e.column >= width) return false;
  for (const Expression& argument : e.arguments) {
    if (!referencesBelow(argument, width)) return false;
  }
  return true;
}

// Windows over a TIMESTAMP_LTZ time attribute (PROCTIME() is one) align on the local clock.
bool isLocalTime(const plan::LogicalNode& input, int timeField) {
  return input.schema[static_cast<size_t>(timeField)].type.kind() == TypeKind::TimestampLtz;
}

artifact::WindowProperty propertyOfTvfColumn(int offset, bool eventTime) {
  if (offset == 0) return artifact::WindowProperty::Start;
  if (offset == 1) return artifact::WindowProperty::End;
  return eventTime ? artifact::WindowProperty::Rowtime : artifact::WindowProperty::Proctime;
}

}  // namespace

artifact::Window artifactWindow(const plan::WindowSpec& spec) {
  artifact::Window window;
  switch (spec.kind) {
    case plan::WindowKind::Tumble: window.kind = artifact::WindowKind::Tumble; break;
    case plan::WindowKind::Hop: window.kind = artifact::WindowKind::Hop; break;
    case plan::WindowKind::Cumulate: window.kind = artifact::WindowKind::Cumulate; break;
    case plan::WindowKind::Session: window.kind = artifact::WindowKind::Session; break;
  }
  window.timeColumn = spec.timeField;
  window.eventTime = spec.eventTime;
  window.sizeMicros = spec.sizeMillis * kMicrosPerMilli;
  window.slideMicros = spec.slideMillis * kMicrosPerMilli;
  window.gapMicros = spec.gapMillis * kMicrosPerMilli;
  window.offsetMicros = spec.offsetMillis * kMicrosPerMilli;
  return window;
}

int Planner::windowTableFunction(const plan::LogicalNode& node) {
  if (node.window.kind == plan::WindowKind::Session) {
    unsupported("a SESSION window table function outside a window aggregation");
  }
  const int input = lower(node.inputs[0]);
  artifact::Node n = makeNode(artifact::NodeKind::WindowTableFunction, {input}, node.schema);
  n.window = artifactWindow(node.window);
  n.window.localTime = isLocalTime(*node.inputs[0], node.window.timeField);
  n.windowProperties = {artifact::WindowProperty::Start, artifact::WindowProperty::End,
                        propertyOfTvfColumn(2, node.window.eventTime)};
  return add(std::move(n));
}

int Planner::windowAggregate(const plan::LogicalNode& node) {
  if (!node.groupingSets.empty()) unsupported("GROUPING SETS over windows");
  const bool retracting = inputUpdates(node);
  std::vector<artifact::AggregateCall> calls = aggregateCalls(node, retracting);
  if (!node.windowed) {
    // A legacy group window: the window spec's time field is a column of the input.
    int parallelism = 1;
    const int exchanged = keyedExchange(lower(node.inputs[0]), node.groupKeys, parallelism);
    artifact::Node n = makeNode(artifact::NodeKind::WindowAggregate, {exchanged}, node.schema);
    n.parallelism = parallelism;
    n.keys = node.groupKeys;
    n.aggregates = std::move(calls);
    n.window = artifactWindow(node.window);
    n.window.localTime = isLocalTime(*node.inputs[0], node.window.timeField);
    // plan::WindowProperty and artifact::WindowProperty list start, end, rowtime, proctime.
    for (plan::WindowProperty p : node.windowProperties) {
      n.windowProperties.push_back(static_cast<artifact::WindowProperty>(p));
    }
    n.inputUpdates = retracting;
    return add(std::move(n));
  }

  // Window TVF: collect the projections and filters down to the TVF, composed over its output.
  std::vector<const plan::LogicalNode*> chain;
  const plan::LogicalNode* tvf = node.inputs[0].get();
  while (tvf->kind == plan::NodeKind::Project || tvf->kind == plan::NodeKind::Filter) {
    chain.push_back(tvf);
    tvf = tvf->inputs[0].get();
  }
  if (tvf->kind != plan::NodeKind::WindowTableFunction) {
    return windowAttachedAggregate(node, std::move(calls), retracting);
  }
  const int width = static_cast<int>(tvf->schema.size()) - 3;  // the TVF's input columns
  std::vector<Expression> fields;
  for (size_t i = 0; i < tvf->schema.size(); ++i) {
    fields.push_back(Expression::columnRef(static_cast<int>(i), tvf->schema[i].type));
  }
  std::optional<Expression> condition;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    const plan::LogicalNode& step = **it;
    if (step.kind == plan::NodeKind::Filter) {
      Expression c = substituteColumns(lowerOrRefuse(*step.condition), fields);
      if (!referencesBelow(c, width)) unsupported("a filter on window columns before the window aggregation");
      condition = condition ? Expression::call("AND", {*condition, c}, DataType::boolean()) : c;
      continue;
    }
    std::vector<Expression> next;
    for (const auto& e : step.expressions) next.push_back(substituteColumns(lowerOrRefuse(*e), fields));
    fields = std::move(next);
  }

  // One Calc over the TVF's input: the aggregate input's plain fields, then the time column.
  // calcColumn[i] is field i's column there, or -1 - k for the TVF's window column k.
  std::vector<int> calcColumn;
  std::vector<Expression> projections;
  std::vector<plan::Field> calcSchema;
  for (size_t i = 0; i < fields.size(); ++i) {
    const Expression& f = fields[i];
    if (f.kind == artifact::ExpressionKind::Column && f.column >= width) {
      calcColumn.push_back(-1 - (f.column - width));
      continue;
    }
    if (!referencesBelow(f, width)) unsupported("an expression over window columns before the window aggregation");
    calcColumn.push_back(static_cast<int>(projections.size()));
    projections.push_back(f);
    calcSchema.push_back(node.inputs[0]->schema[i]);
  }
  const int timeField = tvf->window.timeField;
  const int timeColumn = static_cast<int>(projections.size());
  projections.push_back(Expression::columnRef(timeField, tvf->inputs[0]->schema[static_cast<size_t>(timeField)].type));
  calcSchema.push_back(tvf->inputs[0]->schema[static_cast<size_t>(timeField)]);
  int below = lower(tvf->inputs[0]);
  if (condition) {
    // The filter runs first, over the TVF's input columns.
    artifact::Node filter = makeNode(artifact::NodeKind::Calc, {below}, tvf->inputs[0]->schema);
    filter.projections = identity(nodeById(below));
    filter.condition = std::move(condition);
    below = add(std::move(filter));
  }
  const int calcId = calc(below, std::move(projections), calcSchema);

  // The aggregate: plain keys, calls, then the window properties the keys ask for.
  std::vector<int> keys;
  std::vector<plan::Field> schema;
  std::vector<artifact::WindowProperty> properties;
  std::vector<std::pair<size_t, artifact::WindowProperty>> windowKeys;  // logical key, property
  for (size_t k = 0; k < node.groupKeys.size(); ++k) {
    const int column = calcColumn[static_cast<size_t>(node.groupKeys[k])];
    if (column < 0) {
      windowKeys.push_back({k, propertyOfTvfColumn(-1 - column, tvf->window.eventTime)});
      continue;
    }
    keys.push_back(column);
    schema.push_back(node.schema[k]);
  }
  for (artifact::AggregateCall& call : calls) {
    for (int& argument : call.arguments) {
      argument = calcColumn[static_cast<size_t>(argument)];
      if (argument < 0) unsupported("an aggregate of a window column");
    }
    if (call.filterColumn >= 0) {
      call.filterColumn = calcColumn[static_cast<size_t>(call.filterColumn)];
      if (call.filterColumn < 0) unsupported("a FILTER on a window column");
    }
  }
  const size_t groupCount = node.groupKeys.size();
  for (size_t a = 0; a < calls.size(); ++a) schema.push_back(node.schema[groupCount + a]);
  for (const auto& [logicalKey, property] : windowKeys) {
    properties.push_back(property);
    schema.push_back(node.schema[logicalKey]);
  }

  int parallelism = 1;
  const int exchanged = keyedExchange(calcId, keys, parallelism);
  artifact::Node n = makeNode(artifact::NodeKind::WindowAggregate, {exchanged}, schema);
  n.parallelism = parallelism;
  n.keys = keys;
  const size_t aggregateCount = calls.size();
  n.aggregates = std::move(calls);
  n.window = artifactWindow(tvf->window);
  n.window.timeColumn = timeColumn;
  n.window.localTime = isLocalTime(*tvf->inputs[0], timeField);
  n.windowProperties = properties;
  n.inputUpdates = retracting;
  const int aggregateId = add(std::move(n));

  // Back to the logical column order: keys (window ones included), then the calls.
  std::vector<Expression> reorder;
  int plainKey = 0;
  size_t windowKey = 0;
  const int plainKeys = static_cast<int>(keys.size());
  for (size_t k = 0; k < groupCount; ++k) {
    int column = 0;
    if (windowKey < windowKeys.size() && windowKeys[windowKey].first == k) {
      column = plainKeys + static_cast<int>(aggregateCount + windowKey);
      ++windowKey;
    } else {
      column = plainKey++;
    }
    reorder.push_back(Expression::columnRef(column, node.schema[k].type));
  }
  for (size_t a = 0; a < aggregateCount; ++a) {
    reorder.push_back(Expression::columnRef(plainKeys + static_cast<int>(a),
                                            node.schema[groupCount + a].type));
  }
  return calc(aggregateId, std::move(reorder), node.schema);
}

// A window aggregation over the output of another (Flink's WindowAttachedWindowingStrategy, as in
// Nexmark q5's `GROUP BY starttime, endtime` over a HOP count): each row already carries its
// window_start and window_end, which stay grouping keys. The window closes with the one it came
// from: the rows are aggregated in 1 ms slices over `window_end - 1 ms` (Flink's window_time),
// whose slice ends at window_end, so the aggregate fires at the same watermark that released
// its input and before that watermark moves on. The input is hashed by the other keys only.
int Planner::windowAttachedAggregate(const plan::LogicalNode& node,
                                     std::vector<artifact::AggregateCall> calls, bool retracting) {
  int startKey = -1;
  int endKey = -1;
  const plan::LogicalNode* origin = nullptr;
  for (size_t k = 0; k < node.groupKeys.size(); ++k) {
    std::string name;
    const plan::LogicalNode* from = windowFieldOrigin(*node.inputs[0], node.groupKeys[k], &name);
    if (from == nullptr) continue;
    if (name == "window_start") startKey = static_cast<int>(k);
    if (name == "window_end") {
      endKey = static_cast<int>(k);
      origin = from;
    }
  }
  if (startKey < 0 || endKey < 0) {
    unsupported("a window aggregation without both window_start and window_end among its keys");
  }
  if (!origin->window.eventTime) {
    unsupported("a window aggregation over a processing-time window aggregation's output");
  }
  if (isLocalTime(*origin->inputs[0], origin->window.timeField)) {
    unsupported("a window aggregation over the output of a TIMESTAMP_LTZ window aggregation");
  }
  const plan::LogicalNode& input = *node.inputs[0];
  const int lowered = lower(node.inputs[0]);
  std::vector<Expression> projections = identity(nodeById(lowered));
  std::vector<plan::Field> schema = input.schema;
  const int endColumn = node.groupKeys[static_cast<size_t>(endKey)];
  const DataType endType = input.schema[static_cast<size_t>(endColumn)].type;
  const int timeColumn = static_cast<int>(projections.size());
  projections.push_back(Expression::call(
      "-", {Expression::columnRef(endColumn, endType),
            Expression::constant("1", DataType::intervalDayTime().notNull())},
      endType));
  schema.push_back({"$window_time", endType});
  const int calcId = calc(lowered, std::move(projections), schema);

  std::vector<int> hashKeys;
  for (size_t k = 0; k < node.groupKeys.size(); ++k) {
    if (static_cast<int>(k) != startKey && static_cast<int>(k) != endKey) {
      hashKeys.push_back(node.groupKeys[k]);
    }
  }
  int parallelism = 1;
  const int exchanged = keyedExchange(calcId, hashKeys, parallelism);
  artifact::Node n = makeNode(artifact::NodeKind::WindowAggregate, {exchanged}, node.schema);
  n.parallelism = parallelism;
  n.keys = node.groupKeys;
  n.aggregates = std::move(calls);
  n.window.kind = artifact::WindowKind::Tumble;
  n.window.timeColumn = timeColumn;
  n.window.eventTime = true;
  n.window.sizeMicros = runtime::kWindowTimePrecisionMicros;
  n.inputUpdates = retracting;
  return add(std::move(n));
}

}  // namespace sluice::physical
