// Placeholder until TopN and deduplication are planned.
#include "compiler/physical/planner.h"

namespace sluice::physical {

int Planner::rank(const plan::LogicalNode&) { unsupported("TopN"); }
int Planner::deduplicate(const plan::LogicalNode&) { unsupported("deduplication"); }

}  // namespace sluice::physical
