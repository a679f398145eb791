// Interval joins (Flink's StreamExecIntervalJoin): the ON clause bounds one side's time
// attribute by the other's on both sides, `l.ts BETWEEN r.ts - INTERVAL '5' MINUTE AND r.ts +
// INTERVAL '10' MINUTE` or the same with `>=`, `>`, `<`, `<=` (compiler/binder/interval_bounds.h
// finds the bounds; the join classification made the join an interval join only when it did).
// The bounds become `rightTime + lower <= leftTime <= rightTime + upper` (microseconds) and leave
// the condition, which keeps the rest; the equi keys hash both inputs as for a regular join.
#include <optional>

#include "compiler/binder/interval_bounds.h"
#include "compiler/physical/join_keys.h"
#include "compiler/physical/planner.h"

namespace sluice::physical {

int Planner::intervalJoin(const plan::LogicalNode& node) {
  const std::optional<IntervalBounds> bounds = intervalBounds(node);
  // The join classification made the join an interval join because it found the bounds.
  if (!bounds) unsupported("an interval join whose time bounds were rewritten by the optimizer");
  plan::LogicalNode rest = node;
  rest.condition = conjunctionOf(bounds->remaining);
  const JoinKeySplit split = splitJoinKeys(rest);

  artifact::Node n = keyedJoin(artifact::NodeKind::IntervalJoin, node, split.leftKeys,
                               split.rightKeys, split.residual);
  n.leftTimeColumn = bounds->leftTime;
  n.rightTimeColumn = bounds->rightTime;
  n.lowerBoundMicros = bounds->lowerMicros;
  n.upperBoundMicros = bounds->upperMicros;
  n.eventTime = bounds->eventTime;
  return add(std::move(n));
}

}  // namespace sluice::physical
