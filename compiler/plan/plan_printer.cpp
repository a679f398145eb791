#include "compiler/plan/plan_printer.h"

#include <fmt/format.h>

#include "compiler/catalog/catalog.h"

namespace sluice::plan {

namespace {

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i > 0 ? ", " : "") + parts[i];
  return out;
}

std::string fieldNames(const std::vector<Field>& schema, const std::vector<int>& indexes) {
  std::vector<std::string> names;
  for (int i : indexes) {
    names.push_back(i >= 0 && static_cast<size_t>(i) < schema.size() ? schema[static_cast<size_t>(i)].name
                                                                     : "$" + std::to_string(i));
  }
  return joined(names);
}

const char* joinKindName(JoinKind kind) {
  switch (kind) {
    case JoinKind::Inner: return "InnerJoin";
    case JoinKind::Left: return "LeftOuterJoin";
    case JoinKind::Right: return "RightOuterJoin";
    case JoinKind::Full: return "FullOuterJoin";
    case JoinKind::Semi: return "LeftSemiJoin";
    case JoinKind::Anti: return "LeftAntiJoin";
  }
  return "?";
}

const char* joinNodeName(JoinStrategy strategy) {
  switch (strategy) {
    case JoinStrategy::Regular: return "Join";
    case JoinStrategy::Interval: return "IntervalJoin";
    case JoinStrategy::EventTimeTemporal: return "TemporalJoin";
    case JoinStrategy::Lookup: return "LookupJoin";
    case JoinStrategy::Window: return "WindowJoin";
  }
  return "Join";
}

std::string sortText(const std::vector<SortKey>& keys, const std::vector<Field>& schema) {
  std::vector<std::string> parts;
  for (const auto& key : keys) {
    parts.push_back(fieldNames(schema, {key.field}) + (key.descending ? " DESC" : " ASC"));
  }
  return joined(parts);
}

std::string aggregatesText(const LogicalNode& node) {
  std::vector<std::string> parts;
  for (const auto& call : node.aggregates) parts.push_back(call.digest() + " AS " + call.name);
  return joined(parts);
}

}  // namespace

std::string describeSchema(const std::vector<Field>& schema) {
  std::vector<std::string> parts;
  for (const auto& field : schema) parts.push_back(field.name + " " + field.type.toString());
  return "(" + joined(parts) + ")";
}

