#include "compiler/codegen/llvm_calc_compiler.h"

#include <fmt/format.h>
#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/LLVMContext.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/Support/xxhash.h>

#include <chrono>
#include <filesystem>

#include "compiler/codegen/aggregate_update_codegen.h"
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

std::string printed(const llvm::Module& module) {
  std::string text;
  llvm::raw_string_ostream out(text);
  module.print(out, nullptr);
  out.flush();
  return text;
}

void addProblem(std::string& problems, const std::string& problem) {
  if (problem.empty()) return;
  problems += (problems.empty() ? "" : "; ") + problem;
}

// With a cache directory, routes `module` so that the JIT's compiler links the stored object of
// this exact IR, or stores the object it generates (disk_object_cache.h). Returns the entry's
// path, which also names the route; empty without a directory.
std::string routeThroughDiskCache(JitEngine& engine, llvm::Module& module,
                                  const std::string& directory, runtime::CompiledCalcCode& code) {
  if (directory.empty()) return "";
  const std::string path =
      (std::filesystem::path(directory) / (engine.objectKey(printed(module)) + ".o")).string();
  std::unique_ptr<llvm::MemoryBuffer> stored = DiskObjectCache::read(path, code.diskCacheProblem);
  code.fromDiskCache = stored != nullptr;
  module.setModuleIdentifier(path);
  engine.objectCache().expect(path, std::move(stored));
  return path;
}

}  // namespace

struct LlvmCalcCompiler::Attempt {
  std::shared_ptr<runtime::CompiledCalcCode> code;
  std::string reason;       // why there is no code
  std::string failedEntry;  // a stored object that passed its checks but did not link
};

LlvmCalcCompiler::LlvmCalcCompiler(CodegenOptions options)
    : defaults_(options), options_(std::move(options)) {}

LlvmCalcCompiler::~LlvmCalcCompiler() = default;

void LlvmCalcCompiler::configure(const std::map<std::string, std::string>& configuration) {
  std::lock_guard<std::mutex> lock(mutex_);
  options_ = defaults_;
  auto level = configuration.find("sqlc.codegen.opt-level");
  if (level != configuration.end()) options_.optimizationLevel = level->second == "2" ? 2 : 3;
  auto directory = configuration.find("sqlc.codegen.cache-dir");
  if (directory != configuration.end()) options_.cacheDirectory = directory->second;
}

bool LlvmCalcCompiler::startEngine(std::string& reason) {
  if (!engine_ && engineError_.empty()) {
    auto engine = JitEngine::create(options_.optimizationLevel);
    if (engine) {
      engine_ = std::move(*engine);
    } else {
      engineError_ = llvm::toString(engine.takeError());
    }
  }
  if (engine_) return true;
  reason = "the JIT could not start: " + engineError_;
  return false;
}

std::shared_ptr<const runtime::CompiledCalcCode> LlvmCalcCompiler::compile(
    const artifact::Node& calc, const std::vector<DataType>& inputTypes,
    const runtime::ScalarFunctionRegistry& functions, std::string& reason) {
  const auto started = std::chrono::steady_clock::now();
  std::lock_guard<std::mutex> lock(mutex_);
  // A job's native functions are part of the key: the same SQL may call another library's.
  const std::string key = cacheKey(calc, inputTypes) + "|" + functions.extensionKey();
  if (auto hit = cache_.find(key); hit != cache_.end()) return hit->second;
  if (!startEngine(reason)) return nullptr;
  // Named after the node's digest rather than a counter: a stored object from another process
  // defines the symbol this one looks up.
  const std::string name = fmt::format("sluice_calc_{:016x}", llvm::xxHash64(key));
  Attempt result = attempt(calc, inputTypes, functions, name, options_.cacheDirectory);
  if (!result.failedEntry.empty()) {
    // Its symbol failed in the JIT: generate the code again under another name, and let the
    // next process store a good entry.
    llvm::sys::fs::remove(result.failedEntry);
    const std::string problem = "cached object " + result.failedEntry + " did not link (" +
                                result.reason + "); recompiled it";
    result = attempt(calc, inputTypes, functions, name + "_recompiled", "");
    if (result.code) addProblem(result.code->diskCacheProblem, problem);
  }
  if (!result.code) {
    reason = result.reason;
    return nullptr;
  }
  result.code->compileMillis =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  codegenMillis_ += result.code->compileMillis;
  cache_[key] = result.code;
  return result.code;
}

