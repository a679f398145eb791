// The vectorized interpreter: evaluates one artifact expression column at a time over the rows
// of a batch named by a selection. It is the reference the compiled code is tested against, the
// fallback when `sqlc.jit` is off, and what runs while native code compiles.
//
// Special forms are evaluated with SQL's short-circuit semantics: the right side of AND runs only
// on rows where the left is not FALSE, a CASE branch only on rows that reach it, so `b <> 0 AND
// a / b > 1` never divides by zero, as in Flink's generated code.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "compiler/artifact/job_plan.h"
#include "runtime/data/batch.h"
#include "runtime/functions/scalar_kernel.h"

namespace sluice::runtime {

class EvaluationNode;

// Errors found while preparing an expression: an unknown function or signature, a bind error.
class PrepareError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class ExpressionProgram {
 public:
  // Resolves every call against `registry` and prepares constants and call sites. Throws
  // PrepareError when a call has no kernel.
  ExpressionProgram(const artifact::Expression& expression, const ScalarFunctionRegistry& registry,
                    TaskContext& task);
  ~ExpressionProgram();
  ExpressionProgram(const ExpressionProgram&) = delete;
  ExpressionProgram& operator=(const ExpressionProgram&) = delete;

  // Evaluates the expression for `rows[0..count)` of `input`; the result holds each listed row's
  // value at the row's own position. Valid until the next call.
  const Vector& evaluate(const Batch& input, const int32_t* rows, int count);
  const DataType& type() const;

 private:
  std::unique_ptr<EvaluationNode> root_;
};

}  // namespace sluice::runtime
