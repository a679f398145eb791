// The runtime's CalcCompiler backed by LLVM: each Calc node becomes one native function with its
// filter and every projection fused into a single loop over the batch (calc_codegen.cpp), cached
// in memory by the node's digest and input types so instances and restarts within the process
// share it.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "runtime/execution/compiled_calc.h"

namespace sluice::codegen {

class JitEngine;

struct CodegenOptions {
  int optimizationLevel = 3;  // sqlc.codegen.opt-level: 2 or 3
};

class LlvmCalcCompiler final : public runtime::CalcCompiler {
 public:
  explicit LlvmCalcCompiler(CodegenOptions options);
  ~LlvmCalcCompiler() override;

  // Reads the codegen options of a job's configuration (sqlc.codegen.opt-level).
  void configure(const std::map<std::string, std::string>& configuration);

  std::shared_ptr<const runtime::CompiledCalcCode> compile(const artifact::Node& calc,
                                                           const std::vector<DataType>& inputTypes,
                                                           std::string& reason) override;

 private:
  CodegenOptions options_;
  std::mutex mutex_;
  std::unique_ptr<JitEngine> engine_;
  std::string engineError_;
  std::map<std::string, std::shared_ptr<const runtime::CompiledCalcCode>> cache_;
};

}  // namespace sluice::codegen
