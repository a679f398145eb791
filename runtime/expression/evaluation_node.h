// The nodes of an interpreted expression tree (internal to runtime/expression).
#pragma once

#include <memory>
#include <vector>

#include "compiler/artifact/job_plan.h"
#include "runtime/data/batch.h"
#include "runtime/expression/common_subexpressions.h"
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

// A subexpression the expressions of a Calc share (common_subexpressions.h): the node that
// computes it and its result for the Calc's current evaluation.
struct SharedSubexpression {
  std::unique_ptr<EvaluationNode> node;
  const Vector* value = nullptr;
  uint64_t evaluation = 0;  // the evaluation `value` belongs to; 0: none yet
};

// What the expressions of one Calc share while they are built (calc_expressions.h).
struct SharedSubexpressions {
  SubexpressionScopes<std::shared_ptr<SharedSubexpression>> scopes;
  const uint64_t* evaluation = nullptr;  // the Calc's current evaluation, counted from 1
};

struct BuildContext {
  const ScalarFunctionRegistry& registry;
  TaskContext& task;
  // Set when a Calc's expressions are built together; null for an expression on its own.
  SharedSubexpressions* shared = nullptr;
};

// Brackets the building of an operand evaluated on some rows only (a branch of a special form):
// what it computes is not reused outside it. leaveBranches closes `count` of them.
void enterBranch(BuildContext& context);
void leaveBranches(BuildContext& context, size_t count = 1);

std::unique_ptr<EvaluationNode> buildNode(const artifact::Expression& expression,
                                          BuildContext& context);
// A Calc's condition: as buildNode, but a top-level AND's operands (and theirs, for nested
// ANDs) are built in the enclosing scope (common_subexpressions.h), since its later operands run
// only on rows the earlier ones did not reject and the projections only on rows all accepted.
std::unique_ptr<EvaluationNode> buildCondition(const artifact::Expression& expression,
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
