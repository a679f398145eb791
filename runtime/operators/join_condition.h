// The part of a join's ON clause that is not an equality of join keys (`l.price > r.reserve`),
// evaluated for one input row against the other side's rows stored under its join key. The
// joined rows are laid out in a batch and the condition runs on them as a Calc with one BOOLEAN
// projection, through the interpreter, so every SQL function works in it.
#pragma once

#include <memory>
#include <vector>

#include "compiler/artifact/job_plan.h"
#include "runtime/data/batch.h"
#include "runtime/execution/calc_operator.h"
#include "runtime/operators/join_record_state.h"

namespace sluice::runtime {

class JoinCondition {
 public:
  // `join`'s condition over `leftTypes` then `rightTypes` columns; none: every pair joins.
  JoinCondition(const artifact::Node& join, const std::vector<DataType>& leftTypes,
                const std::vector<DataType>& rightTypes, const ScalarFunctionRegistry& registry,
                const std::string& timeZone);

  // joins[i]: whether `row` (of the left input when rowIsLeft) joins others[i]. A NULL or FALSE
  // condition does not join.
  void evaluate(const std::vector<Value>& row, bool rowIsLeft,
                const std::vector<JoinRecord>& others, std::vector<uint8_t>& joins);
  // The same against `count` rows from `others`.
  void evaluate(const std::vector<Value>& row, bool rowIsLeft, const JoinRecord* others,
                size_t count, std::vector<uint8_t>& joins);
  // joins[i]: whether row i of `joined` (left columns, then right columns) joins.
  void evaluate(Batch& joined, std::vector<uint8_t>& joins);

 private:
  artifact::Node calc_;  // projections: {condition}
  TaskContext task_;
  std::unique_ptr<InterpretedCalc> program_;
  std::vector<DataType> leftTypes_;
  std::vector<DataType> rightTypes_;
  Batch joined_;
  Batch result_;
};

}  // namespace sluice::runtime
