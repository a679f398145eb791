#include "connectors/options/session_zone.h"

namespace sluice::connectors {

runtime::TimeZone sessionZone(const runtime::ConnectorContext& context) {
  std::optional<runtime::TimeZone> zone = runtime::TimeZone::forName(context.timeZone);
  if (!zone) {
    throw runtime::ConnectorError("unknown time zone '" + context.timeZone + "' for table " +
                                  context.node->table);
  }
  return *zone;
}

}  // namespace sluice::connectors
