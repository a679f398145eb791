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
    case NodeKind::GroupAggregate: {
      std::string calls;
      for (const artifact::AggregateCall& call : node.aggregates) {
        if (!calls.empty()) calls += ", ";
        calls += call.function + "(" + (call.distinct ? "DISTINCT " : "");
        for (size_t i = 0; i < call.arguments.size(); ++i) {
          calls += (i > 0 ? ", $" : "$") + std::to_string(call.arguments[i]);
        }
        calls += ")";
      }
      std::string keys;
      for (int key : node.keys) keys += (keys.empty() ? "$" : ", $") + std::to_string(key);
      return fmt::format("GroupAggregate  groupBy [{}]  select [{}]{}", keys, calls,
                         node.inputUpdates ? "  (retracting input)" : "");
    }
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
    for (int id : pipeline.nodes) out += fmt::format("  #{} {}\n", id, describe(plan, plan.node(id)));
  }
  return out;
}

}  // namespace sluice::physical
