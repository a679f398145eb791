// The contract between compiled pipelines (compiler/codegen) and the runtime. Compiled code sees
// batches as flat C structs and calls kernels through FunctionCall pointers it is handed, so the
// same native code serves every task and can be cached across jobs.
#pragma once

#include <deque>
#include <future>
#include <memory>
#include <string>
#include <vector>

#include "runtime/execution/calc_operator.h"
#include "runtime/functions/scalar_kernel.h"

namespace sluice::runtime {

extern "C" {
struct ColumnAbi {
  // The Vector's value array (StringRef for strings); for a ROW, an array of one ColumnAbi per
  // field, row-aligned with the ROW.
  void* values;
  uint8_t* validity;  // 1 = not null
};
struct BatchAbi {
  int32_t rowCount;
  int32_t capacity;
  ColumnAbi* columns;
  RowKind* rowKinds;
};
}

// Writes the surviving rows of `in` to `out` and returns their count. A kernel failure sets
// task->failed; the code then stops and returns what it wrote so far.
using CalcFunction = int32_t (*)(const BatchAbi* in, BatchAbi* out, FunctionCall* const* calls,
                                 TaskContext* task);

// A kernel call compiled code does not make per row: the runtime calls the kernel's vector entry
// over the whole batch first, and the code reads the result as one more input column (the
// precomputed calls' columns follow the input's, in this order). Only calls that run on every
// row qualify (not under a branch, not in a projection behind a filter), with input columns and
// literals as arguments (runtime::ScalarKernel::batchFirst).
struct PrecomputedCall {
  int site = 0;             // index into CompiledCalcCode::sites (bound like any call site)
  VectorEntry entry = nullptr;
  std::vector<int> arguments;  // per argument: its input column, or -1 for the site's constant
  DataType type;
  // A projection that is the call itself, in a Calc without a filter: the result goes straight
  // into that output column, which the code then leaves alone; -1 otherwise.
  int outputColumn = -1;
};

struct CompiledCalcCode {
  CalcFunction function = nullptr;
  // One call site per kernel call in the code, in the order of the `calls` argument; already
  // bound (the kernel's bind hook has run).
  std::vector<CallSite> sites;
  std::vector<PrecomputedCall> precomputed;
  std::string optimizedIr;     // for `sqlc explain --ir`; empty when loaded from the disk cache
  double compileMillis = 0;    // parse-to-native time of this node's code
  bool fromDiskCache = false;  // linked from `sqlc.codegen.cache-dir`: nothing was optimized
  // What went wrong with the disk cache (a damaged entry recompiled, an entry not written), for
  // the job's notes; empty when it worked or is not used.
  std::string diskCacheProblem;
  std::shared_ptr<void> resources;  // keeps the JIT'd code alive
};

struct AggregateUpdateLayout;
struct CompiledAggregateUpdate;

// Compiles a job's native code: its Calc nodes, and the update loops of the aggregate buffers
// its aggregations combine rows in (runtime/operators/aggregate_update_code.h).
class CalcCompiler {
 public:
  virtual ~CalcCompiler() = default;
  // Native code for a Calc node over `inputTypes` calling the kernels of `functions` (the job's
  // registry: built-ins and its native functions); nullptr with `reason` when an expression is
  // not supported by the code generator (the interpreter then runs the node).
  virtual std::shared_ptr<const CompiledCalcCode> compile(const artifact::Node& calc,
                                                          const std::vector<DataType>& inputTypes,
                                                          const ScalarFunctionRegistry& functions,
                                                          std::string& reason) = 0;
  // The same over the built-in functions only.
  std::shared_ptr<const CompiledCalcCode> compile(const artifact::Node& calc,
                                                  const std::vector<DataType>& inputTypes,
                                                  std::string& reason) {
    return compile(calc, inputTypes, ScalarFunctionRegistry::builtins(), reason);
  }
  // Native hashing, probing and accumulator updates for a buffer of `layout`; nullptr with
  // `reason` when there is none (the buffer then runs its C++ loops).
  virtual std::shared_ptr<const CompiledAggregateUpdate> compileAggregateUpdate(
      const AggregateUpdateLayout& layout, std::string& reason) {
    (void)layout;
    reason = "no code generator for aggregate updates";
    return nullptr;
  }
};

// How a job runs its Calc nodes (`sqlc.jit.mode`).
enum class JitMode : uint8_t { Interpreted, Compiled, Adaptive };

class PrecomputedCalls;

// A Calc running compiled code, with the interpreter beside it to name a failing row.
class CompiledCalc final : public CalcOperator {
 public:
  CompiledCalc(std::shared_ptr<const CompiledCalcCode> code,
               std::unique_ptr<InterpretedCalc> reference, TaskContext& task);
  ~CompiledCalc() override;
  void process(const Batch& input, Batch& output) override;

 private:
  std::shared_ptr<const CompiledCalcCode> code_;
  std::unique_ptr<InterpretedCalc> reference_;
  TaskContext& task_;
  std::vector<FunctionCall> calls_;
  std::vector<FunctionCall*> callPointers_;
  std::unique_ptr<PrecomputedCalls> precomputed_;  // null when the code has none
  std::vector<ColumnAbi> inputColumns_;
  std::vector<ColumnAbi> outputColumns_;
  std::deque<std::vector<ColumnAbi>> rowFields_;  // the fields of ROW columns, per batch
};

// Starts on the interpreter and switches to native code once its compilation (shared by every
// instance of the node) is ready.
class AdaptiveCalc final : public CalcOperator {
 public:
  AdaptiveCalc(std::shared_future<std::shared_ptr<const CompiledCalcCode>> code,
               std::unique_ptr<InterpretedCalc> interpreted, TaskContext& task);
  void process(const Batch& input, Batch& output) override;
  bool switched() const { return native_ != nullptr; }

 private:
  std::shared_future<std::shared_ptr<const CompiledCalcCode>> code_;
  std::unique_ptr<InterpretedCalc> interpreted_;  // runs until the code is ready, then names errors
  std::unique_ptr<CompiledCalc> native_;
  TaskContext& task_;
};

}  // namespace sluice::runtime
