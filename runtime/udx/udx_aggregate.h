// Native aggregate functions (a library's `aggregate` entry, sluice_udx_aggregate) as accumulators
// of the generic aggregate path (runtime/operators/aggregate_functions.h): the accumulator Value
// the operators keep in keyed state is the library accumulator's serialized bytes, made into a
// library accumulator again (deserialize) around each use and destroyed after it. Typed entries
// (accumulate, retract, get_value) are called through libffi. A library's host->fail fails the
// job with a message naming the function.
#pragma once

#include <memory>

#include "compiler/artifact/job_plan.h"
#include "runtime/operators/aggregate_functions.h"

namespace sluice::runtime::udx {

// The accumulator of a native call (`call.native()`). Several arguments arrive as one Value with
// a child per argument (aggregateInput). Throws UdxError when the library is missing or its entry
// is no longer the function the plan was compiled against.
std::unique_ptr<AggregateFunction> makeUdxAggregateFunction(const artifact::AggregateCall& call);

}  // namespace sluice::runtime::udx
