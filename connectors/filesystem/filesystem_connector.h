// Flink's 'filesystem' connector over local files, in the 'csv' and 'json' formats: a source
// reading the file or directory 'path' names (files split among subtasks), and a sink writing
// part files into the directory 'path' names. Also the legacy form of Flink 1.9/1.10
// ('connector.type' = 'filesystem', 'connector.path', 'format.type', 'format.<option>').
//
// As a lookup table (file_lookup_table.h) the files are held in memory, indexed by the lookup
// key, and reloaded when they change, checked at most every
// 'lookup.full-cache.periodic-reload.interval' (or Flink's 'lookup.join.cache.ttl'; 1 s).
//
// A PARTITIONED BY table is written into partition directories and its partitions committed
// (file_sink.h, partition_commit.h): 'partition.default-name', 'partition.time-extractor.kind'
// ('default' only), '.timestamp-pattern', '.timestamp-formatter', 'sink.partition-commit.*'
// ('success-file' policy only), 'sink.rolling-policy.check-interval' (how often a process-time
// commit is checked). A partitioned table is read without its partition directories' values.
//
// Accepted and ignored (no effect at run time): 'source.monitor-interval' (the path is read
// once), 'source.report-statistics', 'sink.shuffle-by-partition.enable', 'auto-compaction',
// 'compaction.*', and the parallelism options (the planner's).
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <utility>

#include "runtime/connector/connector.h"
#include "runtime/connector/lookup_table.h"

namespace sluice::connectors {
class PartitionCommitter;
}

namespace sluice::connectors {

class FilesystemConnectorFactory : public runtime::ConnectorFactory {
 public:
  std::unique_ptr<runtime::SourceReader> createSource(
      const runtime::ConnectorContext& context) const override;
  std::unique_ptr<runtime::SinkWriter> createSink(
      const runtime::ConnectorContext& context) const override;
  std::unique_ptr<runtime::LookupTable> createLookupTable(
      const runtime::LookupContext& context) const override;

 private:
  // The committer of a partitioned sink, one per sink node of a running job (keyed by the node
  // and the job's cancel flag), shared by its subtasks and released with the last of them.
  std::shared_ptr<PartitionCommitter> committerFor(const runtime::ConnectorContext& context,
                                                   const std::string& directory) const;

  using CommitterKey = std::pair<const void*, const void*>;
  mutable std::mutex committersMutex_;
  mutable std::map<CommitterKey, std::weak_ptr<PartitionCommitter>> committers_;
};

inline constexpr int64_t kDefaultLookupCheckMillis = 1000;

}  // namespace sluice::connectors
