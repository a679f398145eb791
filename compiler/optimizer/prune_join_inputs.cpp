// A join keeps its inputs' rows in state, so every column it carries costs memory and encoding
// per row. When a projection right above the join reads only some of its columns, the join's
// inputs are narrowed to the columns that projection and the join condition read (Flink's
// ProjectJoinTransposeRule and field trimming): Nexmark q4 keeps (auction, price, dateTime) of
// each bid instead of the whole bid with its URL and padding.
//
// Only regular and interval joins of kinds INNER, LEFT, RIGHT and FULL are narrowed: a lookup or
// temporal join's right side is a table, a window join needs its window columns, and semi / anti
// joins are left for later. A join read by more than one consumer is left whole, since narrowing
// it for one would duplicate it for the others.
#include <algorithm>
#include <map>
#include <set>

#include "compiler/binder/aggregation_state.h"
#include "compiler/binder/join_classification.h"
#include "compiler/optimizer/optimizer.h"
#include "compiler/optimizer/passes.h"

namespace sluice {

namespace {

bool readsOuterQuery(const plan::ExpressionRef& e) {
  if (e == nullptr) return false;
  if (e->kind == plan::ExpressionKind::Subquery || e->kind == plan::ExpressionKind::OuterRef ||
      e->kind == plan::ExpressionKind::OverCall) {
    return true;
  }
  return std::any_of(e->operands.begin(), e->operands.end(), readsOuterQuery);
}

// How many nodes read each node, by id (the optimizer's copies keep ids): a join is narrowed
// only for its single consumer.
void countConsumers(const plan::NodeRef& node, std::map<int, int>& counts, std::set<int>& seen) {
  if (!seen.insert(node->id).second) return;
  for (const auto& input : node->inputs) {
    ++counts[input->id];
    countConsumers(input, counts, seen);
  }
}

bool narrowable(const plan::LogicalNode& join) {
  if (join.kind != plan::NodeKind::Join || join.windowed) return false;
  if (join.joinStrategy != plan::JoinStrategy::Regular &&
      join.joinStrategy != plan::JoinStrategy::Interval) {
    return false;
  }
  switch (join.joinKind) {
    case plan::JoinKind::Inner:
    case plan::JoinKind::Left:
    case plan::JoinKind::Right:
    case plan::JoinKind::Full: return true;
    default: return false;
  }
}

// `input` narrowed to `kept` (ascending field indexes): the input's own projection when it is
// one, so that the plan keeps one Calc per input, else a new projection over it.
plan::NodeRef narrowInput(const plan::NodeRef& input, const std::vector<int>& kept,
                          plan::NodeFactory& nodes) {
  auto project = nodes.make(plan::NodeKind::Project);
  const bool compose = input->kind == plan::NodeKind::Project;
  project->inputs.push_back(compose ? input->inputs[0] : input);
  for (int field : kept) {
    const plan::Field& column = input->schema[static_cast<size_t>(field)];
    project->schema.push_back(column);
    project->expressions.push_back(compose ? input->expressions[static_cast<size_t>(field)]
                                           : plan::inputRef(field, column.type));
  }
  return project;
}

class JoinInputPruner {
 public:
  JoinInputPruner(const plan::NodeRef& root, plan::NodeFactory& nodes) : nodes_(nodes) {
    std::set<int> seen;
    countConsumers(root, consumers_, seen);
  }

  plan::NodeRef rewrite(const plan::NodeRef& node) {
    if (node->kind != plan::NodeKind::Project || node->inputs.size() != 1) return node;
    const plan::NodeRef& join = node->inputs[0];
    if (!narrowable(*join) || consumers_[join->id] != 1) return node;
    if (readsOuterQuery(join->condition)) return node;
    for (const auto& e : node->expressions) {
      if (readsOuterQuery(e)) return node;
    }

    const int leftWidth = static_cast<int>(join->inputs[0]->schema.size());
    const int width = static_cast<int>(join->schema.size());
    std::vector<int> read;
    for (const auto& e : node->expressions) plan::collectInputRefs(e, read);
    if (join->condition) plan::collectInputRefs(join->condition, read);
    std::vector<bool> used(static_cast<size_t>(width), false);
    for (int index : read) used[static_cast<size_t>(index)] = true;

    std::vector<int> leftKept, rightKept;
    for (int i = 0; i < width; ++i) {
      if (used[static_cast<size_t>(i)]) (i < leftWidth ? leftKept : rightKept).push_back(i);
    }
    for (int& i : rightKept) i -= leftWidth;
    // A side nothing reads (a cross join's) still needs a column to carry its rows.
    if (leftKept.empty()) leftKept.push_back(0);
    if (rightKept.empty()) rightKept.push_back(0);
    if (static_cast<int>(leftKept.size() + rightKept.size()) == width) return node;

    std::vector<int> newIndex(static_cast<size_t>(width), -1);
    for (size_t i = 0; i < leftKept.size(); ++i) {
      newIndex[static_cast<size_t>(leftKept[i])] = static_cast<int>(i);
    }
    for (size_t i = 0; i < rightKept.size(); ++i) {
      newIndex[static_cast<size_t>(leftWidth) + static_cast<size_t>(rightKept[i])] =
          static_cast<int>(leftKept.size() + i);
    }
    const auto map = [&](int index) { return newIndex[static_cast<size_t>(index)]; };

    auto narrowed = std::make_shared<plan::LogicalNode>(*join);
    narrowed->id = nodes_.make(plan::NodeKind::Join)->id;
    narrowed->inputs = {
        static_cast<int>(leftKept.size()) == leftWidth
            ? join->inputs[0]
            : narrowInput(join->inputs[0], leftKept, nodes_),
        static_cast<int>(rightKept.size()) == width - leftWidth
            ? join->inputs[1]
            : narrowInput(join->inputs[1], rightKept, nodes_)};
    narrowed->schema.clear();
    for (int i = 0; i < width; ++i) {
      if (newIndex[static_cast<size_t>(i)] >= 0) {
        narrowed->schema.push_back(join->schema[static_cast<size_t>(i)]);
      }
    }
    narrowed->condition = remapInputs(join->condition, map);
    classifyJoin(*narrowed, /*temporal=*/false);

    auto project = std::make_shared<plan::LogicalNode>(*node);
    project->inputs = {narrowed};
    for (auto& e : project->expressions) e = remapInputs(e, map);
    return project;
  }

 private:
  plan::NodeFactory& nodes_;
  std::map<int, int> consumers_;
};

}  // namespace

plan::NodeRef pruneJoinInputs(const plan::NodeRef& root, plan::NodeFactory& nodes) {
  JoinInputPruner pruner(root, nodes);
  return transformUp(root, [&](const plan::NodeRef& node) { return pruner.rewrite(node); });
}

}  // namespace sluice
