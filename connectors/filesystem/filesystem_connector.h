// Flink's 'filesystem' connector over local files, in the 'csv' and 'json' formats: a source
// reading the file or directory 'path' names (files split among subtasks), and a sink writing
// part files into the directory 'path' names. Also the legacy form of Flink 1.9/1.10
// ('connector.type' = 'filesystem', 'connector.path', 'format.type', 'format.<option>').
//
// As a lookup table (file_lookup_table.h) the files are held in memory, indexed by the lookup
// key, and reloaded when they change, checked at most every
// 'lookup.full-cache.periodic-reload.interval' (or Flink's 'lookup.join.cache.ttl'; 1 s).
//
// Accepted and ignored (no effect at run time): 'source.monitor-interval' (the path is read
// once), 'source.report-statistics', 'partition.default-name', 'partition.time-extractor.*',
// 'sink.shuffle-by-partition.enable', 'sink.partition-commit.*', 'auto-compaction',
// 'compaction.*', 'sink.rolling-policy.check-interval', and the
// parallelism options (the planner's). Partitioned tables are read and written without
// partition directories: the job plan does not carry the partition keys.
#pragma once

#include "runtime/connector/connector.h"
#include "runtime/connector/lookup_table.h"

namespace sluice::connectors {

class FilesystemConnectorFactory : public runtime::ConnectorFactory {
 public:
  std::unique_ptr<runtime::SourceReader> createSource(
      const runtime::ConnectorContext& context) const override;
  std::unique_ptr<runtime::SinkWriter> createSink(
      const runtime::ConnectorContext& context) const override;
  std::unique_ptr<runtime::LookupTable> createLookupTable(
      const runtime::LookupContext& context) const override;
};

inline constexpr int64_t kDefaultLookupCheckMillis = 1000;

}  // namespace sluice::connectors
