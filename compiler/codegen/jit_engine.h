// The ORC JIT that owns Sluice's native code: one LLJIT for the host CPU, an O2/O3 pass
// pipeline run on each module before it is added, and the runtime's kernels defined as absolute
// symbols so modules call them by name (LLVM's KaleidoscopeJIT shape: a factory returning
// Expected, modules added under a ResourceTracker).
#pragma once

#include <llvm/ExecutionEngine/Orc/LLJIT.h>
#include <llvm/IR/Module.h>

#include <memory>
#include <mutex>
#include <set>
#include <string>

namespace sluice::codegen {

class JitEngine {
 public:
  static llvm::Expected<std::unique_ptr<JitEngine>> create(int optimizationLevel);

  const llvm::DataLayout& dataLayout() const { return jit_->getDataLayout(); }
  const llvm::Triple& targetTriple() const { return jit_->getTargetTriple(); }
  std::string hostCpu() const { return cpu_; }
  std::string hostFeatures() const { return features_; }

  // Makes `address` callable from modules as the external function `name`.
  llvm::Error defineSymbol(const std::string& name, void* address);
  // Verifies and optimizes `module` for the host CPU; returns the error text, or empty.
  std::string optimize(llvm::Module& module);
  // Adds an optimized module and returns the address of `function` in it.
  llvm::Expected<void*> add(llvm::orc::ThreadSafeModule module, const std::string& function);

 private:
  JitEngine() = default;
  std::unique_ptr<llvm::orc::LLJIT> jit_;
  std::unique_ptr<llvm::TargetMachine> targetMachine_;
  std::string cpu_;
  std::string features_;
  int optimizationLevel_ = 3;
  std::mutex mutex_;
  std::set<std::string> defined_;
};

}  // namespace sluice::codegen
