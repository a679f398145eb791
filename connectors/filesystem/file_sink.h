// Writes rows into part files of a directory, one series per subtask: 'part-<subtask>-<n>.<ext>'.
// A part file is written hidden ('.part-0-0.csv.inprogress', which sources skip) and renamed to
// its final name when it rolls or the input ends, so readers never see a half-written file and
// a failed job leaves only hidden files behind, as Flink's file sink does. Rolling follows
// 'sink.rolling-policy.file-size', '.rollover-interval' and '.inactivity-interval' (checked when
// rows arrive). The sink is append-only: a row kind other than +I fails the job.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>

#include "connectors/format/row_format.h"
#include "runtime/connector/connector.h"

namespace sluice::connectors {

struct RollingPolicy {
  int64_t maxFileBytes = 128LL << 20;
  std::chrono::milliseconds rolloverInterval = std::chrono::minutes(30);
  std::chrono::milliseconds inactivityInterval = std::chrono::minutes(30);
};

struct PartFileNaming {
  std::string directory;
  int subtask = 0;
  std::string extension;  // "csv", "json"
};

class FileSinkWriter : public runtime::SinkWriter {
 public:
  FileSinkWriter(std::string table, PartFileNaming naming, std::unique_ptr<RowEncoder> encoder,
                 RollingPolicy policy);
  ~FileSinkWriter() override;
  FileSinkWriter(const FileSinkWriter&) = delete;
  FileSinkWriter& operator=(const FileSinkWriter&) = delete;

  void write(const runtime::Batch& batch) override;
  void finish() override;

 private:
  using Clock = std::chrono::steady_clock;

  void checkAppendOnly(const runtime::Batch& batch) const;
  void openPartFile();
  void commitPartFile();
  std::string partFileName(int64_t index) const;

  std::string table_;
  PartFileNaming naming_;
  std::unique_ptr<RowEncoder> encoder_;
  RollingPolicy policy_;
  std::FILE* file_ = nullptr;
  std::string inProgressPath_;
  std::string finalPath_;
  int64_t nextIndex_ = 0;
  int64_t bytesWritten_ = 0;
  Clock::time_point openedAt_;
  Clock::time_point lastWriteAt_;
  std::string buffer_;
};

}  // namespace sluice::connectors
