// What every join planner reads off a logical join: the artifact join type, and the ON clause
// split into the join key (column = column across the sides, of one physical type so that both
// sides hash and encode a key alike) and the rest (plan_join.cpp, plan_interval_join.cpp,
// plan_window_join.cpp). Internal to compiler/physical.
#pragma once

#include <vector>

#include "compiler/artifact/job_plan.h"
#include "compiler/plan/logical_plan.h"

namespace sluice::physical {

artifact::JoinType artifactJoinType(plan::JoinKind kind);

struct JoinKeySplit {
  std::vector<int> leftKeys;
  std::vector<int> rightKeys;  // columns of the right input, pairwise with leftKeys
  std::vector<plan::ExpressionRef> residual;  // the other conjuncts (a literal TRUE dropped)
};

JoinKeySplit splitJoinKeys(const plan::LogicalNode& join);

// The conjunction of `conjuncts` (nullptr when there are none).
plan::ExpressionRef conjunctionOf(const std::vector<plan::ExpressionRef>& conjuncts);

}  // namespace sluice::physical