std::string describeNode(const LogicalNode& node) {
  const std::vector<Field> noFields;
  const auto& input = node.inputs.empty() ? noFields : node.inputs[0]->schema;
  std::vector<std::string> attributes;
  std::string name = nodeKindName(node.kind);
  switch (node.kind) {
    case NodeKind::TableScan: {
      attributes.push_back("table=[" + node.tableName + "]");
      std::vector<std::string> names;
      for (const auto& f : node.schema) names.push_back(f.name);
      attributes.push_back("fields=[" + joined(names) + "]");
      for (const auto& [k, v] : node.hints) attributes.push_back("hint=[" + k + "=" + v + "]");
      break;
    }
    case NodeKind::Values: {
      size_t width = node.schema.empty() ? 1 : node.schema.size();
      std::vector<std::string> rows;
      for (size_t r = 0; r * width < node.expressions.size(); ++r) {
        std::vector<std::string> cells;
        for (size_t c = 0; c < width && r * width + c < node.expressions.size(); ++c) {
          cells.push_back(node.expressions[r * width + c]->digest());
        }
        rows.push_back("{ " + joined(cells) + " }");
      }
      attributes.push_back("tuples=[[" + joined(rows) + "]]");
      break;
    }
    case NodeKind::Project:
      for (size_t i = 0; i < node.expressions.size(); ++i) {
        attributes.push_back(node.schema[i].name + "=[" + node.expressions[i]->digest() + "]");
      }
      for (const auto& [k, v] : node.hints) attributes.push_back("hint=[" + k + "=" + v + "]");
      break;
    case NodeKind::Filter:
      attributes.push_back("condition=[" + node.condition->digest() + "]");
      break;
    case NodeKind::WatermarkAssigner:
      attributes.push_back("rowtime=[" + fieldNames(node.schema, {node.rowtimeField}) + "]");
      attributes.push_back("watermark=[" + node.expressions[0]->digest() + "]");
      break;
    case NodeKind::Aggregate:
    case NodeKind::WindowAggregate: {
      attributes.push_back("groupBy=[" + fieldNames(input, node.groupKeys) + "]");
      if (!node.groupingSets.empty()) {
        std::vector<std::string> sets;
        for (const auto& set : node.groupingSets) sets.push_back("{" + fieldNames(input, set) + "}");
        attributes.push_back("groupingSets=[" + joined(sets) + "]");
      }
      if (node.kind == NodeKind::WindowAggregate) {
        attributes.push_back("window=[" + (node.description.empty() ? node.window.digest(input)
                                                                    : node.description) + "]");
        if (!node.windowProperties.empty()) {
          static const char* kNames[] = {"start", "end", "rowtime", "proctime"};
          std::vector<std::string> properties;
          for (auto p : node.windowProperties) properties.push_back(kNames[static_cast<int>(p)]);
          attributes.push_back("properties=[" + joined(properties) + "]");
        }
      }
      attributes.push_back("select=[" + aggregatesText(node) + "]");
      for (const auto& [k, v] : node.hints) attributes.push_back("hint=[" + k + "=" + v + "]");
      break;
    }
    case NodeKind::WindowTableFunction:
      attributes.push_back("window=[" + node.description + "]");
      break;
    case NodeKind::OverAggregate: {
      std::vector<std::string> calls;
      for (const auto& e : node.expressions) calls.push_back(e->digest());
      attributes.push_back("over=[" + joined(calls) + "]");
      break;
    }
    case NodeKind::Rank:
      attributes.push_back("rankType=[" + node.rankFunction + "]");
      attributes.push_back(fmt::format("rankRange=[rankStart={}, rankEnd={}]", node.rankStart, node.rankEnd));
      attributes.push_back("partitionBy=[" + fieldNames(input, node.groupKeys) + "]");
      attributes.push_back("orderBy=[" + sortText(node.sortKeys, input) + "]");
      attributes.push_back(std::string("outputRankNumber=[") + (node.outputRankNumber ? "true" : "false") + "]");
      if (node.windowed) attributes.push_back("windowed=[true]");
      break;
    case NodeKind::Deduplicate:
      attributes.push_back(std::string("keep=[") + (node.keepLastRow ? "LastRow" : "FirstRow") + "]");
      attributes.push_back("key=[" + fieldNames(input, node.groupKeys) + "]");
      attributes.push_back("order=[" + sortText(node.sortKeys, input) + "]");
      if (node.windowed) attributes.push_back("windowed=[true]");
      break;
    case NodeKind::Join:
      name = joinNodeName(node.joinStrategy);
      attributes.push_back(std::string("joinType=[") + joinKindName(node.joinKind) + "]");
      attributes.push_back("where=[" + node.condition->digest() + "]");
      if (node.joinStrategy == JoinStrategy::Lookup && node.table) {
        attributes.push_back("table=[" + node.table->qualifiedName() + "]");
      }
      break;
    case NodeKind::Correlate:
      attributes.push_back("invocation=[" + node.expressions[0]->digest() + "]");
      attributes.push_back(std::string("joinType=[") + joinKindName(node.joinKind) + "]");
      if (node.condition) attributes.push_back("condition=[" + node.condition->digest() + "]");
      break;
    case NodeKind::Union:
    case NodeKind::Intersect:
    case NodeKind::Except:
      attributes.push_back(std::string("all=[") + (node.all ? "true" : "false") + "]");
      break;
    case NodeKind::Sort:
      if (!node.sortKeys.empty()) attributes.push_back("orderBy=[" + sortText(node.sortKeys, node.schema) + "]");
      if (node.limit) attributes.push_back(fmt::format("fetch=[{}]", *node.limit));
      if (node.offset != 0) attributes.push_back(fmt::format("offset=[{}]", node.offset));
      break;
    case NodeKind::MatchRecognize:
      attributes.push_back("partitionBy=[" + fieldNames(input, node.groupKeys) + "]");
      attributes.push_back("orderBy=[" + sortText(node.sortKeys, input) + "]");
      attributes.push_back(node.description);
      {
        std::vector<std::string> measures;
        for (const auto& m : node.aggregates) measures.push_back(m.function + " AS " + m.name);
        attributes.push_back("measures=[" + joined(measures) + "]");
      }
      break;
    case NodeKind::Sink: {
      attributes.push_back("table=[" + node.tableName + "]");
      std::vector<std::string> names;
      for (const auto& f : node.schema) names.push_back(f.name);
      attributes.push_back("fields=[" + joined(names) + "]");
      if (node.overwrite) attributes.push_back("overwrite=[true]");
      break;
    }
  }
  return name + "(" + joined(attributes) + ")";
}

static void print(const NodeRef& node, const std::string& prefix, bool last, bool root,
                  std::string& out) {
  out += prefix;
  if (!root) out += "+- ";
  out += describeNode(*node) + "\n";
  std::string childPrefix = root ? "" : prefix + (last ? "   " : ":  ");
  out += childPrefix + (node->inputs.empty() ? "   " : ":  ") + "schema: " + describeSchema(node->schema) + "\n";
  for (size_t i = 0; i < node->inputs.size(); ++i) {
    print(node->inputs[i], childPrefix, i + 1 == node->inputs.size(), false, out);
  }
}

std::string printPlan(const NodeRef& root) {
  std::string out;
  print(root, "", true, true, out);
  return out;
}

}  // namespace sluice::plan
