// The calls compiled code reads as columns (PrecomputedCall): before each batch's row loop, every
// such call runs once over the batch through its kernel's vector entry, and its result vector is
// handed to the code as one more input column. For a native library this is its batch entry: one
// call per batch whose loop the library's compiler optimized, instead of one call per row.
#pragma once

#include <optional>
#include <vector>

#include "runtime/data/batch.h"
#include "runtime/execution/compiled_calc.h"

namespace sluice::runtime {

class PrecomputedCalls {
 public:
  // `calls` are the code's FunctionCalls, one per site (owned by the CompiledCalc).
  PrecomputedCalls(const CompiledCalcCode& code, std::vector<FunctionCall>& calls);

  bool empty() const { return results_.empty(); }
  // Runs every call over `input` and appends their result columns to `columns` (a call that
  // writes an output column directly writes it in `output`). A kernel failure leaves
  // task->failed set (the caller names the row).
  void run(const Batch& input, Batch& output, std::vector<ColumnAbi>& columns);

 private:
  struct Argument {
    int column = -1;   // an input column, or -1 for `constant`
    Value literal;
    std::optional<Vector> constant;  // `literal` repeated on every row, filled up to `filled` rows
    int filled = 0;
  };
  struct Call {
    const PrecomputedCall* call = nullptr;
    FunctionCall* function = nullptr;
    std::vector<Argument> arguments;
  };

  const Vector& argumentVector(Argument& argument, const Batch& input, int rows, Arena& constants);

  std::vector<Call> calls_;
  std::vector<Vector> results_;
  std::vector<const Vector*> argumentVectors_;
  std::vector<int32_t> everyRow_;  // 0, 1, 2, ...: the rows when no argument is NULL
  std::vector<int32_t> callable_;  // the rows without a NULL argument otherwise
};

}  // namespace sluice::runtime
