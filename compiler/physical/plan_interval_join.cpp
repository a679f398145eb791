#include "compiler/physical/planner.h"

namespace sluice::physical {

int Planner::intervalJoin(const plan::LogicalNode& /*node*/) { unsupported("an interval join"); }

}  // namespace sluice::physical
