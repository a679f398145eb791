// Table functions in FROM (Flink's StreamExecCorrelate): `LATERAL TABLE(f(x))`, `LEFT JOIN
// LATERAL TABLE(f(x)) AS T(a) ON TRUE` and UNNEST. One operator chained after its input like a
// Calc: each input row's arguments go to the function, and each row it produces comes out after
// the input row's columns; a LEFT join pads a row the function produced nothing for (or nothing
// that passes the ON clause) with NULLs. Row kinds pass through.
#include "compiler/physical/planner.h"

namespace sluice::physical {

int Planner::correlate(const plan::LogicalNode& node) {
  const plan::BoundExpression& call = *node.expressions.at(0);
  if (call.type.kind() == TypeKind::Null && call.name != "UNNEST" &&
      call.name != "UNNEST WITH ORDINALITY") {
    unsupported("table function " + call.name + ", which has no implementation");
  }
  int input = 0;
  if (node.inputs.empty()) {
    // `FROM UNNEST(ARRAY[..])` alone: the function runs once, over a single row of no columns.
    artifact::Node unit = makeNode(artifact::NodeKind::Values, {}, {});
    unit.parallelism = 1;
    unit.rows.push_back({});
    input = add(std::move(unit));
  } else {
    input = lower(node.inputs[0]);
  }
  artifact::Node n = makeNode(artifact::NodeKind::Correlate, {input}, node.schema);
  n.tableFunction = call.name;
  for (const auto& operand : call.operands) n.projections.push_back(lowerOrRefuse(*operand));
  n.joinType =
      node.joinKind == plan::JoinKind::Left ? artifact::JoinType::Left : artifact::JoinType::Inner;
  if (node.condition && !(node.condition->kind == plan::ExpressionKind::Literal &&
                          node.condition->name == "TRUE")) {
    n.condition = lowerOrRefuse(*node.condition);
  }
  return add(std::move(n));
}

}  // namespace sluice::physical
