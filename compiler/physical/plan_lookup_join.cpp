#include "compiler/physical/planner.h"

namespace sluice::physical {

int Planner::lookupJoin(const plan::LogicalNode& /*node*/) { unsupported("a lookup join"); }

}  // namespace sluice::physical
