// Native aggregate functions (UDAF, a library's `aggregate` entry) in the physical plan: the
// overload a call runs, recorded in its AggregateCall for the runtime (runtime/udx/udx_aggregate.h),
// and the checks Flink makes at planning time: a function without `retract` cannot consume
// updates (nor a bounded OVER frame), one without `merge` cannot combine window slices.
#pragma once

#include <string>
#include <vector>

#include "compiler/artifact/job_plan.h"
#include "compiler/diagnostics/source_location.h"
#include "compiler/functions/function_registry.h"

namespace sluice::physical {

// Whether `definition` is a native aggregate function's.
bool isNativeAggregate(const FunctionDefinition* definition);

// What the call needs of the function.
struct NativeAggregateNeeds {
  bool retract = false;  // updating input, or a bounded OVER frame
  bool merge = false;    // HOP / CUMULATE / SESSION windows
  std::string where;     // "an updating input", for the message
};

// Fills `lowered`'s native reference for a call of `definition` named `name` with arguments of
// `argumentTypes`; throws UserError at `location` when the call cannot run.
void lowerNativeAggregate(const FunctionDefinition& definition, const std::string& name,
                          const std::vector<DataType>& argumentTypes, bool distinct,
                          const NativeAggregateNeeds& needs, SourceLocation location,
                          artifact::AggregateCall& lowered);

}  // namespace sluice::physical
