// GROUPING SETS, ROLLUP, CUBE and the grouping functions, planned as Flink's
// DecomposeGroupingSetsRule plans them: an Expand copies each row once per grouping set, with
// the grouping columns outside the set NULL and the set's id `$e` appended; a GroupAggregate
// keyed by the grouping columns and `$e` computes every set's groups at once; a Calc drops `$e`
// and computes GROUPING() / GROUPING_ID() / GROUP_ID() from it. With a single set (GROUPING()
// over a plain GROUP BY) there is no Expand and the grouping functions are constants.
//
// The order of the sets is observable: the copies of a row reach the aggregate in that order,
// and so do the changes they cause. Calcite sorts a query's grouping sets (supersets first, then
// by their columns), over the columns of the aggregate's input after the projections below it
// are merged into it (AggregateProjectMergeRule) when they only pass columns through.
#include <algorithm>
#include <map>
#include <set>

#include "compiler/physical/planner.h"

namespace sluice::physical {
namespace {

using artifact::Expression;
using GroupingSet = std::vector<int>;  // input columns, sorted by their rank

bool contains(const std::vector<int>& set, int column) {
  return std::find(set.begin(), set.end(), column) != set.end();
}

// Where each input column of the aggregate lands when Flink merges the projections below the
// aggregate into it: the column of the first node below them that is not a projection (or a
// filter, which Flink pushes below them). Every column the aggregate reads must be a plain
// column reference all the way down, or nothing is merged and the columns stay where they are.
std::map<int, int> mergedColumns(const plan::LogicalNode& node,
                                 const std::vector<artifact::AggregateCall>& calls) {
  std::map<int, int> columns;
  for (int key : node.groupKeys) columns[key] = key;
  for (const artifact::AggregateCall& call : calls) {
    if (isGroupingFunction(call.function)) continue;
    for (int argument : call.arguments) columns[argument] = argument;
    if (call.filterColumn >= 0) columns[call.filterColumn] = call.filterColumn;
  }
  const std::map<int, int> unmerged = columns;
  const plan::LogicalNode* current = node.inputs[0].get();
  bool projected = false;
  while (true) {
    if (current->kind == plan::NodeKind::Filter ||
        current->kind == plan::NodeKind::WatermarkAssigner) {
      current = current->inputs[0].get();
      continue;
    }
    if (current->kind != plan::NodeKind::Project) break;
    for (auto& [column, below] : columns) {
      const plan::BoundExpression& e = *current->expressions[static_cast<size_t>(below)];
      if (e.kind != plan::ExpressionKind::InputRef) return unmerged;
      below = e.index;
    }
    projected = true;
    current = current->inputs[0].get();
  }
  if (!projected) return unmerged;
  std::vector<int> keys;
  for (int key : node.groupKeys) keys.push_back(columns[key]);
  std::sort(keys.begin(), keys.end());
  if (std::adjacent_find(keys.begin(), keys.end()) != keys.end()) return unmerged;
  return columns;
}

// Calcite's ImmutableBitSet.COMPARATOR over the sets' ranks: a superset first, otherwise the
// lexicographic order of their (sorted) members.
bool precedes(const std::vector<int>& a, const std::vector<int>& b) {
  auto includes = [](const std::vector<int>& outer, const std::vector<int>& inner) {
    return std::includes(outer.begin(), outer.end(), inner.begin(), inner.end());
  };
  if (a == b) return false;
  if (includes(a, b)) return true;
  if (includes(b, a)) return false;
  return a < b;
}

// Flink's ExpandUtil.genExpandId: one bit per grouping column, the first column the highest,
// set when the column is not in the set.
int64_t expandId(const std::vector<int>& keysByRank, const GroupingSet& set) {
  int64_t id = 0;
  for (int key : keysByRank) id = (id << 1) | (contains(set, key) ? 0 : 1);
  return id;
}

// GROUPING(a, ..) and GROUPING_ID(a, ..): a bit per argument, set when it is not grouped; GROUP_ID
// is 0 (sets are distinct here).
int64_t groupingValue(const artifact::AggregateCall& call, const GroupingSet& set) {
  int64_t value = 0;
  if (call.function == "GROUP_ID") return value;
  for (int argument : call.arguments) value = (value << 1) + (contains(set, argument) ? 0 : 1);
  return value;
}

Expression bigintLiteral(int64_t value) {
  return Expression::constant(std::to_string(value), DataType::bigInt().notNull());
}

struct ExpandPlan {
  std::vector<plan::Field> schema;  // the input's columns, `$e`, then the duplicated columns
  std::vector<std::vector<Expression>> rows;
  std::map<int, int> duplicates;  // input column -> its copy the calls read instead
};

// Flink's ExpandUtil.buildExpandNode. A grouping column a call also reads (MAX(a) ... GROUPING
// SETS ((a), (b))) is NULL in the copies of the sets without it, so the call reads a copy of the
// column that is never nulled, unless every set groups by it.
ExpandPlan planExpand(const artifact::Node& input, const std::vector<int>& keys,
                      const std::vector<GroupingSet>& sets, const std::vector<int>& keysByRank,
                      const std::vector<artifact::AggregateCall>& calls) {
  std::vector<int> common = sets.front();
  for (const GroupingSet& set : sets) {
    std::erase_if(common, [&](int column) { return !contains(set, column); });
  }
  std::vector<int> duplicated;
  for (const artifact::AggregateCall& call : calls) {
    std::vector<int> reads = call.arguments;
    if (call.filterColumn >= 0) reads.push_back(call.filterColumn);
    for (int column : reads) {
      if (contains(keys, column) && !contains(common, column)) duplicated.push_back(column);
    }
  }
  std::sort(duplicated.begin(), duplicated.end());
  duplicated.erase(std::unique(duplicated.begin(), duplicated.end()), duplicated.end());

  ExpandPlan plan;
  const int width = static_cast<int>(input.schema.size());
  for (int i = 0; i < width; ++i) {
    const artifact::Field& field = input.schema[static_cast<size_t>(i)];
    plan.schema.push_back(
        {field.name, contains(keys, i) ? field.type.withNullable(true) : field.type});
  }
  plan.schema.push_back({"$e", DataType::bigInt().notNull()});
  for (size_t d = 0; d < duplicated.size(); ++d) {
    const artifact::Field& field = input.schema[static_cast<size_t>(duplicated[d])];
    plan.schema.push_back({field.name + "_" + std::to_string(d), field.type});
    plan.duplicates[duplicated[d]] = width + 1 + static_cast<int>(d);
  }
  for (const GroupingSet& set : sets) {
    std::vector<Expression> row;
    for (int i = 0; i < width; ++i) {
      const DataType& type = plan.schema[static_cast<size_t>(i)].type;
      row.push_back(contains(keys, i) && !contains(set, i)
                        ? Expression::constant(std::nullopt, type)
                        : Expression::columnRef(i, type));
    }
    row.push_back(bigintLiteral(expandId(keysByRank, set)));
    for (int column : duplicated) {
      row.push_back(Expression::columnRef(column, input.schema[static_cast<size_t>(column)].type));
    }
    plan.rows.push_back(std::move(row));
  }
  return plan;
}

}  // namespace

bool isGroupingFunction(const std::string& function) {
  return function == "GROUPING" || function == "GROUPING_ID" || function == "GROUP_ID";
}

int Planner::groupingSetsAggregate(const plan::LogicalNode& node,
                                   std::vector<artifact::AggregateCall> calls, bool retracting) {
  const std::vector<int>& keys = node.groupKeys;
  if (keys.size() >= 64) unsupported("GROUPING SETS over 64 or more grouping columns");
  const std::map<int, int> merged = mergedColumns(node, calls);
  auto byRank = [&](int a, int b) { return merged.at(a) < merged.at(b); };
  std::vector<int> keysByRank = keys;
  std::sort(keysByRank.begin(), keysByRank.end(), byRank);

  std::vector<GroupingSet> sets = node.groupingSets;
  if (sets.empty()) sets.push_back(keys);
  std::vector<std::vector<int>> ranks;
  for (GroupingSet& set : sets) {
    std::sort(set.begin(), set.end(), byRank);
    std::vector<int> rank;
    for (int column : set) rank.push_back(merged.at(column));
    ranks.push_back(std::move(rank));
  }
  // Calcite plans a repeated set as a union of aggregates told apart by GROUP_ID().
  if (std::set<std::vector<int>>(ranks.begin(), ranks.end()).size() < ranks.size()) {
    unsupported("GROUPING SETS that list a set twice");
  }
  std::vector<size_t> order(sets.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return precedes(ranks[a], ranks[b]); });
  std::vector<GroupingSet> sorted;
  for (size_t i : order) sorted.push_back(sets[i]);
  sets = std::move(sorted);
  const bool expand = sets.size() > 1;

