// The runtime's CalcCompiler backed by LLVM: each Calc node becomes one native function with its
// filter and every projection fused into a single loop over the batch (calc_codegen.cpp), and
// each aggregate buffer layout one update loop (aggregate_update_codegen.cpp); both are cached
// in memory by the node's digest and input types so instances and restarts within the process
// share it. With a cache directory, the object code of each node is also kept on disk
// (disk_object_cache.h) and later processes link it without optimizing or generating code.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "runtime/execution/compiled_calc.h"
#include "runtime/operators/aggregate_update_code.h"

namespace sluice::codegen {

class JitEngine;

struct CodegenOptions {
  int optimizationLevel = 3;  // sqlc.codegen.opt-level: 2 or 3
  // sqlc.codegen.cache-dir: where compiled objects are stored across processes; empty: nowhere.
  std::string cacheDirectory;
};

class LlvmCalcCompiler final : public runtime::CalcCompiler {
 public:
  explicit LlvmCalcCompiler(CodegenOptions options);
  ~LlvmCalcCompiler() override;

  // Reads the codegen options of a job's configuration (sqlc.codegen.opt-level,
  // sqlc.codegen.cache-dir) over the constructor's; an option the job does not set keeps the
  // constructor's value.
  void configure(const std::map<std::string, std::string>& configuration);

  using runtime::CalcCompiler::compile;
  std::shared_ptr<const runtime::CompiledCalcCode> compile(const artifact::Node& calc,
                                                           const std::vector<DataType>& inputTypes,
                                                           const runtime::ScalarFunctionRegistry& functions,
                                                           std::string& reason) override;
  std::shared_ptr<const runtime::CompiledAggregateUpdate> compileAggregateUpdate(
      const runtime::AggregateUpdateLayout& layout, std::string& reason) override;

  // Milliseconds spent generating native code so far (cache hits cost nothing), for reports.
  double codegenMillis();

 private:
  struct Attempt;

  bool startEngine(std::string& reason);
  // Generates the function `name` of `calc` and adds it to the JIT, through the disk cache when
  // `cacheDirectory` is not empty.
  Attempt attempt(const artifact::Node& calc, const std::vector<DataType>& inputTypes,
                  const runtime::ScalarFunctionRegistry& functions, const std::string& name,
                  const std::string& cacheDirectory);

  const CodegenOptions defaults_;
  CodegenOptions options_;
  std::mutex mutex_;
  std::unique_ptr<JitEngine> engine_;
  std::string engineError_;
  std::map<std::string, std::shared_ptr<const runtime::CompiledCalcCode>> cache_;
  std::map<std::string, std::shared_ptr<const runtime::CompiledAggregateUpdate>> aggregateCache_;
  double codegenMillis_ = 0;
};

}  // namespace sluice::codegen
