#include "runtime/udx/udx_library.h"

#include <dlfcn.h>

#include <filesystem>
#include <map>
#include <mutex>

#include "compiler/types/scalar_type_text.h"
#include "runtime/udx/udx_call_interface.h"
#include "runtime/udx/udx_host.h"
#include "runtime/udx/udx_types.h"

namespace sluice::runtime::udx {
namespace {

std::string text(const char* value) {
  return value != nullptr ? value : "";
}

// Reads one descriptor; throws UdxError naming the library and the entry.
UdxFunction readFunction(const std::string& path, const sluice_udx_function& entry, int index) {
  UdxFunction function;
  function.index = index;
  function.kind = entry.kind;
  function.identifier = text(entry.identifier);
  function.argumentText = text(entry.arguments);
  function.resultText = text(entry.result);
  function.flags = entry.flags;
  function.entry = &entry;
  const std::string where =
      path + ": function " + std::to_string(index) + " ('" + function.identifier + "')";
  if (function.identifier.empty()) throw UdxError(where + " has no identifier");
  if (entry.kind != SLUICE_UDX_SCALAR && entry.kind != SLUICE_UDX_TABLE &&
      entry.kind != SLUICE_UDX_AGGREGATE) {
    throw UdxError(where + " has an unknown kind " + std::to_string(entry.kind));
  }
  std::string error;
  auto arguments = parseScalarTypeList(function.argumentText, error);
  if (!arguments) throw UdxError(where + ": " + error);
  function.arguments = std::move(*arguments);
  auto result = entry.kind == SLUICE_UDX_TABLE ? parseRowTypeText(function.resultText, error)
                                               : parseScalarTypeText(function.resultText, error);
  if (!result) throw UdxError(where + ": " + error);
  function.result = std::move(*result);
  if (entry.kind == SLUICE_UDX_AGGREGATE) {
    if (entry.aggregate == nullptr) throw UdxError(where + " is an aggregate without `aggregate`");
    return function;
  }
  if (entry.row == nullptr) throw UdxError(where + " has no row entry");
  std::vector<AbiType> abiArguments;
  for (const DataType& argument : function.arguments)
    abiArguments.push_back(abiTypeOfUdx(argument));
  // A table function returns nothing: it emits its rows through host->emit_row.
  function.signature = makeUdxSignature(
      abiArguments, entry.kind == SLUICE_UDX_TABLE ? AbiType::Void : abiTypeOfUdx(function.result));
  if (!function.signature) throw UdxError(where + ": its types have no row-entry call interface");
  return function;
}

// Libraries by canonical path. Loaded libraries are never unloaded (compiled code and the
// libraries themselves hold addresses into each other), so this cache is the process's record
// of them; the mutex serializes loads from concurrent compilations.
struct LibraryCache {
  std::mutex mutex;
  std::map<std::string, std::shared_ptr<const UdxLibrary>> byPath;
};

// Never destroyed: call sites in static caches of compiled code (destroyed at exit, in an order
// relative to this one that nothing fixes) still reach their UdxFunction to call its `close`.
LibraryCache& libraryCache() {
  static LibraryCache* cache = new LibraryCache;
  return *cache;
}

}  // namespace

std::string UdxFunction::describe() const {
  std::string out = identifier + "(";
  for (size_t i = 0; i < arguments.size(); ++i)
    out += (i > 0 ? ", " : "") + arguments[i].toString();
  return out + ") -> " + (kind == SLUICE_UDX_TABLE ? resultText : result.toString());
}

std::shared_ptr<const UdxLibrary> UdxLibrary::load(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::exists(path, error)) {
    throw UdxError("native library '" + path + "' not found");
  }
  const std::string canonical = std::filesystem::canonical(path, error).string();
  if (error) throw UdxError("native library '" + path + "': " + error.message());
  LibraryCache& cache = libraryCache();
  std::lock_guard lock(cache.mutex);
  auto it = cache.byPath.find(canonical);
  if (it != cache.byPath.end()) return it->second;
  auto library = open(canonical);
  cache.byPath.emplace(canonical, library);
  return library;
}

std::shared_ptr<const UdxLibrary> UdxLibrary::open(const std::string& canonical) {
  // RTLD_NOW: a missing symbol fails here, not in the middle of a job. RTLD_LOCAL: libraries do
  // not see each other's symbols.
  void* handle = dlopen(canonical.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) {
    const char* reason = dlerror();
    throw UdxError("cannot load native library '" + canonical + "': " + text(reason));
  }
  // The handle is never closed: see LibraryCache.
  auto entry = reinterpret_cast<sluice_udx_library_fn>(dlsym(handle, SLUICE_UDX_LIBRARY_SYMBOL));
  if (entry == nullptr) {
    throw UdxError("native library '" + canonical +
                   "' does not export " SLUICE_UDX_LIBRARY_SYMBOL " (is it a Sluice UDX library?)");
  }
  const sluice_udx_library* table = entry(udxHost());
  if (table == nullptr)
    throw UdxError("native library '" + canonical + "' returned no function table");
  if (table->abi_version != SLUICE_UDX_ABI_VERSION) {
    throw UdxError("native library '" + canonical + "' was built for UDX ABI version " +
                   std::to_string(table->abi_version) + ", this Sluice speaks version " +
                   std::to_string(SLUICE_UDX_ABI_VERSION));
  }
  std::shared_ptr<UdxLibrary> library(new UdxLibrary());
  library->path_ = canonical;
  library->name_ = text(table->name);
  for (uint32_t i = 0; i < table->function_count; ++i) {
    library->functions_.push_back(
        readFunction(canonical, table->functions[i], static_cast<int>(i)));
  }
  return library;
}

}  // namespace sluice::runtime::udx
