// The connectors built into Sluice, by the names a job plan's nodes give (artifact::Node::
// connector, the table's 'connector', legacy 'connector.type' or Blink `type` value):
//   datagen     random and sequence rows (also Blink's 'random')
//   filesystem  files in the 'csv' and 'json' formats, read and written
//   nexmark     the Nexmark suite's events (person, auction, bid)
//   print       changelog lines on standard output or error
//   blackhole   discards rows
//   collect     changelog lines into `collector` (bare SELECTs, `sqlc run --local`, the tests)
#pragma once

#include <memory>

#include "connectors/collect/changelog_collector.h"
#include "runtime/connector/connector.h"

namespace sluice::connectors {

runtime::ConnectorFactories builtinConnectors(std::shared_ptr<ChangelogCollector> collector);

}  // namespace sluice::connectors
