// Native aggregate functions (a library's `aggregate` entry, sluice_udx_aggregate) as accumulators
// of the generic aggregate path (runtime/operators/aggregate_functions.h). An accumulator's state
// form is the library accumulator's serialized bytes; its working form is the live library
// accumulator, kept by the function and named by the Value, so that the rows an operator applies
// between reading a key's state and writing it back cost one deserialize and one serialize in
// all (AggregateFunction::unpack / pack). Typed entries (accumulate, retract, get_value) are
// called through libffi. A library's host->fail fails the job with a message naming the function.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "compiler/artifact/job_plan.h"
#include "runtime/operators/aggregate_functions.h"

namespace sluice::runtime::udx {

// The accumulator of a native call (`call.native()`). Several arguments arrive as one Value with
// a child per argument (aggregateInput). The function's `open` reads `configuration` (the job's
// SET options; null: none). Throws UdxError when the library is missing or its entry is no longer
// the function the plan was compiled against.
std::unique_ptr<AggregateFunction> makeUdxAggregateFunction(
    const artifact::AggregateCall& call, const std::map<std::string, std::string>* configuration);

}  // namespace sluice::runtime::udx
