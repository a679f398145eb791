// OVER aggregation (Flink's StreamExecOverAggregate): `agg(x) OVER (PARTITION BY .. ORDER BY
// time_attr ROWS|RANGE BETWEEN .. PRECEDING AND CURRENT ROW)`. Rows meet their partition's
// instance through a hash exchange on the partition columns (one instance without PARTITION BY);
// operands and partition keys that are expressions are computed by a Calc in front, and
// projected away again behind. Refuses, as Flink does, what its streaming operator cannot run
// (a UserError, not "cannot run .. yet"). Over updating input (Nexmark q6, which Flink 1.19
// refuses and newer Flink runs) the node is marked `inputUpdates` and ordered by the value of
// any TIMESTAMP column; its operator revises the results it sent (over_updating_input.cpp).
#include <set>

#include "compiler/diagnostics/diagnostics.h"
#include "compiler/physical/native_aggregate.h"
#include "compiler/physical/planner.h"

namespace sluice::physical {
namespace {

bool sameExpressions(const std::vector<plan::ExpressionRef>& a,
                     const std::vector<plan::ExpressionRef>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i]->digest() != b[i]->digest()) return false;
  }
  return true;
}

// Equal windows are one window group in Calcite, however they are spelled (`ROWS 2 PRECEDING`
// and `ROWS BETWEEN 2 PRECEDING AND CURRENT ROW`, a named window and its inline copy).
bool sameWindow(const plan::OverWindow& a, const plan::OverWindow& b) {
  if (!sameExpressions(a.partitionBy, b.partitionBy)) return false;
  if (a.orderBy.size() != b.orderBy.size()) return false;
  for (size_t i = 0; i < a.orderBy.size(); ++i) {
    if (a.orderBy[i].first->digest() != b.orderBy[i].first->digest() ||
        a.orderBy[i].second != b.orderBy[i].second) {
      return false;
    }
  }
  return a.rows == b.rows && a.start == b.start && a.end == b.end;
}

// Columns the Calc in front of the OverAggregate appends to its input row: one per distinct
// operand or partition expression that is not a plain input column.
class ComputedColumns {
 public:
  explicit ComputedColumns(int inputWidth) : inputWidth_(inputWidth) {}

  int column(const plan::ExpressionRef& e) {
    if (e->kind == plan::ExpressionKind::InputRef) return e->index;
    const std::string digest = e->digest();
    for (size_t i = 0; i < expressions_.size(); ++i) {
      if (expressions_[i]->digest() == digest) return inputWidth_ + static_cast<int>(i);
    }
    expressions_.push_back(e);
    return inputWidth_ + static_cast<int>(expressions_.size() - 1);
  }
  const std::vector<plan::ExpressionRef>& expressions() const { return expressions_; }

 private:
  int inputWidth_;
  std::vector<plan::ExpressionRef> expressions_;
};

}  // namespace

