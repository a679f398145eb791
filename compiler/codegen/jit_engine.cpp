#include "compiler/codegen/jit_engine.h"

#include <llvm/ADT/StringExtras.h>
#include <llvm/Analysis/CGSCCPassManager.h>
#include <llvm/Analysis/LoopAnalysisManager.h>
#include <llvm/Config/llvm-config.h>
#include <llvm/ExecutionEngine/Orc/CompileUtils.h>
#include <llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h>
#include <llvm/IR/PassManager.h>
#include <llvm/IR/Verifier.h>
#include <llvm/Passes/PassBuilder.h>
#include <llvm/Support/SHA256.h>
#include <llvm/Support/TargetSelect.h>
#include <llvm/Support/raw_ostream.h>

namespace sluice::codegen {

llvm::Expected<std::unique_ptr<JitEngine>> JitEngine::create(int optimizationLevel) {
  llvm::InitializeNativeTarget();
  llvm::InitializeNativeTargetAsmPrinter();
  auto builder = llvm::orc::JITTargetMachineBuilder::detectHost();
  if (!builder) return builder.takeError();
  builder->setCodeGenOptLevel(optimizationLevel >= 3 ? llvm::CodeGenOpt::Aggressive
                                                     : llvm::CodeGenOpt::Default);
  auto targetMachine = builder->createTargetMachine();
  if (!targetMachine) return targetMachine.takeError();
  std::unique_ptr<JitEngine> engine(new JitEngine());
  // What LLJIT builds by default without compile threads, with the object cache plugged in.
  DiskObjectCache* cache = &engine->objectCache_;
  auto compiler = [cache](llvm::orc::JITTargetMachineBuilder machine)
      -> llvm::Expected<std::unique_ptr<llvm::orc::IRCompileLayer::IRCompiler>> {
    auto compileMachine = machine.createTargetMachine();
    if (!compileMachine) return compileMachine.takeError();
    return std::make_unique<llvm::orc::TMOwningSimpleCompiler>(std::move(*compileMachine), cache);
  };
  auto jit = llvm::orc::LLJITBuilder()
                 .setJITTargetMachineBuilder(*builder)
                 .setCompileFunctionCreator(std::move(compiler))
                 .create();
  if (!jit) return jit.takeError();
  engine->cpu_ = builder->getCPU();
  engine->features_ = builder->getFeatures().getString();
  engine->targetMachine_ = std::move(*targetMachine);
  engine->jit_ = std::move(*jit);
  engine->optimizationLevel_ = optimizationLevel;
  return engine;
}

llvm::Error JitEngine::defineSymbol(const std::string& name, void* address) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!defined_.insert(name).second) return llvm::Error::success();
  llvm::orc::SymbolMap symbols;
  symbols[jit_->mangleAndIntern(name)] = llvm::JITEvaluatedSymbol(
      llvm::pointerToJITTargetAddress(address),
      llvm::JITSymbolFlags::Exported | llvm::JITSymbolFlags::Callable);
  return jit_->getMainJITDylib().define(llvm::orc::absoluteSymbols(std::move(symbols)));
}

std::string JitEngine::objectKey(llvm::StringRef ir) const {
  llvm::SHA256 digest;
  for (const std::string& part :
       {std::to_string(DiskObjectCache::kFormatVersion), std::string(LLVM_VERSION_STRING),
        jit_->getTargetTriple().str(), cpu_, features_, std::to_string(optimizationLevel_)}) {
    digest.update(part);
    digest.update(llvm::StringRef("\n"));
  }
  digest.update(ir);
  std::string cpu = cpu_.empty() ? "generic" : cpu_;
  for (char& c : cpu) {
    if (!llvm::isAlnum(c) && c != '-' && c != '_' && c != '.') c = '_';
  }
  return llvm::toHex(digest.final(), /*LowerCase=*/true).substr(0, 32) + "-llvm" +
         LLVM_VERSION_STRING + "-" + cpu;
}

std::string JitEngine::verify(const llvm::Module& module) {
  std::string problems;
  llvm::raw_string_ostream stream(problems);
  if (llvm::verifyModule(module, &stream)) return "generated IR is invalid: " + stream.str();
  return "";
}

void JitEngine::optimize(llvm::Module& module) {
  llvm::LoopAnalysisManager loops;
  llvm::FunctionAnalysisManager functions;
  llvm::CGSCCAnalysisManager sccs;
  llvm::ModuleAnalysisManager modules;
  llvm::PassBuilder passes(targetMachine_.get());
  passes.registerModuleAnalyses(modules);
  passes.registerCGSCCAnalyses(sccs);
  passes.registerFunctionAnalyses(functions);
  passes.registerLoopAnalyses(loops);
  passes.crossRegisterProxies(loops, functions, sccs, modules);
  const llvm::OptimizationLevel level =
      optimizationLevel_ >= 3 ? llvm::OptimizationLevel::O3 : llvm::OptimizationLevel::O2;
  llvm::ModulePassManager pipeline = passes.buildPerModuleDefaultPipeline(level);
  pipeline.run(module, modules);
}

llvm::Expected<void*> JitEngine::add(llvm::orc::ThreadSafeModule module,
                                     const std::string& function) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto tracker = jit_->getMainJITDylib().createResourceTracker();
  if (auto error = jit_->addIRModule(tracker, std::move(module))) return error;
  auto address = jit_->lookup(function);
  if (!address) return address.takeError();
  return address->toPtr<void*>();
}

}  // namespace sluice::codegen