  std::vector<artifact::AggregateCall> regular;
  std::vector<artifact::AggregateCall> grouping;
  for (artifact::AggregateCall& call : calls) {
    (isGroupingFunction(call.function) ? grouping : regular).push_back(std::move(call));
  }

  int input = lower(node.inputs[0]);
  std::vector<int> aggregateKeys = keys;
  std::vector<plan::Field> aggregateSchema;
  for (size_t k = 0; k < keys.size(); ++k) aggregateSchema.push_back(node.schema[k]);
  if (expand) {
    ExpandPlan plan = planExpand(nodeById(input), keys, sets, keysByRank, regular);
    const int setIdColumn = static_cast<int>(nodeById(input).schema.size());
    artifact::Node e = makeNode(artifact::NodeKind::Expand, {input}, plan.schema);
    e.rows = std::move(plan.rows);
    input = add(std::move(e));
    for (artifact::AggregateCall& call : regular) {
      for (int& argument : call.arguments) {
        if (plan.duplicates.count(argument)) argument = plan.duplicates.at(argument);
      }
      if (plan.duplicates.count(call.filterColumn)) {
        call.filterColumn = plan.duplicates.at(call.filterColumn);
      }
    }
    aggregateKeys.push_back(setIdColumn);
    aggregateSchema.push_back({"$e", DataType::bigInt().notNull()});
  }
  for (size_t j = 0; j < node.aggregates.size(); ++j) {
    if (!isGroupingFunction(node.aggregates[j].function)) {
      aggregateSchema.push_back(node.schema[keys.size() + j]);
    }
  }

