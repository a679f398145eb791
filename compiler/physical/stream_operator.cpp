#include "compiler/physical/stream_operator.h"

#include <map>

#include "compiler/plan/plan_printer.h"

namespace sluice::physical {

namespace {

StreamOperator sortOperator(const plan::LogicalNode& node) {
  if (node.sortKeys.empty()) return StreamOperator::Limit;
  if (node.limit) return StreamOperator::SortLimit;
  const auto& first = node.sortKeys[0];
  const auto& type = node.inputs[0]->schema[static_cast<size_t>(first.field)].type;
  return type.isTimeAttribute() && !first.descending ? StreamOperator::TemporalSort
                                                     : StreamOperator::Sort;
}

StreamOperator joinOperator(const plan::LogicalNode& node) {
  switch (node.joinStrategy) {
    case plan::JoinStrategy::Regular: return StreamOperator::Join;
    case plan::JoinStrategy::Interval: return StreamOperator::IntervalJoin;
    case plan::JoinStrategy::EventTimeTemporal: return StreamOperator::TemporalJoin;
    case plan::JoinStrategy::Lookup: return StreamOperator::LookupJoin;
    case plan::JoinStrategy::Window: return StreamOperator::WindowJoin;
  }
  return StreamOperator::Join;
}

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i > 0 ? ", " : "") + parts[i];
  return out;
}

std::string fieldName(const std::vector<plan::Field>& schema, int field) {
  if (field < 0 || static_cast<size_t>(field) >= schema.size()) return "$" + std::to_string(field);
  return schema[static_cast<size_t>(field)].name;
}

// The names the projection above gives the node's outputs it passes on unchanged.
std::map<int, std::string> aliasesFrom(const plan::LogicalNode* consumer) {
  std::map<int, std::string> aliases;
  if (consumer == nullptr || consumer->kind != plan::NodeKind::Project) return aliases;
  for (size_t i = 0; i < consumer->expressions.size(); ++i) {
    const auto& e = consumer->expressions[i];
    if (e->kind == plan::ExpressionKind::InputRef)
      aliases.emplace(e->index, consumer->schema[i].name);
  }
  return aliases;
}

// GroupAggregate(groupBy=[channel], select=[channel, COUNT(DISTINCT bidder) AS cnt])
std::string describeAggregate(const plan::LogicalNode& node, const plan::LogicalNode* consumer) {
  const auto& input = node.inputs[0]->schema;
  const auto aliases = aliasesFrom(consumer);
  auto outputName = [&](size_t field) {
    auto it = aliases.find(static_cast<int>(field));
    return it != aliases.end() ? it->second : node.schema[field].name;
  };
  std::vector<std::string> keys, select;
  for (int key : node.groupKeys) keys.push_back(fieldName(input, key));
  for (size_t i = 0; i < node.groupKeys.size(); ++i) select.push_back(outputName(i));
  for (size_t j = 0; j < node.aggregates.size(); ++j) {
    const auto& call = node.aggregates[j];
    std::vector<std::string> arguments;
    for (int argument : call.arguments) arguments.push_back(fieldName(input, argument));
    std::string text = call.function + "(" + (call.distinct ? "DISTINCT " : "") +
                       (arguments.empty() && call.function == "COUNT" ? "*" : joined(arguments)) +
                       ")";
    if (call.filterArgument >= 0) text += " FILTER " + fieldName(input, call.filterArgument);
    select.push_back(text + " AS " + outputName(node.groupKeys.size() + j));
  }
  std::string out = streamOperatorName(streamOperatorOf(node));
  out += "(";
  if (!keys.empty()) out += "groupBy=[" + joined(keys) + "], ";
  return out + "select=[" + joined(select) + "])";
}

}  // namespace