int Planner::overAggregate(const plan::LogicalNode& node) {
  const plan::OverWindow& window = *node.expressions.at(0)->over;
  for (const plan::ExpressionRef& call : node.expressions) {
    if (!sameWindow(*call->over, window)) {
      throw UserError(location_,
                      "the OVER aggregates of one SELECT use different windows, as "
                      "Flink refuses too: all aggregates must be computed on the "
                      "same window");
    }
  }
  // Over updating input (Nexmark q6: an OVER over a Top-1) the operator keeps every current row
  // and revises the results of the rows whose frame a change touches (over_updating_input.cpp).
  const bool updating = inputUpdates(node);
  const std::vector<plan::Field>& inputSchema = node.inputs[0]->schema;
  if (window.orderBy.size() != 1) {
    throw UserError(location_,
                    "the window can only be ordered by a single time column (OVER "
                    "on a stream needs ORDER BY a time attribute)");
  }
  const auto& [order, descending] = window.orderBy[0];
  if (descending) {
    throw UserError(location_, "the window can only be ordered in ASCENDING mode");
  }
  // Over updating input a join or a Top-N before has made the time a plain TIMESTAMP (as in
  // Flink): the operator there orders rows by the value, whatever the watermark says.
  const auto orderedByTime = [&](const DataType& type) {
    return type.isTimeAttribute() || (updating && type.isTimestamp());
  };
  if (order->kind != plan::ExpressionKind::InputRef ||
      !orderedByTime(inputSchema[static_cast<size_t>(order->index)].type)) {
    throw UserError(location_,
                    "OVER windows' ordering in stream mode must be defined on a time "
                    "attribute, not " +
                        order->digest());
  }
  // Over updating input any ORDER BY TIMESTAMP column but PROCTIME() is read by its value.
  const bool eventTime = updating
                             ? !inputSchema[static_cast<size_t>(order->index)].type.isProctime()
                             : inputSchema[static_cast<size_t>(order->index)].type.isRowtime();

  // The frame: from UNBOUNDED or n PRECEDING to CURRENT ROW.
  const char* const kFrames =
      "OVER frames on a stream must run from UNBOUNDED or n PRECEDING "
      "to CURRENT ROW";
  if (window.end.kind != plan::FrameBoundKind::CurrentRow) throw UserError(location_, kFrames);
  int64_t precedingBound = -1;
  if (window.start.kind == plan::FrameBoundKind::Preceding) {
    const plan::FrameBound& start = window.start;
    if (!start.offset || *start.offset < 0) {
      unsupported(
          "an OVER frame offset that is not a non-negative integer or day-time INTERVAL "
          "literal");
    }
    if (window.rows && start.interval) {
      throw UserError(location_, "a ROWS frame counts rows: its offset cannot be an INTERVAL");
    }
    if (!window.rows && !start.interval) {
      throw UserError(location_,
                      "a RANGE frame ordered by a time attribute needs an INTERVAL "
                      "offset");
    }
    // ROWS: the rows before the current one; RANGE: milliseconds, as microseconds.
    precedingBound = window.rows ? *start.offset : *start.offset * 1000;
  } else if (window.start.kind != plan::FrameBoundKind::UnboundedPreceding) {
    throw UserError(location_, kFrames);
  }
  const bool unbounded = precedingBound < 0;
  if (updating && !eventTime && !unbounded && !window.rows) {
    unsupported(
        "a RANGE INTERVAL frame ordered by processing time over updating input (rows have no "
        "time to find their peers by once they are retracted)");
  }
  // Rows leave a bounded frame, and over updating input any frame.
  const bool retracts = !unbounded || updating;

  // The aggregate calls, over input columns or columns the Calc in front computes.
  static const std::set<std::string> kSupported = {
      "COUNT",    "SUM",     "SUM0",  "$SUM0", "AVG",         "MIN",       "MAX",
      "BOOL_AND", "BOOL_OR", "EVERY", "SOME",  "FIRST_VALUE", "LAST_VALUE"};
  ComputedColumns computed(static_cast<int>(inputSchema.size()));
  std::vector<artifact::AggregateCall> calls;
  for (size_t i = 0; i < node.expressions.size(); ++i) {
    const plan::BoundExpression& call = *node.expressions[i];
    if (isNativeAggregate(call.function)) {
      std::vector<DataType> argumentTypes;
      artifact::AggregateCall lowered;
      for (const plan::ExpressionRef& operand : call.operands) {
        argumentTypes.push_back(operand->type);
        lowered.arguments.push_back(computed.column(operand));
      }
      // The rows leaving a bounded frame, or retracted by the input, are retracted.
      NativeAggregateNeeds needs{retracts, false,
                                 updating ? "an OVER frame over updating input"
                                          : "a bounded OVER frame"};
      lowerNativeAggregate(*call.function, call.name, argumentTypes, call.distinct, needs,
                           location_, lowered);
      lowered.function = call.name;
      lowered.type = node.schema[inputSchema.size() + i].type;
      calls.push_back(std::move(lowered));
      continue;
    }
    if (!kSupported.count(call.name)) unsupported(call.name + " OVER (..)");
    if (call.operands.size() > 1) unsupported(call.name + " of several arguments");
    if (call.distinct && call.name != "COUNT" && call.name != "SUM" && call.name != "MIN" &&
        call.name != "MAX") {
      unsupported(call.name + "(DISTINCT ..) OVER (..)");
    }
    // Their accumulators cannot retract the rows that leave a bounded frame.
    if (retracts && (call.name == "FIRST_VALUE" || call.name == "LAST_VALUE")) {
      unsupported(call.name + (updating ? " OVER (..) over updating input"
                                        : " over a bounded OVER frame"));
    }
    artifact::AggregateCall lowered;
    lowered.function = call.name == "$SUM0" ? "SUM0" : call.name;
    for (const plan::ExpressionRef& operand : call.operands) {
      lowered.arguments.push_back(computed.column(operand));
    }
    lowered.distinct = call.distinct;
    lowered.type = node.schema[inputSchema.size() + i].type;
    calls.push_back(std::move(lowered));
  }
  std::vector<int> partition;
  for (const plan::ExpressionRef& key : window.partitionBy) {
    partition.push_back(computed.column(key));
  }

  int input = lower(node.inputs[0]);
  std::vector<plan::Field> widened = inputSchema;
  if (!computed.expressions().empty()) {
    std::vector<artifact::Expression> projections = identity(nodeById(input));
    for (size_t i = 0; i < computed.expressions().size(); ++i) {
      const plan::ExpressionRef& e = computed.expressions()[i];
      projections.push_back(lowerOrRefuse(*e));
      widened.push_back({"$over" + std::to_string(i), e->type});
    }
    input = calc(input, std::move(projections), widened);
  }

  int parallelism = 1;
  const int exchanged = keyedExchange(input, partition, parallelism);
  std::vector<plan::Field> schema = widened;
  schema.insert(schema.end(), node.schema.begin() + static_cast<std::ptrdiff_t>(inputSchema.size()),
                node.schema.end());
  artifact::Node n = makeNode(artifact::NodeKind::OverAggregate, {exchanged}, schema);
  n.parallelism = parallelism;
  n.keys = partition;
  n.sortKeys = {artifact::SortKey{order->index, false, false}};
  n.eventTime = eventTime;
  n.rowsFrame = window.rows;
  n.precedingBound = precedingBound;
  n.aggregates = std::move(calls);
  n.inputUpdates = updating;
  // Flink's retention applies to the processing-time UNBOUNDED and ROWS functions; the RANGE
  // one clears an idle partition by its own timer.
  if (!eventTime && (precedingBound < 0 || window.rows)) n.stateTtlMillis = stateTtl(node);
  const int over = add(std::move(n));
  if (computed.expressions().empty()) return over;

  // Drops the computed columns again: the logical node's output is its input, then the calls.
  std::vector<artifact::Expression> projections;
  const artifact::Node& overNode = nodeById(over);
  for (size_t i = 0; i < overNode.schema.size(); ++i) {
    if (i >= inputSchema.size() && i < widened.size()) continue;
    projections.push_back(
        artifact::Expression::columnRef(static_cast<int>(i), overNode.schema[i].type));
  }
  return calc(over, std::move(projections), node.schema);
}

}  // namespace sluice::physical
