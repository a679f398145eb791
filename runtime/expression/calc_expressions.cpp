#include "runtime/expression/calc_expressions.h"

#include "runtime/expression/evaluation_node.h"

namespace sluice::runtime {

CalcExpressions::CalcExpressions(const artifact::Node& calc, const ScalarFunctionRegistry& registry,
                                 TaskContext& task) {
  // One build context for all: the projections run on rows the condition kept, so they may
  // reuse what the condition computed on every row it evaluated (all of them, or for a
  // condition that is an AND, the rows each operand saw: a superset of the kept rows).
  SharedSubexpressions shared;
  shared.evaluation = &evaluation_;
  BuildContext context{registry, task, &shared};
  if (calc.condition) condition_ = buildCondition(*calc.condition, context);
  for (const artifact::Expression& projection : calc.projections) {
    projections_.push_back(buildNode(projection, context));
  }
}

CalcExpressions::~CalcExpressions() = default;

const Vector& CalcExpressions::evaluateCondition(const Batch& input, const int32_t* rows,
                                                 int count) {
  return condition_->evaluate(input, rows, count);
}

const Vector& CalcExpressions::evaluateProjection(size_t projection, const Batch& input,
                                                  const int32_t* rows, int count) {
  return projections_[projection]->evaluate(input, rows, count);
}

}  // namespace sluice::runtime
