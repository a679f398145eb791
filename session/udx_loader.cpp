#include "session/udx_loader.h"

#include "runtime/udx/udx_library.h"

namespace sluice::session {

NativeLibraryLoader udxLibraryLoader() {
  return [](const std::string& path) {
    auto library = runtime::udx::UdxLibrary::load(path);
    NativeLibraryInfo info;
    info.path = library->path();
    info.name = library->name();
    for (const runtime::udx::UdxFunction& function : library->functions()) {
      NativeFunctionInfo described;
      described.kind = function.kind == SLUICE_UDX_TABLE       ? FunctionKind::Table
                       : function.kind == SLUICE_UDX_AGGREGATE ? FunctionKind::Aggregate
                                                               : FunctionKind::Scalar;
      described.overload.library = library->path();
      described.overload.identifier = function.identifier;
      described.overload.index = function.index;
      described.overload.arguments = function.arguments;
      described.overload.result = function.result;
      described.overload.mayReturnNull = function.mayReturnNull();
      described.overload.deterministic = function.deterministic();
      if (function.entry->aggregate != nullptr) {
        described.overload.retracts = function.entry->aggregate->retract != nullptr;
        described.overload.merges = function.entry->aggregate->merge != nullptr;
      }
      info.functions.push_back(std::move(described));
    }
    return info;
  };
}

}  // namespace sluice::session
