// The physical planner: turns one runnable statement of a compiled job (an INSERT, a statement
// set, a bare SELECT) into a job plan artifact. Filters and projections are fused into Calc
// nodes, watermark assigners move into the source they sit on, and the plan is cut into
// pipelines. What cannot run yet is refused with the statement's location.
#pragma once

#include <map>
#include <string>

#include "compiler/artifact/job_plan.h"
#include "compiler/driver/job_compiler.h"

namespace sluice::physical {

struct PlanOptions {
  std::string fileName;  // for "file:line:col" in run-time errors
  // Settings from the command line (`--set k=v`), applied over the job's SET statements.
  std::map<std::string, std::string> overrides;
};

// Throws UserError (at the statement) for plans the runtime cannot run.
artifact::JobPlan planStatement(const CompiledJob& job, const CompiledStatement& statement,
                                const PlanOptions& options);

// The statements of a job that run (INSERT, statement sets, bare queries), in file order.
std::vector<const CompiledStatement*> runnableStatements(const CompiledJob& job);

// Cuts a plan into pipelines: each source or values node, through stateless nodes, to a sink.
void buildPipelines(artifact::JobPlan& plan);

}  // namespace sluice::physical