  int parallelism = 1;
  const int exchanged = keyedExchange(input, aggregateKeys, parallelism);
  artifact::Node n = makeNode(artifact::NodeKind::GroupAggregate, {exchanged}, aggregateSchema);
  n.parallelism = parallelism;
  n.keys = aggregateKeys;
  n.aggregates = std::move(regular);
  n.emitsUpdateBefore = emitsUpdateBefore(node);
  n.inputUpdates = retracting;
  n.stateTtlMillis = stateTtl(node);
  const int aggregate = add(std::move(n));

  // The logical aggregate's columns: the grouping columns, then each call's result.
  const int width = static_cast<int>(keys.size()) + (expand ? 1 : 0);
  std::vector<Expression> projections;
  for (size_t k = 0; k < keys.size(); ++k) {
    projections.push_back(Expression::columnRef(static_cast<int>(k), node.schema[k].type));
  }
  const Expression setId = Expression::columnRef(width - 1, DataType::bigInt().notNull());
  for (size_t j = 0, r = 0, g = 0; j < node.aggregates.size(); ++j) {
    const DataType& type = node.schema[keys.size() + j].type;
    if (!isGroupingFunction(node.aggregates[j].function)) {
      projections.push_back(Expression::columnRef(width + static_cast<int>(r++), type));
      continue;
    }
    const artifact::AggregateCall& call = grouping[g++];
    // CASE $e WHEN id(set 1) THEN value(set 1) ... ELSE value(last set), as Flink writes it.
    std::vector<Expression> cases;
    for (size_t s = 0; s + 1 < sets.size(); ++s) {
      cases.push_back(Expression::call("=", {setId, bigintLiteral(expandId(keysByRank, sets[s]))},
                                       DataType::boolean().notNull()));
      cases.push_back(bigintLiteral(groupingValue(call, sets[s])));
    }
    cases.push_back(bigintLiteral(groupingValue(call, sets.back())));
    projections.push_back(cases.size() == 1 ? cases[0]
                                            : Expression::call("CASE", std::move(cases), type));
  }
  return calc(aggregate, std::move(projections), node.schema);
}

}  // namespace sluice::physical
