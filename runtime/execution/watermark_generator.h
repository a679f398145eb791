// Event time for one source split or WatermarkAssigner instance: the watermark is the largest
// value the `WATERMARK FOR ts AS expr` expression has taken over the rows seen so far, so it never
// goes back (Flink's bounded-out-of-orderness generator for `ts - INTERVAL ..`).
#pragma once

#include <climits>
#include <cstdint>
#include <memory>

#include "runtime/expression/expression_program.h"

namespace sluice::runtime {

class WatermarkGenerator {
 public:
  WatermarkGenerator(const artifact::Expression& expression, const ScalarFunctionRegistry& registry,
                     TaskContext& task);
  // Updates the watermark from a batch; returns true when it advanced.
  bool observe(const Batch& batch);
  int64_t current() const { return current_; }

  static constexpr int64_t kNone = INT64_MIN;
  static constexpr int64_t kEndOfTime = INT64_MAX;

 private:
  std::unique_ptr<ExpressionProgram> program_;
  std::vector<int32_t> rows_;
  int64_t current_ = kNone;
};

}  // namespace sluice::runtime
