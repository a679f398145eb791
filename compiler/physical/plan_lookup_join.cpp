// Lookup joins (`JOIN dim FOR SYSTEM_TIME AS OF left.proctime`): one operator chained after the
// left input in its pipeline, like a Calc; the dimension table is no source but a connector the
// operator opens to look rows up in. The ON clause splits as Flink's LookupJoin splits it: the
// lookup keys (a dim column equal to a left column, or to a literal: `d.type = 'A'`) and the
// residual condition over the left's columns then the dim's.
#include <fmt/format.h>

#include <algorithm>

#include "compiler/catalog/catalog.h"
#include "compiler/diagnostics/diagnostics.h"
#include "compiler/physical/planner.h"
#include "runtime/data/physical_type.h"

namespace sluice::physical {
namespace {

// Whether the key values of two columns compare equal as the runtime boxes them: one physical
// type, or integers of any width.
bool comparableKeys(const DataType& left, const DataType& right) {
  return runtime::physicalTypeOf(left) == runtime::physicalTypeOf(right) ||
         (left.isInteger() && right.isInteger());
}

// The literal text of `e` (a literal or a cast of one), when it is a constant.
const plan::BoundExpression* literalOf(const plan::ExpressionRef& e) {
  if (e->kind == plan::ExpressionKind::Literal) return e.get();
  if (e->kind == plan::ExpressionKind::Cast &&
      e->operands[0]->kind == plan::ExpressionKind::Literal) {
    return e->operands[0].get();
  }
  return nullptr;
}

}  // namespace

int Planner::lookupJoin(const plan::LogicalNode& node) {
  const plan::LogicalNode& dim = *node.inputs[1];
  if (dim.kind != plan::NodeKind::TableScan || !node.table) {
    unsupported("a lookup join against a table with computed or metadata columns");
  }
  const int leftWidth = static_cast<int>(node.inputs[0]->schema.size());
  const int left = lower(node.inputs[0]);
  artifact::Node n = makeNode(artifact::NodeKind::LookupJoin, {left}, node.schema);
  n.table = dim.tableName;
  for (const auto& [key, value] : node.table->options) n.options[key] = value;
  n.connector = node.table->connector().value_or("");
  for (const auto& [key, value] : dim.hints) n.options[key] = value;
  for (const plan::Field& f : dim.schema) n.lookupSchema.push_back({f.name, f.type});
  for (const auto& [key, value] : node.hints) {
    if (key.starts_with("LOOKUP(") && key.ends_with(")")) {
      n.lookupHint[key.substr(7, key.size() - 8)] = value;
    }
  }
  n.joinType =
      node.joinKind == plan::JoinKind::Left ? artifact::JoinType::Left : artifact::JoinType::Inner;

  auto dimColumn = [&](const plan::ExpressionRef& e) {
    return e->kind == plan::ExpressionKind::InputRef && e->index >= leftWidth ? e->index - leftWidth
                                                                              : -1;
  };
  auto keyed = [&](int column) {
    return std::find(n.rightKeys.begin(), n.rightKeys.end(), column) != n.rightKeys.end() ||
           std::find(n.lookupConstantKeys.begin(), n.lookupConstantKeys.end(), column) !=
               n.lookupConstantKeys.end();
  };
  std::vector<plan::ExpressionRef> residual;
  for (const plan::ExpressionRef& conjunct : plan::conjunctions(node.condition)) {
    if (conjunct->kind == plan::ExpressionKind::Literal && conjunct->name == "TRUE") continue;
    bool key = false;
    if (conjunct->kind == plan::ExpressionKind::Call && conjunct->name == "=") {
      for (int side = 0; side < 2 && !key; ++side) {
        const plan::ExpressionRef& a = conjunct->operands[static_cast<size_t>(side)];
        const plan::ExpressionRef& b = conjunct->operands[static_cast<size_t>(1 - side)];
        const int column = dimColumn(a);
        if (column < 0 || keyed(column)) continue;
        const DataType& dimType = dim.schema[static_cast<size_t>(column)].type;
        if (b->kind == plan::ExpressionKind::InputRef && b->index < leftWidth &&
            comparableKeys(b->type, dimType)) {
          n.keys.push_back(b->index);
          n.rightKeys.push_back(column);
          key = true;
        } else if (const plan::BoundExpression* literal = literalOf(b)) {
          artifact::Expression lowered = lowerOrRefuse(*literal);
          n.lookupConstantKeys.push_back(column);
          n.lookupConstants.push_back(artifact::Expression::constant(lowered.literal, dimType));
          key = true;
        }
      }
    }
    if (!key) residual.push_back(conjunct);
  }
  if (n.rightKeys.empty() && n.lookupConstantKeys.empty()) {
    throw UserError(location_,
                    fmt::format("a lookup join needs an equality between a column of table '{}' "
                                "and a column of the left input or a constant",
                                node.table->name.back()));
  }
  if (!residual.empty()) {
    const plan::ExpressionRef condition =
        residual.size() == 1 ? residual[0] : plan::call("AND", residual, DataType::boolean());
    n.condition = lowerOrRefuse(*condition);
  }
  return add(std::move(n));
}

}  // namespace sluice::physical
