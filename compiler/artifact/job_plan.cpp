#include "compiler/artifact/job_plan.h"

#include <stdexcept>

namespace sluice::artifact {

Expression Expression::columnRef(int column, DataType type) {
  Expression e;
  e.kind = ExpressionKind::Column;
  e.column = column;
  e.type = std::move(type);
  return e;
}

Expression Expression::constant(std::optional<std::string> text, DataType type) {
  Expression e;
  e.kind = ExpressionKind::Literal;
  e.literal = std::move(text);
  e.type = std::move(type);
  return e;
}

Expression Expression::call(std::string function, std::vector<Expression> arguments,
                            DataType type) {
  Expression e;
  e.kind = ExpressionKind::Call;
  e.function = std::move(function);
  e.arguments = std::move(arguments);
  e.type = std::move(type);
  return e;
}

std::string Expression::digest() const {
  switch (kind) {
    case ExpressionKind::Column: return "$" + std::to_string(column);
    case ExpressionKind::Literal:
      if (!literal) return "null:" + type.toString();
      return type.isCharacterString() ? "'" + *literal + "'" : *literal + ":" + type.toString();
    case ExpressionKind::Cast:
      return function + "(" + arguments[0].digest() + " AS " + type.toString() + ")";
    case ExpressionKind::FieldAccess:
      return arguments[0].digest() + ".$" + std::to_string(column);
    case ExpressionKind::Call: {
      std::string out = function + "(";
      for (size_t i = 0; i < arguments.size(); ++i) {
        out += (i > 0 ? ", " : "") + arguments[i].digest();
      }
      return out + ")";
    }
  }
  return "?";
}

const char* nodeKindName(NodeKind kind) {
  switch (kind) {
    case NodeKind::Source: return "Source";
    case NodeKind::Values: return "Values";
    case NodeKind::Calc: return "Calc";
    case NodeKind::WatermarkAssigner: return "WatermarkAssigner";
    case NodeKind::Union: return "Union";
    case NodeKind::Sink: return "Sink";
    case NodeKind::Exchange: return "Exchange";
    case NodeKind::GroupAggregate: return "GroupAggregate";
    case NodeKind::WindowAggregate: return "WindowAggregate";
    case NodeKind::WindowTableFunction: return "WindowTableFunction";
    case NodeKind::Rank: return "Rank";
    case NodeKind::Deduplicate: return "Deduplicate";
    case NodeKind::OverAggregate: return "OverAggregate";
    case NodeKind::Expand: return "Expand";
    case NodeKind::ChangelogNormalize: return "ChangelogNormalize";
    case NodeKind::SinkUpsertMaterializer: return "SinkUpsertMaterializer";
    case NodeKind::Join: return "Join";
    case NodeKind::IntervalJoin: return "IntervalJoin";
    case NodeKind::WindowJoin: return "WindowJoin";
    case NodeKind::TemporalJoin: return "TemporalJoin";
    case NodeKind::LookupJoin: return "LookupJoin";
    case NodeKind::ReplicateRows: return "ReplicateRows";
    case NodeKind::Correlate: return "Correlate";
  }
  return "?";
}

bool isJoinKind(NodeKind kind) {
  return kind == NodeKind::Join || kind == NodeKind::IntervalJoin ||
         kind == NodeKind::WindowJoin || kind == NodeKind::TemporalJoin ||
         kind == NodeKind::LookupJoin || kind == NodeKind::Correlate;
}

const char* joinTypeName(JoinType type) {
  switch (type) {
    case JoinType::Inner: return "InnerJoin";
    case JoinType::Left: return "LeftOuterJoin";
    case JoinType::Right: return "RightOuterJoin";
    case JoinType::Full: return "FullOuterJoin";
    case JoinType::Semi: return "LeftSemiJoin";
    case JoinType::Anti: return "LeftAntiJoin";
  }
  return "?";
}

std::string Window::digest() const {
  auto duration = [](int64_t micros) {
    if (micros % 1'000'000 == 0) return std::to_string(micros / 1'000'000) + " s";
    if (micros % 1'000 == 0) return std::to_string(micros / 1'000) + " ms";
    return std::to_string(micros) + " us";
  };
  static const char* const kNames[] = {"TUMBLE", "HOP", "CUMULATE", "SESSION"};
  std::string text = std::string(kNames[static_cast<int>(kind)]) + "(" +
                     (eventTime ? "rowtime" : "proctime") + "=$" + std::to_string(timeColumn);
  switch (kind) {
    case WindowKind::Tumble: text += ", size=" + duration(sizeMicros); break;
    case WindowKind::Hop:
      text += ", size=" + duration(sizeMicros) + ", slide=" + duration(slideMicros);
      break;
    case WindowKind::Cumulate:
      text += ", max_size=" + duration(sizeMicros) + ", step=" + duration(slideMicros);
      break;
    case WindowKind::Session: text += ", gap=" + duration(gapMicros); break;
  }
  if (offsetMicros != 0) text += ", offset=" + duration(offsetMicros);
  if (localTime) text += ", local time";
  return text + ")";
}

const char* distributionName(Distribution distribution) {
  switch (distribution) {
    case Distribution::Forward: return "forward";
    case Distribution::Hash: return "hash";
    case Distribution::Rebalance: return "rebalance";
    case Distribution::Single: return "single";
    case Distribution::Broadcast: return "broadcast";
  }
  return "?";
}

const std::string& Node::option(const std::string& key) const {
  static const std::string kEmpty;
  auto it = options.find(key);
  return it == options.end() ? kEmpty : it->second;
}

std::string Node::tableShortName() const {
  const size_t dot = table.rfind('.');
  return dot == std::string::npos ? table : table.substr(dot + 1);
}

const Node& JobPlan::node(int id) const {
  for (const Node& n : nodes) {
    if (n.id == id) return n;
  }
  throw std::out_of_range("job plan has no node " + std::to_string(id));
}

std::vector<int> JobPlan::consumersOf(int id) const {
  std::vector<int> consumers;
  for (const Node& n : nodes) {
    for (int input : n.inputs) {
      if (input == id) consumers.push_back(n.id);
    }
  }
  return consumers;
}

std::string JobPlan::option(const std::string& key, const std::string& fallback) const {
  auto it = configuration.find(key);
  return it == configuration.end() ? fallback : it->second;
}

}  // namespace sluice::artifact
