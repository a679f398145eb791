#include "compiler/codegen/llvm_calc_compiler.h"

#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/LLVMContext.h>
#include <llvm/Support/raw_ostream.h>

#include <chrono>

#include "compiler/codegen/calc_codegen.h"
#include "compiler/codegen/jit_engine.h"

namespace sluice::codegen {
namespace {

// What identifies a Calc's code: its expressions and the types it reads and writes.
std::string cacheKey(const artifact::Node& calc, const std::vector<DataType>& inputTypes) {
  std::string key;
  for (const DataType& type : inputTypes) key += type.toString() + ";";
  key += "|";
  if (calc.condition) key += calc.condition->digest();
  key += "|";
  for (const artifact::Expression& projection : calc.projections) {
    key += projection.digest() + ":" + projection.type.toString() + ";";
  }
  return key;
}

}  // namespace

LlvmCalcCompiler::LlvmCalcCompiler(CodegenOptions options) : options_(options) {}

LlvmCalcCompiler::~LlvmCalcCompiler() = default;

void LlvmCalcCompiler::configure(const std::map<std::string, std::string>& configuration) {
  auto level = configuration.find("sqlc.codegen.opt-level");
  if (level != configuration.end()) options_.optimizationLevel = level->second == "2" ? 2 : 3;
}

std::shared_ptr<const runtime::CompiledCalcCode> LlvmCalcCompiler::compile(
    const artifact::Node& calc, const std::vector<DataType>& inputTypes, std::string& reason) {
  const auto started = std::chrono::steady_clock::now();
  std::lock_guard<std::mutex> lock(mutex_);
  const std::string key = cacheKey(calc, inputTypes);
  if (auto hit = cache_.find(key); hit != cache_.end()) return hit->second;
  if (!engine_ && engineError_.empty()) {
    auto engine = JitEngine::create(options_.optimizationLevel);
    if (engine) {
      engine_ = std::move(*engine);
    } else {
      engineError_ = llvm::toString(engine.takeError());
    }
  }
  if (!engine_) {
    reason = "the JIT could not start: " + engineError_;
    return nullptr;
  }
  auto context = std::make_unique<llvm::LLVMContext>();
  const std::string name = "calc_" + std::to_string(cache_.size() + 1);
  auto module = std::make_unique<llvm::Module>(name, *context);
  module->setDataLayout(engine_->dataLayout());
  module->setTargetTriple(engine_->targetTriple().str());
  CalcCodegen codegen(*module, runtime::ScalarFunctionRegistry::builtins());
  if (!codegen.supports(calc, inputTypes, reason)) return nullptr;
  codegen.emit(calc, inputTypes, name, engine_->hostCpu(), engine_->hostFeatures());
  if (std::string error = engine_->optimize(*module); !error.empty()) {
    reason = error;
    return nullptr;
  }
  auto code = std::make_shared<runtime::CompiledCalcCode>();
  llvm::raw_string_ostream ir(code->optimizedIr);
  module->print(ir, nullptr);
  ir.flush();
  for (const auto& [symbol, address] : codegen.externalSymbols()) {
    if (auto error = engine_->defineSymbol(symbol, address)) {
      reason = llvm::toString(std::move(error));
      return nullptr;
    }
  }
  // Call sites are bound once; every task running this code shares them.
  for (CallSiteRecord& record : codegen.callSites()) {
    if (record.kernel->bind) {
      const std::string error = record.kernel->bind(record.site);
      if (!error.empty()) {
        reason = record.site.function + ": " + error;
        return nullptr;
      }
    }
    code->sites.push_back(std::move(record.site));
  }
  auto address = engine_->add(llvm::orc::ThreadSafeModule(std::move(module), std::move(context)), name);
  if (!address) {
    reason = llvm::toString(address.takeError());
    return nullptr;
  }
  code->function = reinterpret_cast<runtime::CalcFunction>(*address);
  code->compileMillis =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  cache_[key] = code;
  return code;
}

}  // namespace sluice::codegen
