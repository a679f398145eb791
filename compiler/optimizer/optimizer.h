// The optimizer stage: a table of named rewrite passes over the logical plan, each switchable
// (`SET 'sqlc.optimizer.disabled-passes' = 'rank-recognition,...'`), timed, and followed by a
// structural check of the plan it produced.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "compiler/plan/logical_plan.h"

namespace sluice {

struct OptimizerPass {
  const char* name;
  const char* description;
  std::function<plan::NodeRef(const plan::NodeRef&, plan::NodeFactory&)> apply;
};

struct PassReport {
  std::string name;
  bool changed = false;
  double milliseconds = 0;
};

// Every pass, in the order they run.
const std::vector<OptimizerPass>& optimizerPasses();

plan::NodeRef optimize(const plan::NodeRef& root, const std::set<std::string>& disabledPasses,
                       plan::NodeFactory& nodes, std::vector<PassReport>* report = nullptr);

// Throws std::logic_error naming the node and the broken invariant (an internal error, never a
// user error): references out of range, schemas that disagree with expressions.
void verifyPlan(const plan::NodeRef& root);

// Rebuilds the plan bottom-up, giving `rewrite` each node after its inputs were rewritten.
plan::NodeRef transformUp(const plan::NodeRef& root,
                          const std::function<plan::NodeRef(const plan::NodeRef&)>& rewrite);

}  // namespace sluice
