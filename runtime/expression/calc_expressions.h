// The condition and projections of one Calc, interpreted as one program: a deterministic
// subexpression they repeat is evaluated once per row and its value reused, where the rules of
// common_subexpressions.h allow it (InterpretedCalc, runtime/execution/calc_operator.h).
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "compiler/artifact/job_plan.h"
#include "runtime/data/batch.h"
#include "runtime/functions/scalar_kernel.h"

namespace sluice::runtime {

class EvaluationNode;

class CalcExpressions {
 public:
  // Prepares the node's condition (if any) and projections; throws PrepareError
  // (expression_program.h) when a call has no kernel.
  CalcExpressions(const artifact::Node& calc, const ScalarFunctionRegistry& registry,
                  TaskContext& task);
  ~CalcExpressions();
  CalcExpressions(const CalcExpressions&) = delete;
  CalcExpressions& operator=(const CalcExpressions&) = delete;

  // Starts an evaluation: values shared in the previous one are forgotten. One evaluation is the
  // condition over some rows, then the projections in their order over rows it kept (without a
  // condition, over any one set of rows). The order matters: a value is computed by the first
  // occurrence to run, for its rows, and read by the later ones.
  void startEvaluation() { ++evaluation_; }

  bool hasCondition() const { return condition_ != nullptr; }
  size_t projectionCount() const { return projections_.size(); }
  // Each result holds the value of every listed row at the row's own position; valid until the
  // next evaluation.
  const Vector& evaluateCondition(const Batch& input, const int32_t* rows, int count);
  const Vector& evaluateProjection(size_t projection, const Batch& input, const int32_t* rows,
                                   int count);

 private:
  uint64_t evaluation_ = 1;  // shared values remember the evaluation they belong to
  std::unique_ptr<EvaluationNode> condition_;
  std::vector<std::unique_ptr<EvaluationNode>> projections_;
};

}  // namespace sluice::runtime
