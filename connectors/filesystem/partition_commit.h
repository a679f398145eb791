// When the partitions a filesystem sink writes are committed, and what committing does.
//
// A partition is due, by 'sink.partition-commit.trigger':
//   'partition-time': once the watermark passes the partition's time (partition_path.h's
//       extractor, a local date-time read in 'sink.partition-commit.watermark-time-zone',
//       default UTC as in Flink: a watermark on a TIMESTAMP column is a UTC-less local time)
//       plus 'sink.partition-commit.delay';
//   'process-time' (the default): once the wall clock passes the time the partition was first
//       written plus the delay, checked when rows or a watermark reach the sink, at most every
//       'sink.rolling-policy.check-interval' (default 1 min: there are no checkpoints here to
//       pace it, and a check closes the due partitions' part files).
// Every partition is due at the end of a bounded input. A subtask closes and renames its part
// files of a partition when the partition becomes due for it (its own watermark or clock).
//
// Several subtasks write one table, each its own part files of a partition. The policy
// ('sink.partition-commit.policy.kind' = 'success-file' writes the empty file
// 'sink.partition-commit.success-file.name', default '_SUCCESS', into the partition directory)
// is applied by one PartitionCommitter shared by all the subtasks of the sink, as Flink's single
// committer after its writers: a partition is committed when it is due by the lowest watermark of
// all subtasks (partition-time) or by the clock (process-time), and no subtask still holds an
// open part file of it; at the end, when every subtask has finished. A row arriving late, for a
// partition already committed, opens a new part file there and the partition is committed again
// (the success file rewritten), as in Flink. 'metastore' and 'custom' policies are refused when
// the job starts: there is no metastore or user code here.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "connectors/filesystem/partition_path.h"
#include "runtime/data/time_zone.h"

namespace sluice::connectors {

class TableOptions;

enum class CommitTrigger : uint8_t { ProcessTime, PartitionTime };

struct PartitionCommitPolicy {
  CommitTrigger trigger = CommitTrigger::ProcessTime;
  int64_t delayMicros = 0;
  runtime::TimeZone watermarkZone;  // partition-time: the zone of the partition's local time
  bool successFile = false;
  std::string successFileName = "_SUCCESS";

  // From the table's options; a ConnectorError for an unknown trigger, a refused policy kind.
  static PartitionCommitPolicy fromOptions(const TableOptions& options);
};

// The commit state of one sink's partitions across its subtasks; thread-safe.
class PartitionCommitter {
 public:
  PartitionCommitter(std::string directory, int subtasks, PartitionCommitPolicy policy);

  // Subtask `subtask` opened a part file in `partition` (a directory relative to the table's);
  // `dueMicros` is when the partition becomes due: a watermark (partition-time) or a wall-clock
  // time (process-time), exclusive.
  void opened(int subtask, const std::string& partition, int64_t dueMicros);
  // The subtask closed and renamed all its part files of `partition`.
  void closed(int subtask, const std::string& partition);
  // The subtask's watermark, and the wall clock; commits what is due.
  void advance(int subtask, int64_t watermark, int64_t nowMicros);
  // The subtask's input ended (its files all closed); once every subtask has, everything left
  // is committed.
  void finish(int subtask);

  const PartitionCommitPolicy& policy() const { return policy_; }
  // Partitions committed so far, in commit order (a partition committed twice appears twice).
  std::vector<std::string> committed() const;

 private:
  struct Partition {
    int64_t dueMicros = 0;
    std::set<int> openIn;  // subtasks holding an open part file
  };

  void commitDue(int64_t nowMicros, bool all);
  void commit(const std::string& partition);

  std::string directory_;
  PartitionCommitPolicy policy_;
  mutable std::mutex mutex_;
  std::vector<int64_t> watermarks_;  // per subtask
  std::vector<bool> finished_;
  std::map<std::string, Partition> pending_;  // written and not committed since
  std::vector<std::string> committed_;
};

}  // namespace sluice::connectors
