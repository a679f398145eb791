// Event time for one source split or WatermarkAssigner instance: the watermark is the largest
// value the `WATERMARK FOR ts AS expr` expression has taken over the rows seen so far, so it never
// goes back (Flink's bounded-out-of-orderness generator for `ts - INTERVAL ..`).
#pragma once

#include <climits>
#include <cstdint>
#include <memory>

#include "runtime/execution/compiled_calc.h"
#include "runtime/expression/expression_program.h"

namespace sluice::runtime {

class WatermarkGenerator {
 public:
  // With a `compiler` (compiled and adaptive modes), the expression over rows of `inputTypes` runs
  // as native code when the code generator takes it: every source row pays for it.
  WatermarkGenerator(const artifact::Expression& expression, const ScalarFunctionRegistry& registry,
                     TaskContext& task, CalcCompiler* compiler = nullptr,
                     const std::vector<DataType>& inputTypes = {});
  // Updates the watermark from a batch; returns true when it advanced.
  bool observe(const Batch& batch);
  int64_t current() const { return current_; }

  static constexpr int64_t kNone = INT64_MIN;
  static constexpr int64_t kEndOfTime = INT64_MAX;

 private:
  std::unique_ptr<ExpressionProgram> program_;
  std::vector<int32_t> rows_;
  artifact::Node calc_;  // SELECT <expression>: what compiled code computes
  std::unique_ptr<CompiledCalc> compiled_;
  std::unique_ptr<Batch> values_;  // compiled code's output
  int64_t current_ = kNone;
};

}  // namespace sluice::runtime
