// Writes rows into part files of a directory, one series per subtask: 'part-<subtask>-<n>.<ext>'.
// A part file is written hidden ('.part-0-0.csv.inprogress', which sources skip) and renamed to
// its final name when it rolls or the input ends, so readers never see a half-written file and
// a failed job leaves only hidden files behind, as Flink's file sink does. Rolling follows
// 'sink.rolling-policy.file-size', '.rollover-interval' and '.inactivity-interval' (checked when
// rows arrive). The sink is append-only: a row kind other than +I fails the job.
//
// A PARTITIONED BY table is written as Flink writes it: a directory per partition,
// '<path>/dt=2023-11-14/hm=22%3A13/part-0-0.csv' (partition_path.h), each open partition with
// its own part file, the partition columns left out of the files. Its partitions are committed
// as partition_commit.h describes: the subtask's part files of a due partition are closed, and
// the sink's PartitionCommitter, shared by its subtasks, applies the commit policy.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/types/data_type.h"
#include "connectors/filesystem/partition_commit.h"
#include "connectors/filesystem/partition_path.h"
#include "connectors/format/row_format.h"
#include "runtime/connector/connector.h"

namespace sluice::connectors {

struct RollingPolicy {
  int64_t maxFileBytes = 128LL << 20;
  std::chrono::milliseconds rolloverInterval = std::chrono::minutes(30);
  std::chrono::milliseconds inactivityInterval = std::chrono::minutes(30);
  // How often a process-time partition commit is checked ('sink.rolling-policy.check-interval').
  std::chrono::milliseconds checkInterval = std::chrono::minutes(1);
};

struct PartFileNaming {
  std::string directory;
  int subtask = 0;
  std::string extension;  // "csv", "json"
};

// How a partitioned table's rows map to partitions; `keyColumns` empty: unpartitioned.
struct PartitionLayout {
  std::vector<std::string> keys;
  std::vector<int> keyColumns;   // of the sink's schema, one per key
  std::vector<DataType> keyTypes;
  std::vector<int> dataColumns;  // the columns written into the files, in order
  std::string defaultName = kDefaultPartitionName;
  PartitionTimeExtractor timeExtractor{{}, "", ""};
  runtime::TimeZone zone;        // renders TIMESTAMP_LTZ partition values
};

class FileSinkWriter : public runtime::SinkWriter {
 public:
  // Unpartitioned.
  FileSinkWriter(std::string table, PartFileNaming naming, std::unique_ptr<RowEncoder> encoder,
                 RollingPolicy policy);
  // Partitioned: `encoder` writes the layout's data columns; `committer` is shared by the sink's
  // subtasks.
  FileSinkWriter(std::string table, PartFileNaming naming, std::unique_ptr<RowEncoder> encoder,
                 RollingPolicy policy, PartitionLayout layout,
                 std::shared_ptr<PartitionCommitter> committer);
  ~FileSinkWriter() override;
  FileSinkWriter(const FileSinkWriter&) = delete;
  FileSinkWriter& operator=(const FileSinkWriter&) = delete;

  void write(const runtime::Batch& batch) override;
  void watermark(int64_t micros) override;
  void finish() override;

 private:
  using Clock = std::chrono::steady_clock;

  // One partition's part file being written ("" the table's directory when unpartitioned).
  struct PartFile {
    std::FILE* file = nullptr;
    std::string inProgressPath;
    std::string finalPath;
    int64_t bytesWritten = 0;
    Clock::time_point openedAt;
    Clock::time_point lastWriteAt;
  };
  // A partition this subtask has written since it was last committed.
  struct OpenPartition {
    PartFile part;
    int64_t dueMicros = 0;  // partition_commit.h: a watermark or a wall-clock time
    int64_t nextIndex = 0;
  };

  using Partitions = std::map<std::string, OpenPartition>;

  void checkAppendOnly(const runtime::Batch& batch) const;
  // The partition of a row, registered with the committer when new.
  Partitions::value_type& partitionOf(const runtime::Batch& batch, int row);
  void openPartFile(const std::string& partition, OpenPartition& open);
  void commitPartFile(const std::string& partition, PartFile& part);
  void rollDueFiles(Clock::time_point now);
  // Closes this subtask's part files of the partitions due by `reached`, then tells the
  // committer.
  void closeDuePartitions(int64_t reached);
  std::string partFileName(int64_t index) const;

  std::string table_;
  PartFileNaming naming_;
  std::unique_ptr<RowEncoder> encoder_;
  RollingPolicy policy_;
  PartitionLayout layout_;
  std::shared_ptr<PartitionCommitter> committer_;  // null when unpartitioned
  Partitions partitions_;
  std::vector<std::optional<std::string>> values_;
  std::vector<std::optional<std::string>> lastValues_;
  Partitions::value_type* lastPartition_ = nullptr;  // of lastValues_
  int64_t watermark_ = INT64_MIN;
  Clock::time_point lastCommitCheck_;
  std::string buffer_;
  std::vector<runtime::Value> row_;
};

}  // namespace sluice::connectors
