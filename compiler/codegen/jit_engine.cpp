#include "compiler/codegen/jit_engine.h"

#include <llvm/Analysis/CGSCCPassManager.h>
#include <llvm/Analysis/LoopAnalysisManager.h>
#include <llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h>
#include <llvm/IR/PassManager.h>
#include <llvm/IR/Verifier.h>
#include <llvm/Passes/PassBuilder.h>
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
  auto jit = llvm::orc::LLJITBuilder().setJITTargetMachineBuilder(*builder).create();
  if (!jit) return jit.takeError();
  std::unique_ptr<JitEngine> engine(new JitEngine());
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

std::string JitEngine::optimize(llvm::Module& module) {
  std::string problems;
  llvm::raw_string_ostream stream(problems);
  if (llvm::verifyModule(module, &stream)) return "generated IR is invalid: " + stream.str();
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
  return "";
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
