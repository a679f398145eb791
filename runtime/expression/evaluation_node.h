// The nodes of an interpreted expression tree (internal to runtime/expression).
#pragma once

#include <memory>
#include <vector>

#include "compiler/artifact/job_plan.h"
#include "runtime/data/batch.h"
#include "runtime/functions/nested_values.h"
#include "runtime/functions/scalar_kernel.h"

namespace sluice::runtime {

// A list of row positions within a batch, ascending.
using RowList = std::vector<int32_t>;

class EvaluationNode {
 public:
  explicit EvaluationNode(DataType type) : type_(std::move(type)) {}
  virtual ~EvaluationNode() = default;
  // Evaluates rows `rows[0..count)`; returns the vector holding them at their positions.
  virtual const Vector& evaluate(const Batch& input, const int32_t* rows, int count) = 0;
  const DataType& type() const { return type_; }

 protected:
  // The node's own result vector for this evaluation, grown to hold `rows` rows. Collections the
  // previous evaluation wrote are dropped (their child rows are reused), so nested results do not
  // grow from batch to batch: call it once per evaluate(), before writing.
  Vector& result(int rows) {
    Vector& out = retainedResult(rows);
    dropCollections(out);
    return out;
  }
  // The same vector without dropping anything: for results that outlive one evaluation.
  Vector& retainedResult(int rows) {
    if (!result_) result_ = std::make_unique<Vector>(type_, rows);
    if (result_->capacity() < rows) result_->reserve(rows);
    return *result_;
  }

 private:
  DataType type_;
  std::unique_ptr<Vector> result_;
};

struct BuildContext {
  const ScalarFunctionRegistry& registry;
  TaskContext& task;
};

std::unique_ptr<EvaluationNode> buildNode(const artifact::Expression& expression,
                                          BuildContext& context);
std::unique_ptr<EvaluationNode> buildSpecialForm(const artifact::Expression& expression,
                                                 BuildContext& context);
std::unique_ptr<EvaluationNode> buildKernelCall(const artifact::Expression& expression,
                                                BuildContext& context);
// CAST between nested types (ARRAY<INT> to ARRAY<BIGINT>, ROW<a CHAR(1)> to ROW<x STRING>):
// element by element with the scalar CAST kernels; nullptr when `expression` is not one.
std::unique_ptr<EvaluationNode> buildNestedCast(const artifact::Expression& expression,
                                                BuildContext& context);

// The value of a literal of the artifact (CAST(STRING AS type) text, hex for binary types).
Value literalValue(const artifact::Expression& literal, const std::string& timeZone);

}  // namespace sluice::runtime
