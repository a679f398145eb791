#include "runtime/expression/expression_program.h"

#include "runtime/expression/evaluation_node.h"

namespace sluice::runtime {

ExpressionProgram::ExpressionProgram(const artifact::Expression& expression,
                                     const ScalarFunctionRegistry& registry, TaskContext& task) {
  BuildContext context{registry, task};
  root_ = buildNode(expression, context);
}

ExpressionProgram::~ExpressionProgram() = default;

const Vector& ExpressionProgram::evaluate(const Batch& input, const int32_t* rows, int count) {
  return root_->evaluate(input, rows, count);
}

const DataType& ExpressionProgram::type() const { return root_->type(); }

}  // namespace sluice::runtime
