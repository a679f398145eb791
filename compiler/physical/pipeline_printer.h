// The pipelines of a physical plan as text, for `sqlc explain`: what runs fused in one loop,
// with how many instances, and which exchanges connect the pipelines.
#pragma once

#include <string>

#include "compiler/artifact/job_plan.h"

namespace sluice::physical {

// One block per pipeline:
//   Pipeline 3 (parallelism 3, reads #3 forward, #6 forward)
//     #7 Union
//     #8 Calc  select [$0, $1]
//     #9 Exchange rebalance -> pipeline 4 (parallelism 1)
std::string formatPipelines(const artifact::JobPlan& plan);

}  // namespace sluice::physical
