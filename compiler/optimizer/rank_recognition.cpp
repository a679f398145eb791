// Flink's TopN and deduplication patterns:
//   SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY k ORDER BY v DESC) AS rn FROM t)
//   WHERE rn <= 3
// is a Rank node (TopN); with ROW_NUMBER, rn = 1 and ORDER BY a time attribute, a Deduplicate
// node (keep first row when ascending, last row when descending).
//
// As Flink, the Rank outputs its rank number only when a consumer reads it and it is not fixed:
// ROW_NUMBER with a single rank (rn = 3) reads as that constant (RankNumberColumnRemoveRule),
// which also makes `rn = 1` ordered by a time attribute a deduplication. Without the rank
// number a TopN sends +I/-D instead of renumbering the rows below a change.
#include <cstdlib>
#include <optional>

#include "compiler/binder/window_source.h"
#include "compiler/optimizer/field_usage.h"
#include "compiler/optimizer/optimizer.h"
#include "compiler/optimizer/passes.h"

namespace sluice {

namespace {

std::optional<int64_t> integerLiteral(const plan::ExpressionRef& e) {
  const plan::BoundExpression* current = e.get();
  while (current->kind == plan::ExpressionKind::Cast) current = current->operands[0].get();
  if (current->kind != plan::ExpressionKind::Literal || !current->type.isExactNumeric()) return std::nullopt;
  return std::strtoll(current->name.c_str(), nullptr, 10);
}

struct RankRange {
  int64_t start = 1;
  int64_t end = INT64_MAX;
};

// Narrows `range` if `conjunct` bounds field `rankField`; returns whether it did.
bool narrow(const plan::ExpressionRef& conjunct, int rankField, RankRange& range) {
  if (conjunct->kind != plan::ExpressionKind::Call) return false;
  const std::string& op = conjunct->name;
  const auto& operands = conjunct->operands;
  auto isRank = [&](const plan::ExpressionRef& e) {
    const plan::BoundExpression* current = e.get();
    while (current->kind == plan::ExpressionKind::Cast) current = current->operands[0].get();
    return current->kind == plan::ExpressionKind::InputRef && current->index == rankField;
  };
  if (op == "BETWEEN" && operands.size() == 3 && isRank(operands[0])) {
    auto low = integerLiteral(operands[1]);
    auto high = integerLiteral(operands[2]);
    if (!low || !high) return false;
    range.start = std::max(range.start, *low);
    range.end = std::min(range.end, *high);
    return true;
  }
  if (operands.size() != 2) return false;
  std::string normalized = op;
  std::optional<int64_t> value;
  if (isRank(operands[0])) {
    value = integerLiteral(operands[1]);
  } else if (isRank(operands[1])) {
    value = integerLiteral(operands[0]);
    if (op == "<") normalized = ">";
    if (op == "<=") normalized = ">=";
    if (op == ">") normalized = "<";
    if (op == ">=") normalized = "<=";
  }
  if (!value) return false;
  if (normalized == "<=") range.end = std::min(range.end, *value);
  else if (normalized == "<") range.end = std::min(range.end, *value - 1);
  else if (normalized == "=") { range.start = std::max(range.start, *value); range.end = std::min(range.end, *value); }
  else if (normalized == ">=") range.start = std::max(range.start, *value);
  else if (normalized == ">") range.start = std::max(range.start, *value + 1);
  else return false;
  return true;
}

// `e` with every reference to `field` replaced by the BIGINT constant `value`.
plan::ExpressionRef withConstant(const plan::ExpressionRef& e, int field, int64_t value) {
  if (e->kind == plan::ExpressionKind::InputRef) {
    return e->index == field ? plan::literal(std::to_string(value), e->type) : e;
  }
  bool changed = false;
  std::vector<plan::ExpressionRef> operands;
  for (const auto& operand : e->operands) {
    operands.push_back(withConstant(operand, field, value));
    changed = changed || operands.back() != operand;
  }
  if (!changed) return e;
  auto copy = std::make_shared<plan::BoundExpression>(*e);
  copy->operands = std::move(operands);
  return copy;
}

// Whether `field` is the column a window TVF windows on. Flink keeps that column's time attribute
// in the TVF's output, so ordering by it after the TVF is a window deduplication; Sluice types
// it as a plain TIMESTAMP there, so it is traced back instead.
bool windowedTimeColumn(const plan::LogicalNode& node, int field) {
  const plan::LogicalNode* current = &node;
  while (field >= 0 && static_cast<size_t>(field) < current->schema.size()) {
    switch (current->kind) {
      case plan::NodeKind::WindowTableFunction: return field == current->window.timeField;
      case plan::NodeKind::Project: {
        const auto& e = current->expressions[static_cast<size_t>(field)];
        if (e->kind != plan::ExpressionKind::InputRef) return false;
        field = e->index;
        current = current->inputs[0].get();
        break;
      }
      case plan::NodeKind::Filter: current = current->inputs[0].get(); break;
      default: return false;
    }
  }
  return false;
}

bool references(const plan::ExpressionRef& e, int field) {
  std::vector<int> refs;
  plan::collectInputRefs(e, refs);
  return std::find(refs.begin(), refs.end(), field) != refs.end();
}

plan::NodeRef recognize(const plan::NodeRef& node, plan::NodeFactory& nodes,
                        const FieldUsage& usage) {
  if (node->kind != plan::NodeKind::Filter) return node;
  const auto& project = node->inputs[0];
  if (project->kind != plan::NodeKind::Project) return node;
  const auto& over = project->inputs[0];
  if (over->kind != plan::NodeKind::OverAggregate || over->expressions.size() != 1) return node;
  const auto& call = over->expressions[0];
  if (call->name != "ROW_NUMBER" && call->name != "RANK" && call->name != "DENSE_RANK") return node;
  int width = static_cast<int>(over->inputs[0]->schema.size());
  int rankField = -1;  // the Project output field holding the rank
  for (size_t i = 0; i < project->expressions.size(); ++i) {
    const auto& e = project->expressions[i];
    if (e->kind == plan::ExpressionKind::InputRef && e->index == width) rankField = static_cast<int>(i);
  }
  if (rankField < 0) return node;
  RankRange range;
  std::vector<plan::ExpressionRef> remaining;
  bool bounded = false;
  for (const auto& conjunct : plan::conjunctions(node->condition)) {
    if (narrow(conjunct, rankField, range)) {
      bounded = true;
    } else {
      remaining.push_back(conjunct);
    }
  }
  if (!bounded || range.end == INT64_MAX) return node;
  for (const auto& r : remaining) {
    if (references(r, rankField)) return node;
  }
  std::vector<int> partition;
  for (const auto& key : call->over->partitionBy) {
    if (key->kind != plan::ExpressionKind::InputRef) return node;
    partition.push_back(key->index);
  }
  std::vector<plan::SortKey> order;
  for (const auto& [key, descending] : call->over->orderBy) {
    if (key->kind != plan::ExpressionKind::InputRef) return node;
    order.push_back({key->index, descending, !descending});
  }
  const auto& input = over->inputs[0];
  // Partitioned by window_start and window_end of a window TVF: a window TopN / deduplication.
  bool start = false, end = false;
  for (int key : partition) {
    std::string field;
    if (windowFieldOrigin(*input, key, &field) != nullptr) {
      start = start || field == "window_start";
      end = end || field == "window_end";
    }
  }
  const bool windowed = start && end;
  bool timeOrdered =
      order.size() == 1 &&
      (input->schema[static_cast<size_t>(order[0].field)].type.isTimeAttribute() ||
       (windowed && windowedTimeColumn(*input, order[0].field)));
  bool dedup = call->name == "ROW_NUMBER" && range.start == 1 && range.end == 1 && timeOrdered;
  auto rank = nodes.make(dedup ? plan::NodeKind::Deduplicate : plan::NodeKind::Rank);
  rank->inputs.push_back(input);
  rank->groupKeys = partition;
  rank->sortKeys = order;
  rank->schema = input->schema;
  rank->windowed = windowed;
  // The constant the Project above reads instead of a rank number the Rank does not output.
  std::optional<int64_t> constantRank;
  if (dedup) {
    rank->keepLastRow = order[0].descending;
    constantRank = 1;
  } else {
    rank->rankFunction = call->name;
    rank->rankStart = range.start;
    rank->rankEnd = range.end;
    const bool fixed = call->name == "ROW_NUMBER" && range.start == range.end;
    rank->outputRankNumber = usage.isRead(node->id, rankField) && !fixed;
    if (rank->outputRankNumber) {
      rank->schema.push_back(over->schema[static_cast<size_t>(width)]);
    } else {
      // Unread, or fixed by the filter: the constant is what a reader would see.
      constantRank = range.start;
    }
  }
  auto newProject = std::make_shared<plan::LogicalNode>(*project);
  newProject->id = nodes.make(plan::NodeKind::Project)->id;
  newProject->inputs = {rank};
  if (constantRank) {
    for (auto& e : newProject->expressions) e = withConstant(e, width, *constantRank);
  }
  if (remaining.empty()) return newProject;
  auto filter = nodes.make(plan::NodeKind::Filter);
  filter->inputs.push_back(newProject);
  filter->schema = newProject->schema;
  filter->condition = remaining.size() == 1
                          ? remaining[0]
                          : plan::call("AND", remaining, DataType::boolean());
  return filter;
}

}  // namespace

plan::NodeRef recognizeRanks(const plan::NodeRef& root, plan::NodeFactory& nodes) {
  const FieldUsage usage(root);
  return transformUp(root,
                     [&](const plan::NodeRef& node) { return recognize(node, nodes, usage); });
}

plan::NodeRef removeTrivialFilters(const plan::NodeRef& root, plan::NodeFactory& /*nodes*/) {
  return transformUp(root, [](const plan::NodeRef& node) -> plan::NodeRef {
    if (node->kind != plan::NodeKind::Filter) return node;
    const auto& c = node->condition;
    if (c->kind == plan::ExpressionKind::Literal && c->name == "TRUE") return node->inputs[0];
    return node;
  });
}

}  // namespace sluice
