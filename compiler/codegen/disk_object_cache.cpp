#include "compiler/codegen/disk_object_cache.h"

#include <llvm/ADT/SmallString.h>
#include <llvm/IR/Module.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/Support/xxhash.h>

#include <cstring>

namespace sluice::codegen {
namespace {

constexpr char kMagic[8] = {'S', 'L', 'U', 'I', 'C', 'E', 'O', 'B'};

// Follows the object in an entry; host byte order (entries are per host CPU anyway).
struct Trailer {
  char magic[8];
  uint32_t formatVersion;
  uint32_t reserved;
  uint64_t objectSize;
  uint64_t checksum;  // xxHash64 of the object
};
static_assert(sizeof(Trailer) == 32, "the entry trailer is 32 bytes");

std::string damaged(const std::string& path, const std::string& why) {
  return "cached object " + path + " is damaged (" + why + "); recompiled it";
}

}  // namespace

std::unique_ptr<llvm::MemoryBuffer> DiskObjectCache::read(const std::string& path,
                                                          std::string& problem) {
  auto file = llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                          /*RequiresNullTerminator=*/false);
  if (!file) {
    if (file.getError() != std::errc::no_such_file_or_directory) {
      problem = "cannot read cached object " + path + ": " + file.getError().message();
    }
    return nullptr;
  }
  const llvm::StringRef bytes = (*file)->getBuffer();
  if (bytes.size() < sizeof(Trailer)) {
    problem = damaged(path, "shorter than its trailer");
    return nullptr;
  }
  Trailer trailer;
  std::memcpy(&trailer, bytes.data() + bytes.size() - sizeof(Trailer), sizeof(Trailer));
  if (std::memcmp(trailer.magic, kMagic, sizeof(kMagic)) != 0) {
    problem = damaged(path, "no entry trailer");
    return nullptr;
  }
  if (trailer.formatVersion != kFormatVersion) {
    problem = damaged(path, "format version " + std::to_string(trailer.formatVersion));
    return nullptr;
  }
  const llvm::StringRef object = bytes.drop_back(sizeof(Trailer));
  if (trailer.objectSize != object.size()) {
    problem = damaged(path, "truncated");
    return nullptr;
  }
  if (trailer.checksum != llvm::xxHash64(object)) {
    problem = damaged(path, "checksum mismatch");
    return nullptr;
  }
  return llvm::MemoryBuffer::getMemBufferCopy(object, path);
}

std::string DiskObjectCache::write(const std::string& path, llvm::StringRef object) {
  llvm::SmallString<256> directory(path);
  llvm::sys::path::remove_filename(directory);
  if (!directory.empty()) {
    if (std::error_code error = llvm::sys::fs::create_directories(directory)) {
      return "cannot create the codegen cache directory " + std::string(directory) + ": " +
             error.message();
    }
  }
  // A unique temporary file beside the entry, renamed over it: concurrent writers of the same
  // entry each rename a whole file, and readers never see a partial one.
  int descriptor = -1;
  llvm::SmallString<256> temporary;
  if (std::error_code error =
          llvm::sys::fs::createUniqueFile(path + ".%%%%%%%%.tmp", descriptor, temporary)) {
    return "cannot write cached object " + path + ": " + error.message();
  }
  Trailer trailer{};
  std::memcpy(trailer.magic, kMagic, sizeof(kMagic));
  trailer.formatVersion = kFormatVersion;
  trailer.objectSize = object.size();
  trailer.checksum = llvm::xxHash64(object);
  std::string failure;
  {
    llvm::raw_fd_ostream out(descriptor, /*shouldClose=*/true);
    out << object;
    out.write(reinterpret_cast<const char*>(&trailer), sizeof(trailer));
    out.close();
    if (out.has_error()) {
      failure = out.error().message();
      out.clear_error();  // reported below; an unhandled stream error aborts
    }
  }
  if (failure.empty()) {
    if (std::error_code error = llvm::sys::fs::rename(temporary, path)) failure = error.message();
  }
  if (failure.empty()) return "";
  llvm::sys::fs::remove(temporary);
  return "cannot write cached object " + path + ": " + failure;
}

void DiskObjectCache::expect(const std::string& path, std::unique_ptr<llvm::MemoryBuffer> object) {
  std::lock_guard<std::mutex> lock(mutex_);
  Route& route = routes_[path];
  route.stored = object != nullptr;
  route.object = std::move(object);
  route.problem.clear();
}

std::string DiskObjectCache::finish(const std::string& path) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto route = routes_.find(path);
  if (route == routes_.end()) return "";
  std::string problem = std::move(route->second.problem);
  routes_.erase(route);
  return problem;
}

std::unique_ptr<llvm::MemoryBuffer> DiskObjectCache::getObject(const llvm::Module* module) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto route = routes_.find(module->getModuleIdentifier());
  if (route == routes_.end()) return nullptr;
  return std::move(route->second.object);
}

void DiskObjectCache::notifyObjectCompiled(const llvm::Module* module,
                                           llvm::MemoryBufferRef object) {
  const std::string& path = module->getModuleIdentifier();
  std::lock_guard<std::mutex> lock(mutex_);
  auto route = routes_.find(path);
  if (route == routes_.end()) return;
  if (route->second.stored) {
    // The module was routed to a stored object, so it was not optimized: never store this code.
    route->second.problem = "the JIT generated code for " + path + " instead of loading it";
    return;
  }
  route->second.problem = write(path, object.getBuffer());
}

}  // namespace sluice::codegen
