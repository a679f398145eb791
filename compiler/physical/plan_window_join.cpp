#include "compiler/physical/planner.h"

namespace sluice::physical {

int Planner::windowJoin(const plan::LogicalNode& /*node*/) { unsupported("a window join"); }

}  // namespace sluice::physical
