// The native function of one Calc node: a loop over the input batch that evaluates the filter,
// and for each kept row every projection, writing straight into the output vectors (no
// intermediate vectors). Signature: runtime::CalcFunction (runtime/execution/compiled_calc.h).
// One ExpressionCodegen emits the filter and then the projections, so a deterministic
// subexpression they repeat is computed once per row where the rules of
// runtime/expression/common_subexpressions.h allow it, as the interpreter does.
#pragma once

#include <llvm/IR/Module.h>

#include <map>
#include <string>
#include <vector>

#include "compiler/codegen/expression_codegen.h"
#include "runtime/execution/compiled_calc.h"

namespace sluice::codegen {

class CalcCodegen {
 public:
  CalcCodegen(llvm::Module& module, const runtime::ScalarFunctionRegistry& registry);

  bool supports(const artifact::Node& calc, const std::vector<DataType>& inputTypes,
                std::string& reason);
  llvm::Function* emit(const artifact::Node& calc, const std::vector<DataType>& inputTypes,
                       const std::string& name, const std::string& cpu,
                       const std::string& features);

  std::vector<CallSiteRecord>& callSites() { return callSites_; }
  // The calls the emitted code reads as extra input columns (indexes into callSites()).
  const std::vector<runtime::PrecomputedCall>& precomputed() const { return precomputed_; }
  const std::map<std::string, void*>& externalSymbols() const { return externalSymbols_; }

 private:
  llvm::Module& module_;
  const runtime::ScalarFunctionRegistry& registry_;
  std::vector<CallSiteRecord> callSites_;
  std::map<std::string, void*> externalSymbols_;
  std::vector<runtime::PrecomputedCall> precomputed_;

  // Finds the calls to run over the whole batch first and gives each an extra input column
  // (appended to `columnTypes`).
  void precomputeBatchFirstCalls(const artifact::Node& calc, ExpressionCodegen& expressions,
                                 std::vector<DataType>& columnTypes);
};

}  // namespace sluice::codegen
