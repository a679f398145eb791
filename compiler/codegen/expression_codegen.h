// Emits the IR of one artifact expression for the current row of a compiled Calc loop. Each
// expression yields a value and an i1 "is null"; special forms branch (short-circuit, as the
// interpreter does); small built-ins (integer and floating arithmetic, comparisons) are inline
// instructions; every other call goes to its runtime kernel through the kernel's C ABI.
#pragma once

#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/Module.h>

#include <map>
#include <string>
#include <vector>

#include "compiler/artifact/job_plan.h"
#include "runtime/expression/common_subexpressions.h"
#include "runtime/functions/scalar_kernel.h"

namespace sluice::codegen {

struct EmittedValue {
  llvm::Value* value = nullptr;   // i1 for BOOLEAN, i128 for strings (the 16-byte StringRef)
  llvm::Value* isNull = nullptr;  // i1
};

// What the row loop provides to expressions: the input columns of the current row.
struct RowAccess {
  llvm::Value* row = nullptr;  // i32 row index
  std::vector<llvm::Value*> values;    // per input column: the value array pointer
  std::vector<llvm::Value*> validity;  // per input column: the validity byte array pointer
  std::vector<DataType> types;
  llvm::Value* calls = nullptr;  // FunctionCall* const* (the `calls` argument)
};

// A kernel call the generated code makes: the index into `calls` and what binds it.
struct CallSiteRecord {
  const runtime::ScalarKernel* kernel = nullptr;
  runtime::CallSite site;
};

class ExpressionCodegen {
 public:
  ExpressionCodegen(llvm::Module& module, llvm::IRBuilder<>& builder,
                    const runtime::ScalarFunctionRegistry& registry,
                    std::vector<CallSiteRecord>& callSites,
                    std::map<std::string, void*>& externalSymbols);

  // Whether every part of `expression` can be compiled; otherwise `reason` says what cannot.
  bool supports(const artifact::Expression& expression, std::string& reason) const;
  EmittedValue emit(const artifact::Expression& expression, const RowAccess& row);
  // A Calc's condition: i1, whether the row is kept (TRUE). A top-level AND becomes a chain of
  // conjuncts that leaves for `rejected` at the first FALSE (AND's own short-circuit), so the
  // block of every conjunct dominates the kept rows' code: projections may reuse the value of
  // anything a conjunct computed on every row it saw.
  llvm::Value* emitCondition(const artifact::Expression& condition, const RowAccess& row,
                             llvm::BasicBlock* rejected);

  // The calls in `expression` that qualify to run before the row loop (runtime::PrecomputedCall):
  // batch-first kernels reached on every evaluation of `expression` (not under AND, OR, CASE,
  // COALESCE or a test) whose arguments are scalar input columns and literals.
  void collectBatchFirstCalls(const artifact::Expression& expression,
                              std::vector<const artifact::Expression*>& calls) const;
  // From now on `call` (and, when deterministic, every identical call) reads input column
  // `column` (the runtime's precomputed result) instead of calling its kernel. Returns the index
  // of the call site it binds.
  int precompute(const artifact::Expression& call, int column);
  // The column `call` reads after precompute(), or -1.
  int precomputedColumn(const artifact::Expression& call) const;

  // The in-register type of a column of `type` (i1 for BOOLEAN, i128 for strings).
  llvm::Type* valueType(const DataType& type) const;
  // The in-memory type of a column element (i8 for BOOLEAN).
  llvm::Type* storageType(const DataType& type) const;

 private:
  llvm::Module& module_;
  llvm::IRBuilder<>& builder_;
  llvm::LLVMContext& context_;
  const runtime::ScalarFunctionRegistry& registry_;
  std::vector<CallSiteRecord>& callSites_;
  std::map<std::string, void*>& externalSymbols_;

  std::map<const artifact::Expression*, int> precomputedColumns_;
  std::map<std::string, int> precomputedKeys_;  // by subexpressionKey, for deterministic calls
  // The values computed so far that the code being emitted may reuse (common_subexpressions.h).
  // A value is known in the scope its block dominates; special forms open a scope per branch.
  runtime::SubexpressionScopes<EmittedValue> known_;

  EmittedValue emitUnshared(const artifact::Expression& e, const RowAccess& row);

  EmittedValue column(const artifact::Expression& e, const RowAccess& row);
  EmittedValue readColumn(int column, const RowAccess& row);
  CallSiteRecord callSiteOf(const artifact::Expression& e) const;
  // `$c.f.g`: a scalar field of a ROW column, read through the ROW's child ColumnAbi array.
  EmittedValue fieldAccess(const artifact::Expression& e, const RowAccess& row);
  struct FieldLocation {
    llvm::Value* values = nullptr;    // the value array (for a ROW: its children's ColumnAbi array)
    llvm::Value* validity = nullptr;  // the validity byte array
    llvm::Value* isNull = nullptr;    // i1: this row's value (or an enclosing ROW) is NULL
  };
  FieldLocation locate(const artifact::Expression& e, const RowAccess& row);
  EmittedValue literal(const artifact::Expression& e);
  EmittedValue logical(const artifact::Expression& e, const RowAccess& row, bool isAnd);
  EmittedValue test(const artifact::Expression& e, const RowAccess& row);
  EmittedValue caseWhen(const artifact::Expression& e, const RowAccess& row);
  EmittedValue coalesce(const artifact::Expression& e, const RowAccess& row);
  bool inlinable(const artifact::Expression& e) const;
  EmittedValue inlineOperator(const artifact::Expression& e, const RowAccess& row);
  EmittedValue kernelCall(const artifact::Expression& e, const RowAccess& row);
  llvm::Value* callKernel(const runtime::ScalarKernel& kernel, int siteIndex,
                          const std::vector<EmittedValue>& arguments, const RowAccess& row,
                          llvm::Value*& resultIsNull);
  const runtime::ScalarKernel* findKernel(const artifact::Expression& e) const;
  // The external symbol compiled code calls `kernel` through.
  std::string kernelSymbol(const runtime::ScalarKernel& kernel) const;
  llvm::Value* nullFlag(bool isNull);
  llvm::Value* zeroOf(const DataType& type);
  llvm::Type* abiType(runtime::AbiType type);
};

}  // namespace sluice::codegen