std::shared_ptr<const runtime::CompiledAggregateUpdate> LlvmCalcCompiler::compileAggregateUpdate(
    const runtime::AggregateUpdateLayout& layout, std::string& reason) {
  const auto started = std::chrono::steady_clock::now();
  std::lock_guard<std::mutex> lock(mutex_);
  const std::string key = layout.digest();
  if (auto hit = aggregateCache_.find(key); hit != aggregateCache_.end()) return hit->second;
  if (!startEngine(reason)) return nullptr;
  const std::string name = fmt::format("sluice_aggregate_update_{:016x}", llvm::xxHash64(key));
  auto context = std::make_unique<llvm::LLVMContext>();
  auto module = std::make_unique<llvm::Module>(name, *context);
  module->setDataLayout(engine_->dataLayout());
  module->setTargetTriple(engine_->targetTriple().str());
  emitAggregateUpdate(*module, layout, name, engine_->hostCpu(), engine_->hostFeatures());
  reason = JitEngine::verify(*module);
  if (!reason.empty()) return nullptr;
  // Small and quick to generate: not worth the disk cache.
  engine_->optimize(*module);
  auto code = std::make_shared<runtime::CompiledAggregateUpdate>();
  code->optimizedIr = printed(*module);
  auto address =
      engine_->add(llvm::orc::ThreadSafeModule(std::move(module), std::move(context)), name);
  if (!address) {
    reason = llvm::toString(address.takeError());
    return nullptr;
  }
  code->function = reinterpret_cast<runtime::AggregateUpdateFunction>(*address);
  code->compileMillis =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  codegenMillis_ += code->compileMillis;
  aggregateCache_[key] = code;
  return code;
}

double LlvmCalcCompiler::codegenMillis() {
  std::lock_guard<std::mutex> lock(mutex_);
  return codegenMillis_;
}

LlvmCalcCompiler::Attempt LlvmCalcCompiler::attempt(const artifact::Node& calc,
                                                    const std::vector<DataType>& inputTypes,
                                                    const runtime::ScalarFunctionRegistry& functions,
                                                    const std::string& name,
                                                    const std::string& cacheDirectory) {
  Attempt result;
  auto context = std::make_unique<llvm::LLVMContext>();
  auto module = std::make_unique<llvm::Module>(name, *context);
  module->setDataLayout(engine_->dataLayout());
  module->setTargetTriple(engine_->targetTriple().str());
  CalcCodegen codegen(*module, functions);
  if (!codegen.supports(calc, inputTypes, result.reason)) return result;
  codegen.emit(calc, inputTypes, name, engine_->hostCpu(), engine_->hostFeatures());
  result.reason = JitEngine::verify(*module);
  if (!result.reason.empty()) return result;
  for (const auto& [symbol, address] : codegen.externalSymbols()) {
    if (auto error = engine_->defineSymbol(symbol, address)) {
      result.reason = llvm::toString(std::move(error));
      return result;
    }
  }
  auto code = std::make_shared<runtime::CompiledCalcCode>();
  // Call sites are bound once; every task running this code shares them.
  for (CallSiteRecord& record : codegen.callSites()) {
    if (record.kernel->bind) {
      const std::string error = record.kernel->bind(record.site);
      if (!error.empty()) {
        result.reason = record.site.function + ": " + error;
        return result;
      }
    }
    code->sites.push_back(std::move(record.site));
  }
  code->precomputed = codegen.precomputed();

  const std::string path = routeThroughDiskCache(*engine_, *module, cacheDirectory, *code);
  if (!code->fromDiskCache) {
    engine_->optimize(*module);
    code->optimizedIr = printed(*module);
  }
  auto address =
      engine_->add(llvm::orc::ThreadSafeModule(std::move(module), std::move(context)), name);
  if (!path.empty()) {
    addProblem(code->diskCacheProblem, engine_->objectCache().finish(path));
  }
  if (!address) {
    result.reason = llvm::toString(address.takeError());
    if (code->fromDiskCache) result.failedEntry = path;
    return result;
  }
  code->function = reinterpret_cast<runtime::CalcFunction>(*address);
  result.code = std::move(code);
  return result;
}

}  // namespace sluice::codegen
