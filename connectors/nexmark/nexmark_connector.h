// The Nexmark suite's 'nexmark' source (NexmarkTableSourceFactory): the table of the suite's DDL,
// event_type INT and the person, auction and bid ROWs, generated per NexmarkSourceOptions. See
// README.md for the options and how closely the Java generator is followed.
#pragma once

#include <vector>

#include "connectors/nexmark/generator_config.h"
#include "connectors/options/table_options.h"
#include "runtime/connector/connector.h"

namespace sluice::connectors {

class NexmarkConnectorFactory : public runtime::ConnectorFactory {
 public:
  std::unique_ptr<runtime::SourceReader> createSource(
      const runtime::ConnectorContext& context) const override;
};

namespace nexmark {

// The options of a nexmark table with the Java defaults for those not given; the base time is
// the hidden 'sqlc.nexmark.base-time' (epoch ms) or `nowMillis` (the job's start). A ConnectorError for bad values.
NexmarkSettings readSettings(const TableOptions& options, int64_t nowMillis);

// The physical columns of the suite's DDL (event_type, person, auction, bid), for tests and
// benchmarks that build the table without SQL.
std::vector<artifact::Field> physicalSchema();

}  // namespace nexmark

}  // namespace sluice::connectors
