// Placeholder until OVER aggregation is planned.
#include "compiler/physical/planner.h"

namespace sluice::physical {

int Planner::overAggregate(const plan::LogicalNode&) { unsupported("OVER aggregation"); }

}  // namespace sluice::physical
