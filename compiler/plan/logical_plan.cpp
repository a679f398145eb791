#include "compiler/plan/logical_plan.h"

#include <fmt/format.h>

namespace sluice::plan {

const char* nodeKindName(NodeKind kind) {
  switch (kind) {
    case NodeKind::TableScan: return "TableScan";
    case NodeKind::Values: return "Values";
    case NodeKind::Project: return "Project";
    case NodeKind::Filter: return "Filter";
    case NodeKind::WatermarkAssigner: return "WatermarkAssigner";
    case NodeKind::Aggregate: return "Aggregate";
    case NodeKind::WindowTableFunction: return "WindowTableFunction";
    case NodeKind::WindowAggregate: return "WindowAggregate";
    case NodeKind::OverAggregate: return "OverAggregate";
    case NodeKind::Rank: return "Rank";
    case NodeKind::Deduplicate: return "Deduplicate";
    case NodeKind::Join: return "Join";
    case NodeKind::Correlate: return "Correlate";
    case NodeKind::Union: return "Union";
    case NodeKind::Intersect: return "Intersect";
    case NodeKind::Except: return "Except";
    case NodeKind::Sort: return "Sort";
    case NodeKind::MatchRecognize: return "MatchRecognize";
    case NodeKind::Sink: return "Sink";
  }
  return "?";
}

std::string AggregateCall::digest() const {
  std::string out = function + "(";
  if (distinct) out += "DISTINCT ";
  if (arguments.empty() && (function == "COUNT")) out += "*";
  for (size_t i = 0; i < arguments.size(); ++i) {
    out += (i > 0 ? ", $" : "$") + std::to_string(arguments[i]);
  }
  out += ")";
  if (filterArgument >= 0) out += " FILTER $" + std::to_string(filterArgument);
  return out;
}

static std::string duration(int64_t millis) {
  if (millis % 86400000 == 0) return fmt::format("{} d", millis / 86400000);
  if (millis % 3600000 == 0) return fmt::format("{} h", millis / 3600000);
  if (millis % 60000 == 0) return fmt::format("{} min", millis / 60000);
  if (millis % 1000 == 0) return fmt::format("{} s", millis / 1000);
  return fmt::format("{} ms", millis);
}

std::string WindowSpec::digest(const std::vector<Field>& input) const {
  std::string time = timeField >= 0 && static_cast<size_t>(timeField) < input.size()
                         ? input[static_cast<size_t>(timeField)].name
                         : "$" + std::to_string(timeField);
  std::string offset = offsetMillis != 0 ? ", offset=" + duration(offsetMillis) : "";
  switch (kind) {
    case WindowKind::Tumble:
      return fmt::format("TUMBLE(time_col=[{}], size=[{}]{})", time, duration(sizeMillis), offset);
    case WindowKind::Hop:
      return fmt::format("HOP(time_col=[{}], size=[{}], slide=[{}]{})", time,
                         duration(sizeMillis), duration(slideMillis), offset);
    case WindowKind::Cumulate:
      return fmt::format("CUMULATE(time_col=[{}], max_size=[{}], step=[{}]{})", time,
                         duration(sizeMillis), duration(slideMillis), offset);
    case WindowKind::Session: {
      std::string partition;
      for (int key : partitionKeys) {
        partition += (partition.empty() ? "" : ", ") + input[static_cast<size_t>(key)].name;
      }
      return fmt::format("SESSION(time_col=[{}], gap=[{}]{})", time, duration(gapMillis),
                         partition.empty() ? "" : ", partition_keys=[" + partition + "]");
    }
  }
  return "?";
}

std::shared_ptr<LogicalNode> NodeFactory::make(NodeKind kind) {
  auto node = std::make_shared<LogicalNode>();
  node->kind = kind;
  node->id = nextId_++;
  return node;
}

}  // namespace sluice::plan
