// The state TTL of a stateful operator, as Flink's StateConfigUtil sees it: a STATE_TTL hint on
// the node (the binder resolved its key to this aggregate) overrides 'table.exec.state.ttl',
// whose default 0 keeps state forever.
#include <fmt/format.h>

#include "compiler/types/option_values.h"
#include "compiler/diagnostics/diagnostics.h"
#include "compiler/physical/planner.h"

namespace sluice::physical {

int64_t Planner::stateTtl(const plan::LogicalNode& node) const {
  for (const auto& [key, value] : node.hints) {
    if (key != "STATE_TTL") continue;
    // The binder checked the syntax; refused again for a plan built without it.
    if (auto ttl = parseDurationMicros(value)) return *ttl / 1000;
    throw UserError(location_, fmt::format("STATE_TTL must be a duration, got '{}'", value));
  }
  const std::string option = plan_.option("table.exec.state.ttl", "0");
  auto ttl = parseDurationMicros(option);
  if (!ttl) {
    throw UserError(location_, fmt::format("'table.exec.state.ttl' must be a duration such as "
                                           "'1 h', '30 min' or '0' (never expire), got '{}'",
                                           option));
  }
  return *ttl / 1000;  // the state backend counts milliseconds
}

}  // namespace sluice::physical
