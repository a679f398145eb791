// A Calc node at run time: keeps the rows its condition accepts and computes its projections,
// writing a dense output batch. Two implementations do exactly the same work: the interpreter
// (InterpretedCalc) and native code from compiler/codegen (CompiledCalc, compiled_calc.h).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/artifact/job_plan.h"
#include "runtime/data/batch.h"
#include "runtime/expression/calc_expressions.h"
#include "runtime/expression/expression_program.h"

namespace sluice::runtime {

// A failure of a running job: the message says where (the statement) and why.
class JobFailure : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class CalcOperator {
 public:
  virtual ~CalcOperator() = default;
  // Writes the rows of `input` that pass into `output` (empty on entry, of the node's schema).
  // Throws JobFailure when an expression fails (division by zero, a bad CAST, ...).
  virtual void process(const Batch& input, Batch& output) = 0;
};

class InterpretedCalc final : public CalcOperator {
 public:
  InterpretedCalc(const artifact::Node& node, const ScalarFunctionRegistry& registry,
                  TaskContext& task);
  void process(const Batch& input, Batch& output) override;

 private:
  const artifact::Node& node_;
  TaskContext& task_;
  CalcExpressions expressions_;
  std::vector<int32_t> all_;
  std::vector<int32_t> selected_;

  [[noreturn]] void fail(const Batch& input, const std::vector<int32_t>& rows);
};

// "+I[1, abc]"-style text of one input row, for error messages.
std::string describeRow(const Batch& batch, int row);

}  // namespace sluice::runtime
