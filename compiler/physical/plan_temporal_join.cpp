#include "compiler/physical/planner.h"

namespace sluice::physical {

int Planner::temporalJoin(const plan::LogicalNode& /*node*/) { unsupported("an event-time temporal join"); }

}  // namespace sluice::physical
