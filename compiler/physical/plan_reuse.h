// Reuse of identical parts of a job plan, as Flink's planner does by default
// (table.optimizer.reuse-source-enabled, table.optimizer.reuse-sub-plan-enabled): two scans of
// one table with the same options and projection become one scan, and two identical operators
// over the same inputs become one, whose output goes to the readers of both. Views are inlined
// where they are read, so the Nexmark suite scans its table once per view (q3-q9, q20, q23) and
// q5 computes the same windowed count twice; a STATEMENT SET whose INSERTs read one table reads
// it once, which is what a consumer group or a socket needs.
//
// A node read by several nodes "fans out": its readers run in the same pipeline and thread, each
// given its output batches in turn (Flink chains the readers of a reused source the same way),
// and an exchange read by several readers is copied, one per reader.
#pragma once

#include "compiler/artifact/job_plan.h"

namespace sluice::physical {

struct ReuseOptions {
  bool sources = true;   // table.optimizer.reuse-source-enabled (and reuse-sub-plan-enabled)
  bool subPlans = true;  // table.optimizer.reuse-sub-plan-enabled
  // Sub-plans are not shared when the statement calls a non-deterministic function (RAND(),
  // UUID(), NOW(), a UDF or UDAF not declared deterministic): two calls must stay two draws.
  bool deterministic = true;
};

// Merges identical nodes (sinks never), then gives every exchange one reader.
// Node ids are renumbered in order; `plan.pipelines` must be built afterwards.
void reuseIdenticalNodes(artifact::JobPlan& plan, const ReuseOptions& options);

}  // namespace sluice::physical
