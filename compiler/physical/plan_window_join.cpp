// Window joins (Flink's StreamExecWindowJoin): two window TVF results joined on window_start and
// window_end (and any other equi keys). Both window columns stay join keys, so a key's state
// holds one window's rows; the runtime joins them when the watermark passes the window_end
// column of either side (equal by the condition). Flink runs window joins on event time only.
#include <string>

#include "compiler/binder/window_source.h"
#include "compiler/diagnostics/diagnostics.h"
#include "compiler/physical/join_keys.h"
#include "compiler/physical/planner.h"

namespace sluice::physical {

int Planner::windowJoin(const plan::LogicalNode& node) {
  JoinKeySplit split = splitJoinKeys(node);
  int leftEnd = -1;
  int rightEnd = -1;
  bool startsEqual = false;
  const plan::LogicalNode* tvf = nullptr;
  for (size_t i = 0; i < split.leftKeys.size(); ++i) {
    std::string leftName;
    std::string rightName;
    const plan::LogicalNode* leftOrigin =
        windowFieldOrigin(*node.inputs[0], split.leftKeys[i], &leftName);
    const plan::LogicalNode* rightOrigin =
        windowFieldOrigin(*node.inputs[1], split.rightKeys[i], &rightName);
    if (leftOrigin == nullptr || rightOrigin == nullptr || leftName != rightName) continue;
    if (leftName == "window_start") startsEqual = true;
    if (leftName == "window_end") {
      leftEnd = split.leftKeys[i];
      rightEnd = split.rightKeys[i];
      tvf = leftOrigin;
    }
  }
  if (!startsEqual || leftEnd < 0) {
    throw UserError(location_,
                    "Currently, window join requires the join condition to contain both window "
                    "starts equality and window ends equality of the input tables.");
  }
  if (!tvf->window.eventTime) {
    throw UserError(location_, "Processing time Window Join is not supported yet.");
  }

  artifact::Node n = keyedJoin(artifact::NodeKind::WindowJoin, node, split.leftKeys,
                               split.rightKeys, split.residual);
  n.windowEndColumn = leftEnd;
  n.rightWindowEndColumn = rightEnd;
  return add(std::move(n));
}

}  // namespace sluice::physical
