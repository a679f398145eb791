// Compiled Calc objects kept in a directory across processes (`sqlc.codegen.cache-dir`). The JIT's
// compiler consults this llvm::ObjectCache before generating code for a module: the calc
// compiler routes a module to a stored object (no optimization, no code generation) or to the
// file its freshly generated object is written to.
//
// An entry is the relocatable object followed by a 32-byte trailer (magic, format version, object
// size, xxHash64 of the object), so `objdump` still reads it and a truncated or damaged entry is
// recognized and recompiled rather than linked. Entries are written to a unique temporary file
// and renamed into place: readers see a whole entry or none.
#pragma once

#include <llvm/ExecutionEngine/ObjectCache.h>
#include <llvm/Support/MemoryBuffer.h>

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace sluice::codegen {

class DiskObjectCache final : public llvm::ObjectCache {
 public:
  // Part of every entry's name and trailer. Bump it when the trailer or the contract between
  // generated code and the runtime (runtime/execution/compiled_calc.h) changes.
  static constexpr uint32_t kFormatVersion = 1;

  // The object stored at `path`; nullptr when there is none, or when the entry is damaged (then
  // `problem` says how).
  static std::unique_ptr<llvm::MemoryBuffer> read(const std::string& path, std::string& problem);
  // Stores `object` at `path` (creating its directory); returns the error text, or empty.
  static std::string write(const std::string& path, llvm::StringRef object);

  // Routes the next compile of the module whose identifier is the entry's `path`: with `object`
  // the JIT links it instead of generating code; without, the object it generates is written to
  // `path`.
  void expect(const std::string& path, std::unique_ptr<llvm::MemoryBuffer> object);
  // Ends the routing of `path`; returns what went wrong with its entry, or empty.
  std::string finish(const std::string& path);

  std::unique_ptr<llvm::MemoryBuffer> getObject(const llvm::Module* module) override;
  void notifyObjectCompiled(const llvm::Module* module, llvm::MemoryBufferRef object) override;

 private:
  struct Route {
    std::unique_ptr<llvm::MemoryBuffer> object;  // handed to the JIT by getObject
    bool stored = false;                         // the route started with a stored object
    std::string problem;
  };

  std::mutex mutex_;
  std::map<std::string, Route> routes_;  // by entry path, the module's identifier
};

}  // namespace sluice::codegen
