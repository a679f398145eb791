// The ORC JIT that owns Sluice's native code: one LLJIT for the host CPU, an O2/O3 pass
// pipeline run on each module before it is added, and the runtime's kernels defined as absolute
// symbols so modules call them by name (LLVM's KaleidoscopeJIT shape: a factory returning
// Expected, modules added under a ResourceTracker). Its compiler consults a DiskObjectCache
// before generating code, so a module routed to a stored object skips code generation.
#pragma once

#include <llvm/ExecutionEngine/Orc/LLJIT.h>
#include <llvm/IR/Module.h>

#include <memory>
#include <mutex>
#include <set>
#include <string>

#include "compiler/codegen/disk_object_cache.h"

namespace sluice::codegen {

class JitEngine {
 public:
  static llvm::Expected<std::unique_ptr<JitEngine>> create(int optimizationLevel);

  const llvm::DataLayout& dataLayout() const { return jit_->getDataLayout(); }
  const llvm::Triple& targetTriple() const { return jit_->getTargetTriple(); }
  std::string hostCpu() const { return cpu_; }
  std::string hostFeatures() const { return features_; }

  DiskObjectCache& objectCache() { return objectCache_; }

  // The name of the stored object of a module whose unoptimized IR is `ir`:
  // "<digest>-llvm<version>-<cpu>", the digest covering the IR, the target triple, CPU and
  // features, the optimization level and the cache format version.
  std::string objectKey(llvm::StringRef ir) const;

  // Makes `address` callable from modules as the external function `name`.
  llvm::Error defineSymbol(const std::string& name, void* address);
  // Returns the verifier's complaint about `module`, or empty.
  static std::string verify(const llvm::Module& module);
  // Optimizes a verified `module` for the host CPU.
  void optimize(llvm::Module& module);
  // Adds a module (optimized, or routed to a stored object) and returns the address of
  // `function` in it.
  llvm::Expected<void*> add(llvm::orc::ThreadSafeModule module, const std::string& function);

 private:
  JitEngine() = default;
  DiskObjectCache objectCache_;  // outlives jit_, whose compiler points to it
  std::unique_ptr<llvm::orc::LLJIT> jit_;
  std::unique_ptr<llvm::TargetMachine> targetMachine_;
  std::string cpu_;
  std::string features_;
  int optimizationLevel_ = 3;
  std::mutex mutex_;
  std::set<std::string> defined_;
};

}  // namespace sluice::codegen
