// The session time zone a connector reads and writes TIMESTAMP_LTZ text in.
#pragma once

#include "runtime/connector/connector.h"
#include "runtime/data/time_zone.h"

namespace sluice::connectors {

// The zone `context.timeZone` names; a ConnectorError when there is no such zone.
runtime::TimeZone sessionZone(const runtime::ConnectorContext& context);

}  // namespace sluice::connectors
