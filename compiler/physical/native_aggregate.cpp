#include "compiler/physical/native_aggregate.h"

#include <fmt/format.h>

#include "compiler/diagnostics/diagnostics.h"
#include "compiler/functions/native_functions.h"

namespace sluice::physical {

bool isNativeAggregate(const FunctionDefinition* definition) {
  return definition != nullptr && definition->kind == FunctionKind::Aggregate &&
         !definition->nativeOverloads.empty();
}

void lowerNativeAggregate(const FunctionDefinition& definition, const std::string& name,
                          const std::vector<DataType>& argumentTypes, bool distinct,
                          const NativeAggregateNeeds& needs, SourceLocation location,
                          artifact::AggregateCall& lowered) {
  const NativeOverload* overload = nativeOverloadOf(definition, argumentTypes);
  if (overload == nullptr) {
    throw UserError(location, fmt::format("internal: no overload of the native aggregate "
                                          "function {} takes the call's argument types",
                                          name));
  }
  if (distinct) {
    throw UserError(location, fmt::format("{}(DISTINCT ..) of a native aggregate function is not "
                                          "supported yet",
                                          name));
  }
  if (needs.retract && !overload->retracts) {
    throw UserError(location,
                    fmt::format("the aggregate function {} ('{}') has no retract, which it needs "
                                "to aggregate {}",
                                name, overload->identifier, needs.where));
  }
  if (needs.merge && !overload->merges) {
    throw UserError(location,
                    fmt::format("the aggregate function {} ('{}') has no merge, which it needs "
                                "to aggregate {}",
                                name, overload->identifier, needs.where));
  }
  lowered.nativeLibrary = overload->library;
  lowered.nativeIdentifier = overload->identifier;
  lowered.nativeIndex = overload->index;
  lowered.nativeMerges = overload->merges;
}

}  // namespace sluice::physical
