#include "compiler/physical/pipeline_printer.h"

#include <fmt/format.h>

namespace sluice::physical {
namespace {

using artifact::Node;
using artifact::NodeKind;

std::string joined(const std::vector<artifact::Expression>& expressions) {
  std::string out;
  for (size_t i = 0; i < expressions.size(); ++i) {
    if (i > 0) out += ", ";
    out += expressions[i].digest();
  }
  return out;
}

std::string columns(const std::vector<int>& indexes) {
  std::string out;
  for (int i : indexes) out += (out.empty() ? "$" : ", $") + std::to_string(i);
  return out;
}

// A join of any kind: its type, keys and residual condition.
std::string joinLine(const Node& node) {
  std::string out = fmt::format("{} {}  left key [{}], right key [{}]",
                                artifact::nodeKindName(node.kind),
                                artifact::joinTypeName(node.joinType), columns(node.keys),
                                columns(node.rightKeys));
  if (node.condition) out += fmt::format(", where {}", node.condition->digest());
  if (node.kind == NodeKind::IntervalJoin) {
    out += fmt::format(", {} ${} - ${} in [{} us, {} us]",
                       node.eventTime ? "rowtime" : "proctime", node.leftTimeColumn,
                       node.rightTimeColumn, node.lowerBoundMicros, node.upperBoundMicros);
  }
  if (node.kind == NodeKind::WindowJoin) {
    out += fmt::format(", window end ${} / ${}", node.windowEndColumn, node.rightWindowEndColumn);
  }
  if (node.kind == NodeKind::TemporalJoin) {
    out += fmt::format(", as of left ${}, version time right ${}", node.probeTimeColumn,
                       node.versionTimeColumn);
  }
  if (node.kind == NodeKind::LookupJoin) {
    for (size_t i = 0; i < node.lookupConstantKeys.size(); ++i) {
      out += fmt::format(", right ${} = {}", node.lookupConstantKeys[i],
                         node.lookupConstants[i].digest());
    }
    out += fmt::format(", table {} [{}]", node.tableShortName(), node.connector);
  }
  return out;
}

std::string calls(const Node& node) {
  std::string out;
  for (const artifact::AggregateCall& call : node.aggregates) {
    if (!out.empty()) out += ", ";
    out += call.function + "(" + (call.distinct ? "DISTINCT " : "") + columns(call.arguments);
    if (call.separator) out += ", '" + *call.separator + "'";
    out += ")";
    if (call.filterColumn >= 0) out += " FILTER $" + std::to_string(call.filterColumn);
  }
  return out;
}

// Flink's names for the two phases of a split GROUP BY (the Global's calls name the Local's
// input columns, as Flink's explain does).
const char* phasePrefix(const Node& node) {
  switch (node.aggregatePhase) {
    case artifact::AggregatePhase::Local: return "Local";
    case artifact::AggregatePhase::Global: return "Global";
    case artifact::AggregatePhase::Single: break;
  }
  return "";
}

// Flink's partialFinalType of the halves of a split distinct aggregation.
std::string partialFinal(const Node& node) {
  switch (node.partialFinal) {
    case artifact::PartialFinal::Partial: return "  partialFinalType=[PARTIAL]";
    case artifact::PartialFinal::Final: return "  partialFinalType=[FINAL]";
    case artifact::PartialFinal::None: break;
  }
  return "";
}

std::string sortKeys(const Node& node) {
  std::string out;
  for (const artifact::SortKey& key : node.sortKeys) {
    if (!out.empty()) out += ", ";
    out += "$" + std::to_string(key.column) + (key.descending ? " DESC" : "");
  }
  return out;
}

// An OVER frame's start: UNBOUNDED, a count of rows, or a RANGE's microseconds as a duration.
std::string overBound(const Node& node) {
  const int64_t bound = node.precedingBound;
  if (bound < 0) return "UNBOUNDED";
  if (node.rowsFrame) return std::to_string(bound);
  if (bound % 1'000'000 == 0) return fmt::format("INTERVAL {} s", bound / 1'000'000);
  return fmt::format("INTERVAL {} ms", bound / 1'000);
}

std::string properties(const Node& node) {
  static const char* const kNames[] = {"window_start", "window_end", "window_time", "proctime"};
  std::string out;
  for (artifact::WindowProperty p : node.windowProperties) {
    out += (out.empty() ? "  properties [" : ", ") + std::string(kNames[static_cast<int>(p)]);
  }
  return out.empty() ? out : out + "]";
}

std::string distribution(const Node& exchange) {
  std::string out = artifact::distributionName(exchange.distribution);
  if (!exchange.keys.empty()) {
    out += "[";
    for (size_t i = 0; i < exchange.keys.size(); ++i) {
      if (i > 0) out += ", ";
      out += exchange.schema[exchange.keys[i]].name;
    }
    out += "]";
  }
  return out;
}

// The state TTL in the largest unit that divides it: "1 h", "90 s", "250 ms".
std::string stateTtl(const Node& node) {
  const int64_t ttl = node.stateTtlMillis;
  if (ttl <= 0) return "";
  static const std::pair<int64_t, const char*> kUnits[] = {
      {86'400'000, "d"}, {3'600'000, "h"}, {60'000, "min"}, {1'000, "s"}, {1, "ms"}};
  for (const auto& [scale, unit] : kUnits) {
    if (ttl % scale == 0) return fmt::format("  stateTtl=[{} {}]", ttl / scale, unit);
  }
  return "";
}

int consumerPipeline(const artifact::JobPlan& plan, int exchange) {
  for (const artifact::Pipeline& pipeline : plan.pipelines) {
    for (int input : pipeline.inputs) {
      if (input == exchange) return pipeline.id;
    }
  }
  return 0;
}

std::string describe(const artifact::JobPlan& plan, const Node& node) {
  switch (node.kind) {
    case NodeKind::Source: {
      std::string out = fmt::format("Source: {} [{}]", node.table, node.connector);
      if (node.watermark) out += "  watermark=" + node.watermark->digest();
      return out;
    }
    case NodeKind::Values: return fmt::format("Values: {} rows", node.rows.size());
    case NodeKind::Calc: {
      std::string out = "Calc";
      if (node.condition) out += "  where " + node.condition->digest();
      return out + "  select [" + joined(node.projections) + "]";
    }
    case NodeKind::WatermarkAssigner:
      return fmt::format("WatermarkAssigner  rowtime=${}  watermark={}", node.rowtimeColumn,
                         node.watermark ? node.watermark->digest() : "");
    case NodeKind::Union: return "Union";
    case NodeKind::Sink:
      return node.table.empty() ? "Sink: client" : fmt::format("Sink: {} [{}]", node.table, node.connector);
    case NodeKind::GroupAggregate:
      return fmt::format("{}GroupAggregate  groupBy [{}]  select [{}]{}{}", phasePrefix(node),
                         columns(node.keys), calls(node), partialFinal(node),
                         node.inputUpdates ? "  (retracting input)" : "");
    case NodeKind::WindowAggregate:
      return fmt::format("WindowAggregate  {}  groupBy [{}]  select [{}]{}", node.window.digest(),
                         columns(node.keys), calls(node), properties(node));
    case NodeKind::WindowTableFunction:
      return fmt::format("WindowTableFunction  {}", node.window.digest());
    case NodeKind::Rank:
      return fmt::format("Rank  {}  partitionBy [{}]  orderBy [{}]  rank {}..{}{}{}",
                         node.rankFunction, columns(node.keys), sortKeys(node), node.rankStart,
                         node.rankEnd, node.outputRankNumber ? "  with rank number" : "",
                         node.windowEndColumn >= 0 ? "  per window" : "");
    case NodeKind::Deduplicate:
      return fmt::format("Deduplicate  keep {} row  key [{}]  order [{}]{}",
                         node.keepLastRow ? "last" : "first", columns(node.keys), sortKeys(node),
                         node.windowEndColumn >= 0 ? "  per window" : "");
    case NodeKind::OverAggregate:
      return fmt::format(
          "OverAggregate  partitionBy [{}]  orderBy [{} ({})]  {} {} PRECEDING  select [{}]{}",
          columns(node.keys), sortKeys(node),
          !node.eventTime ? "proctime" : node.inputUpdates ? "value" : "rowtime",
          node.rowsFrame ? "ROWS" : "RANGE", overBound(node), calls(node),
          node.inputUpdates ? "  (retracting input)" : "");
    case NodeKind::Expand: {
      std::string out = "Expand  projects [";
      for (size_t i = 0; i < node.rows.size(); ++i) out += (i > 0 ? "}, {" : "{") + joined(node.rows[i]);
      return out + "}]";
    }
    case NodeKind::ChangelogNormalize:
      return fmt::format("ChangelogNormalize  key [{}]", columns(node.keys));
    case NodeKind::SinkUpsertMaterializer:
      return fmt::format("SinkUpsertMaterializer  key [{}]", columns(node.keys));
    case NodeKind::Join: return joinLine(node);
    case NodeKind::IntervalJoin: return joinLine(node);
    case NodeKind::WindowJoin: return joinLine(node);
    case NodeKind::TemporalJoin: return joinLine(node);
    case NodeKind::LookupJoin: return joinLine(node);
    case NodeKind::Correlate: {
      std::string out = fmt::format("Correlate {}  {}({})", artifact::joinTypeName(node.joinType),
                                    node.tableFunction, joined(node.projections));
      if (node.condition) out += "  on " + node.condition->digest();
      return out;
    }
    case NodeKind::ReplicateRows:
      return fmt::format("ReplicateRows  times [${}]", node.schema.size());
    case NodeKind::Exchange:
      return fmt::format("Exchange {} -> pipeline {} (parallelism {})", distribution(node),
                         consumerPipeline(plan, node.id), node.parallelism);
  }
  return "?";
}

}  // namespace

std::string formatPipelines(const artifact::JobPlan& plan) {
  std::string out;
  for (const artifact::Pipeline& pipeline : plan.pipelines) {
    out += fmt::format("Pipeline {} (parallelism {}", pipeline.id, pipeline.parallelism);
    if (!pipeline.inputs.empty()) {
      out += ", reads";
      for (size_t i = 0; i < pipeline.inputs.size(); ++i) {
        out += fmt::format("{} #{} {}", i > 0 ? "," : "", pipeline.inputs[i],
                           distribution(plan.node(pipeline.inputs[i])));
      }
    }
    out += ")\n";
    int previous = 0;
    for (int id : pipeline.nodes) {
      const Node& node = plan.node(id);
      // In a fan-out (plan_reuse.h) a node may read one printed further up.
      const bool readsAbove = previous != 0 && !node.inputs.empty() && node.inputs[0] != previous;
      out += fmt::format("  #{} {}{}{}\n", id, describe(plan, node), stateTtl(node),
                         readsAbove ? fmt::format("  (reads #{})", node.inputs[0]) : "");
      previous = id;
    }
  }
  return out;
}

}  // namespace sluice::physical
