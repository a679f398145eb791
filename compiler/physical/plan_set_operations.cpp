// UNION (without ALL), INTERSECT and EXCEPT, as Flink plans them (Calcite's UnionToDistinctRule,
// IntersectToDistinctRule and MinusToDistinctRule): each input's rows are marked with the input
// they come from, the union of them is grouped by every column, and the groups counted per
// input decide which rows remain:
//
//   UNION      the groups themselves (a SELECT DISTINCT of the union)
//   INTERSECT  the groups every input has rows in
//   EXCEPT     the groups only the first input has rows in
//
// The aggregate keeps a count per input and group, so retractions of either input take rows
// back out. INTERSECT ALL and EXCEPT ALL (Flink's RewriteIntersectAllRule and
// RewriteMinusAllRule) keep the same counts and then replicate each remaining group's row by
// count, with Flink's ReplicateRows:
//
//   INTERSECT ALL  the smallest count, where every input has rows
//   EXCEPT ALL     the first input's count less the others', where that is positive
#include "compiler/physical/planner.h"

namespace sluice::physical {
namespace {

using artifact::Expression;

Expression bigint(int column) {
  return Expression::columnRef(column, DataType::bigInt().notNull());
}

Expression zero() { return Expression::constant("0", DataType::bigInt().notNull()); }

}  // namespace

int Planner::setOperation(const plan::LogicalNode& node) {
  const bool distinctUnion = node.kind == plan::NodeKind::Union;
  const size_t width = node.schema.size();
  const size_t inputs = node.inputs.size();
  // Each input with one BOOLEAN column per input: TRUE in its own.
  std::vector<plan::Field> marked = node.schema;
  if (!distinctUnion) {
    for (size_t i = 0; i < inputs; ++i) {
      marked.push_back({"$from" + std::to_string(i), DataType::boolean().notNull()});
    }
  }
  std::vector<int> branches;
  bool updates = false;
  for (size_t i = 0; i < inputs; ++i) {
    const int input = lower(node.inputs[i]);
    const NodeChangelog* consumed = changelog_.find(*node.inputs[i]);
    updates = updates || !consumed || !consumed->kinds.isInsertOnly();
    std::vector<Expression> projections = identity(nodeById(input));
    if (!distinctUnion) {
      for (size_t j = 0; j < inputs; ++j) {
        projections.push_back(
            Expression::constant(i == j ? "TRUE" : "FALSE", DataType::boolean().notNull()));
      }
    }
    const int branch = calc(input, std::move(projections), marked);
    branches.push_back(exchange(branch, artifact::Distribution::Forward, parallelism_));
  }
  artifact::Node unioned = makeNode(artifact::NodeKind::Union, std::move(branches), marked);
  unioned.parallelism = parallelism_;
  const int all = add(std::move(unioned));

  std::vector<int> columns;
  for (size_t c = 0; c < width; ++c) columns.push_back(static_cast<int>(c));
  int parallelism = parallelism_;
  const int exchanged = keyedExchange(all, columns, parallelism);
  std::vector<plan::Field> counted = node.schema;
  artifact::Node aggregate = makeNode(artifact::NodeKind::GroupAggregate, {exchanged}, counted);
  aggregate.parallelism = parallelism;
  aggregate.keys = columns;
  if (!distinctUnion) {
    for (size_t i = 0; i < inputs; ++i) {
      artifact::AggregateCall count;
      count.function = "COUNT";
      count.type = DataType::bigInt().notNull();
      count.filterColumn = static_cast<int>(width + i);
      aggregate.aggregates.push_back(count);
      aggregate.schema.push_back({"$rows" + std::to_string(i), DataType::bigInt().notNull()});
    }
  }
  aggregate.emitsUpdateBefore = emitsUpdateBefore(node);
  aggregate.inputUpdates = updates;
  aggregate.stateTtlMillis = stateTtl(node);
  const int grouped = add(std::move(aggregate));
  if (distinctUnion) return grouped;

  if (node.all) return replicateByCount(node, grouped);

  // INTERSECT: rows in every input; EXCEPT: rows in the first and no other.
  std::optional<Expression> condition;
  for (size_t i = 0; i < inputs; ++i) {
    const bool wanted = i == 0 || node.kind == plan::NodeKind::Intersect;
    Expression test = Expression::call(wanted ? ">" : "=", {bigint(static_cast<int>(width + i)), zero()},
                                       DataType::boolean().notNull());
    condition = condition ? Expression::call("AND", {*condition, test}, DataType::boolean().notNull())
                          : test;
  }
  artifact::Node filter = makeNode(artifact::NodeKind::Calc, {grouped}, node.schema);
  for (size_t c = 0; c < width; ++c) {
    filter.projections.push_back(Expression::columnRef(static_cast<int>(c), node.schema[c].type));
  }
  filter.condition = std::move(condition);
  return add(std::move(filter));
}

// INTERSECT ALL / EXCEPT ALL after the per-input counts of `grouped`: a Calc computes how many
// copies of each group's row remain (and drops the groups with none), ReplicateRows makes them.
int Planner::replicateByCount(const plan::LogicalNode& node, int grouped) {
  const size_t width = node.schema.size();
  const size_t inputs = node.inputs.size();
  const DataType type = DataType::bigInt().notNull();
  Expression copies = bigint(static_cast<int>(width));
  for (size_t i = 1; i < inputs; ++i) {
    const Expression count = bigint(static_cast<int>(width + i));
    copies = node.kind == plan::NodeKind::Intersect ? Expression::call("LEAST", {copies, count}, type)
                                                    : Expression::call("-", {copies, count}, type);
  }
  std::vector<plan::Field> counted = node.schema;
  counted.push_back({"$copies", type});
  artifact::Node calc = makeNode(artifact::NodeKind::Calc, {grouped}, counted);
  for (size_t c = 0; c < width; ++c) {
    calc.projections.push_back(Expression::columnRef(static_cast<int>(c), node.schema[c].type));
  }
  calc.projections.push_back(copies);
  calc.condition = Expression::call(">", {copies, zero()}, DataType::boolean().notNull());
  const int counts = add(std::move(calc));
  artifact::Node replicate = makeNode(artifact::NodeKind::ReplicateRows, {counts}, node.schema);
  return add(std::move(replicate));
}

}  // namespace sluice::physical
