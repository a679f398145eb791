// Lookup joins (`JOIN dim FOR SYSTEM_TIME AS OF left.proctime`): one operator chained after the
// left input in its pipeline, like a Calc; the dimension table is no source but a connector the
// operator opens to look rows up in. The ON clause splits as Flink's LookupJoin splits it: the
// lookup keys (a dim column equal to a left column, to a literal: `d.type = 'A'`, or to a
// deterministic expression of the left's columns: `MOD(l.id, 100) = d.key`) and the residual
// condition over the left's columns then the dim's. As in Flink, a computed key is projected by
// a Calc on the left input before the lookup, and dropped by a Calc after it.
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

// Whether `e` is an expression of the left input's columns (the first `leftWidth`) Flink pushes
// into a Calc below the lookup join: deterministic, with no subquery or OVER call.
bool computableOnLeft(const plan::ExpressionRef& e, int leftWidth) {
  return plan::isDeterministicRowExpression(e) && plan::referencesOnly(e, 0, leftWidth);
}

// `e` with its references to columns from `first` on moved by `by` (the dim's columns, after
// computed keys are inserted before them).
plan::ExpressionRef shiftColumns(const plan::ExpressionRef& e, int first, int by) {
  auto copy = std::make_shared<plan::BoundExpression>(*e);
  if (copy->kind == plan::ExpressionKind::InputRef && copy->index >= first) copy->index += by;
  for (plan::ExpressionRef& operand : copy->operands) operand = shiftColumns(operand, first, by);
  return copy;
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

// The ON clause of a lookup join, split as Flink splits it.
struct LookupCondition {
  std::vector<int> keys;          // left columns, or leftWidth + i for computed[i]
  std::vector<int> dimKeys;       // pairwise with keys
  std::vector<int> constantKeys;  // dim columns equal to a constant
  std::vector<const plan::BoundExpression*> constants;  // their literals
  std::vector<plan::ExpressionRef> computed;            // key expressions the Calc below computes
  std::vector<plan::ExpressionRef> residual;            // over the left's columns then the dim's
};

LookupCondition splitLookupCondition(const plan::LogicalNode& node) {
  const plan::LogicalNode& dim = *node.inputs[1];
  const int leftWidth = static_cast<int>(node.inputs[0]->schema.size());
  LookupCondition split;
  auto dimColumn = [&](const plan::ExpressionRef& e) {
    return e->kind == plan::ExpressionKind::InputRef && e->index >= leftWidth ? e->index - leftWidth
                                                                              : -1;
  };
  auto keyed = [&](int column) {
    return std::find(split.dimKeys.begin(), split.dimKeys.end(), column) != split.dimKeys.end() ||
           std::find(split.constantKeys.begin(), split.constantKeys.end(), column) !=
               split.constantKeys.end();
  };
  // Whether `dimSide = other` is a key, which it records.
  auto takeKey = [&](const plan::ExpressionRef& dimSide, const plan::ExpressionRef& other) {
    const int column = dimColumn(dimSide);
    if (column < 0 || keyed(column)) return false;
    if (const plan::BoundExpression* literal = literalOf(other)) {
      split.constantKeys.push_back(column);
      split.constants.push_back(literal);
      return true;
    }
    const DataType& dimType = dim.schema[static_cast<size_t>(column)].type;
    if (!computableOnLeft(other, leftWidth) || !comparableKeys(other->type, dimType)) return false;
    if (other->kind == plan::ExpressionKind::InputRef) {
      split.keys.push_back(other->index);
    } else {
      split.keys.push_back(leftWidth + static_cast<int>(split.computed.size()));
      split.computed.push_back(other);
    }
    split.dimKeys.push_back(column);
    return true;
  };
  for (const plan::ExpressionRef& conjunct : plan::conjunctions(node.condition)) {
    if (conjunct->kind == plan::ExpressionKind::Literal && conjunct->name == "TRUE") continue;
    const bool key = conjunct->kind == plan::ExpressionKind::Call && conjunct->name == "=" &&
                     (takeKey(conjunct->operands[0], conjunct->operands[1]) ||
                      takeKey(conjunct->operands[1], conjunct->operands[0]));
    if (!key) split.residual.push_back(conjunct);
  }
  return split;
}

}  // namespace

int Planner::lookupJoin(const plan::LogicalNode& node) {
  const plan::LogicalNode& dim = *node.inputs[1];
  if (dim.kind != plan::NodeKind::TableScan || !node.table) {
    unsupported("a lookup join against a table with computed or metadata columns");
  }
  const std::vector<plan::Field>& leftSchema = node.inputs[0]->schema;
  const int leftWidth = static_cast<int>(leftSchema.size());
  LookupCondition split = splitLookupCondition(node);
  if (split.dimKeys.empty() && split.constantKeys.empty()) {
    throw UserError(location_,
                    fmt::format("a lookup join needs an equality between a column of table '{}' "
                                "and a deterministic expression of the left input or a constant",
                                node.table->name.back()));
  }

  // The left input, with the computed keys after its columns; the join's rows have them between
  // the left's columns and the dim's.
  int left = lower(node.inputs[0]);
  const int extra = static_cast<int>(split.computed.size());
  std::vector<plan::Field> joined = node.schema;
  if (extra > 0) {
    std::vector<plan::Field> extended = leftSchema;
    std::vector<artifact::Expression> projections = identity(nodeById(left));
    for (int i = 0; i < extra; ++i) {
      const plan::ExpressionRef& e = split.computed[static_cast<size_t>(i)];
      extended.push_back({fmt::format("$lookup_key{}", i), e->type});
      projections.push_back(lowerOrRefuse(*e));
    }
    left = calc(left, std::move(projections), extended);
    joined.insert(joined.begin() + leftWidth, extended.begin() + leftWidth, extended.end());
    for (plan::ExpressionRef& conjunct : split.residual) {
      conjunct = shiftColumns(conjunct, leftWidth, extra);
    }
  }

  artifact::Node n = makeNode(artifact::NodeKind::LookupJoin, {left}, joined);
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
  n.keys = split.keys;
  n.rightKeys = split.dimKeys;
  n.lookupConstantKeys = split.constantKeys;
  for (size_t i = 0; i < split.constants.size(); ++i) {
    const DataType& dimType = dim.schema[static_cast<size_t>(split.constantKeys[i])].type;
    const artifact::Expression literal = lowerOrRefuse(*split.constants[i]);
    n.lookupConstants.push_back(artifact::Expression::constant(literal.literal, dimType));
  }
  if (!split.residual.empty()) {
    const plan::ExpressionRef condition =
        split.residual.size() == 1 ? split.residual[0]
                                   : plan::call("AND", split.residual, DataType::boolean());
    n.condition = lowerOrRefuse(*condition);
  }
  const int lookup = add(std::move(n));
  if (extra == 0) return lookup;

  std::vector<artifact::Expression> projections;
  for (int i = 0; i < static_cast<int>(joined.size()); ++i) {
    if (i >= leftWidth && i < leftWidth + extra) continue;
    projections.push_back(artifact::Expression::columnRef(i, joined[static_cast<size_t>(i)].type));
  }
  return calc(lookup, std::move(projections), node.schema);
}

}  // namespace sluice::physical