StreamOperator streamOperatorOf(const plan::LogicalNode& node) {
  switch (node.kind) {
    case plan::NodeKind::TableScan: return StreamOperator::TableSourceScan;
    case plan::NodeKind::Values: return StreamOperator::Values;
    case plan::NodeKind::Project:
    case plan::NodeKind::Filter: return StreamOperator::Calc;
    case plan::NodeKind::WatermarkAssigner: return StreamOperator::WatermarkAssigner;
    case plan::NodeKind::WindowTableFunction: return StreamOperator::WindowTableFunction;
    case plan::NodeKind::Aggregate: return StreamOperator::GroupAggregate;
    case plan::NodeKind::WindowAggregate:
      return node.windowed ? StreamOperator::WindowAggregate : StreamOperator::GroupWindowAggregate;
    case plan::NodeKind::OverAggregate: return StreamOperator::OverAggregate;
    case plan::NodeKind::Rank:
      return node.windowed ? StreamOperator::WindowRank : StreamOperator::Rank;
    case plan::NodeKind::Deduplicate:
      return node.windowed ? StreamOperator::WindowDeduplicate : StreamOperator::Deduplicate;
    case plan::NodeKind::Join: return joinOperator(node);
    case plan::NodeKind::Correlate: return StreamOperator::Correlate;
    case plan::NodeKind::Union:
      return node.all ? StreamOperator::Union : StreamOperator::UnionDistinct;
    case plan::NodeKind::Intersect: return StreamOperator::Intersect;
    case plan::NodeKind::Except: return StreamOperator::Except;
    case plan::NodeKind::Sort: return sortOperator(node);
    case plan::NodeKind::MatchRecognize: return StreamOperator::Match;
    case plan::NodeKind::Sink: return StreamOperator::Sink;
  }
  return StreamOperator::Calc;
}

const char* streamOperatorName(StreamOperator op) {
  switch (op) {
    case StreamOperator::TableSourceScan: return "TableSourceScan";
    case StreamOperator::Values: return "Values";
    case StreamOperator::Calc: return "Calc";
    case StreamOperator::WatermarkAssigner: return "WatermarkAssigner";
    case StreamOperator::WindowTableFunction: return "WindowTableFunction";
    case StreamOperator::GroupAggregate: return "GroupAggregate";
    case StreamOperator::GroupWindowAggregate: return "GroupWindowAggregate";
    case StreamOperator::WindowAggregate: return "WindowAggregate";
    case StreamOperator::OverAggregate: return "OverAggregate";
    case StreamOperator::Rank: return "Rank";
    case StreamOperator::WindowRank: return "WindowRank";
    case StreamOperator::Deduplicate: return "Deduplicate";
    case StreamOperator::WindowDeduplicate: return "WindowDeduplicate";
    case StreamOperator::Join: return "Join";
    case StreamOperator::IntervalJoin: return "IntervalJoin";
    case StreamOperator::TemporalJoin: return "TemporalJoin";
    case StreamOperator::LookupJoin: return "LookupJoin";
    case StreamOperator::WindowJoin: return "WindowJoin";
    case StreamOperator::Correlate: return "Correlate";
    case StreamOperator::Union: return "Union";
    case StreamOperator::UnionDistinct: return "UnionDistinct";
    case StreamOperator::Intersect: return "Intersect";
    case StreamOperator::Except: return "Except";
    case StreamOperator::SortLimit: return "SortLimit";
    case StreamOperator::Limit: return "Limit";
    case StreamOperator::TemporalSort: return "TemporalSort";
    case StreamOperator::Sort: return "Sort";
    case StreamOperator::Match: return "Match";
    case StreamOperator::Sink: return "Sink";
  }
  return "?";
}

std::string describeStreamOperator(const plan::LogicalNode& node,
                                   const plan::LogicalNode* consumer) {
  if (node.kind == plan::NodeKind::Aggregate) return describeAggregate(node, consumer);
  // The logical node's attributes under the operator's name.
  std::string logical = plan::describeNode(node);
  return streamOperatorName(streamOperatorOf(node)) + logical.substr(logical.find('('));
}

}  // namespace sluice::physical
