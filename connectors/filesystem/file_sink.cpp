#include "connectors/filesystem/file_sink.h"

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "runtime/data/value_text.h"

namespace sluice::connectors {

namespace {

namespace fs = std::filesystem;

[[noreturn]] void failIo(const std::string& what, const std::string& path) {
  throw runtime::ConnectorError("cannot " + what + " '" + path + "': " + std::strerror(errno));
}

int64_t wallClockNowMicros() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

void createDirectory(const std::string& directory, const std::string& table) {
  std::error_code error;
  fs::create_directories(directory, error);
  if (error || !fs::is_directory(directory)) {
    throw runtime::ConnectorError("cannot create directory '" + directory + "' of table " + table +
                                  (error ? ": " + error.message() : ""));
  }
}

}  // namespace

FileSinkWriter::FileSinkWriter(std::string table, PartFileNaming naming,
                               std::unique_ptr<RowEncoder> encoder, RollingPolicy policy)
    : FileSinkWriter(std::move(table), std::move(naming), std::move(encoder), policy,
                     PartitionLayout{}, nullptr) {}

FileSinkWriter::FileSinkWriter(std::string table, PartFileNaming naming,
                               std::unique_ptr<RowEncoder> encoder, RollingPolicy policy,
                               PartitionLayout layout,
                               std::shared_ptr<PartitionCommitter> committer)
    : table_(std::move(table)),
      naming_(std::move(naming)),
      encoder_(std::move(encoder)),
      policy_(policy),
      layout_(std::move(layout)),
      committer_(std::move(committer)),
      lastCommitCheck_(Clock::now()) {
  createDirectory(naming_.directory, table_);
}

// A part file still open when the job fails or is cancelled stays hidden and in progress.
FileSinkWriter::~FileSinkWriter() {
  for (auto& [partition, open] : partitions_) {
    if (open.part.file != nullptr) std::fclose(open.part.file);
  }
}

std::string FileSinkWriter::partFileName(int64_t index) const {
  return "part-" + std::to_string(naming_.subtask) + "-" + std::to_string(index) + "." +
         naming_.extension;
}

void FileSinkWriter::checkAppendOnly(const runtime::Batch& batch) const {
  for (int row = 0; row < batch.size(); ++row) {
    const runtime::RowKind kind = batch.rowKind(row);
    if (kind != runtime::RowKind::Insert) {
      throw runtime::ConnectorError("filesystem sink " + table_ +
                                    " cannot accept updates (row kind " +
                                    runtime::rowKindShortString(kind) + ")");
    }
  }
}

void FileSinkWriter::write(const runtime::Batch& batch) {
  if (batch.size() == 0) return;
  checkAppendOnly(batch);
  const Clock::time_point now = Clock::now();
  rollDueFiles(now);
  const bool partitioned = committer_ != nullptr;
  const int width = partitioned ? static_cast<int>(layout_.dataColumns.size())
                                : batch.columnCount();
  row_.resize(static_cast<size_t>(width));
  for (int r = 0; r < batch.size(); ++r) {
    for (int c = 0; c < width; ++c) {
      const int column = partitioned ? layout_.dataColumns[static_cast<size_t>(c)] : c;
      row_[static_cast<size_t>(c)] = runtime::readValue(batch.column(column), r);
    }
    buffer_.clear();
    encoder_->encode(row_, buffer_);
    buffer_ += '\n';
    auto& [partition, open] = partitionOf(batch, r);
    PartFile& part = open.part;
    if (part.file == nullptr) openPartFile(partition, open);
    if (std::fwrite(buffer_.data(), 1, buffer_.size(), part.file) != buffer_.size()) {
      failIo("write", part.inProgressPath);
    }
    part.bytesWritten += static_cast<int64_t>(buffer_.size());
    part.lastWriteAt = now;
    if (part.bytesWritten >= policy_.maxFileBytes) commitPartFile(partition, part);
  }
  if (partitioned && committer_->policy().trigger == CommitTrigger::ProcessTime &&
      now - lastCommitCheck_ >= policy_.checkInterval) {
    lastCommitCheck_ = now;
    closeDuePartitions(wallClockNowMicros());
  }
}

FileSinkWriter::Partitions::value_type& FileSinkWriter::partitionOf(const runtime::Batch& batch,
                                                                   int row) {
  if (committer_ == nullptr) {
    if (lastPartition_ == nullptr) lastPartition_ = &*partitions_.try_emplace("").first;
    return *lastPartition_;
  }
  const size_t keys = layout_.keyColumns.size();
  values_.resize(keys);
  for (size_t k = 0; k < keys; ++k) {
    const runtime::Value value = runtime::readValue(batch.column(layout_.keyColumns[k]), row);
    if (value.isNull) {
      values_[k].reset();
    } else if (layout_.keyTypes[k].isCharacterString()) {
      values_[k] = value.bytes;
    } else {
      values_[k] = runtime::formatValue(value, layout_.keyTypes[k], layout_.zone);
    }
  }
  if (lastPartition_ != nullptr && values_ == lastValues_) return *lastPartition_;
  const std::string directory = partitionDirectory(layout_.keys, values_, layout_.defaultName);
  auto [it, inserted] = partitions_.try_emplace(directory);
  if (inserted) {
    OpenPartition& open = it->second;
    if (committer_->policy().trigger == CommitTrigger::PartitionTime) {
      // The extractor reads the values as the path shows them unescaped, NULL as the default name.
      std::vector<std::string> texts;
      for (const auto& value : values_) texts.push_back(value.value_or(layout_.defaultName));
      const std::optional<int64_t> local = layout_.timeExtractor.extract(texts);
      if (!local) {
        throw runtime::ConnectorError(
            "filesystem table " + table_ + ": cannot read the time of partition '" + directory +
            "' from '" + layout_.timeExtractor.timestampText(texts) +
            "' ('partition.time-extractor.timestamp-pattern' / '.timestamp-formatter')");
      }
      open.dueMicros =
          committer_->policy().watermarkZone.utcMicrosFromLocal(*local) +
          committer_->policy().delayMicros;
    } else {
      open.dueMicros = wallClockNowMicros() + committer_->policy().delayMicros;
    }
  }
  lastValues_ = values_;
  lastPartition_ = &*it;
  return *it;
}

void FileSinkWriter::watermark(int64_t micros) {
  if (committer_ == nullptr || micros <= watermark_) return;
  watermark_ = micros;
  if (committer_->policy().trigger == CommitTrigger::PartitionTime) {
    closeDuePartitions(micros);
    return;
  }
  const Clock::time_point now = Clock::now();
  if (now - lastCommitCheck_ >= policy_.checkInterval) {
    lastCommitCheck_ = now;
    closeDuePartitions(wallClockNowMicros());
  }
}

void FileSinkWriter::closeDuePartitions(int64_t reached) {
  for (auto it = partitions_.begin(); it != partitions_.end();) {
    auto& [partition, open] = *it;
    if (reached <= open.dueMicros) {
      ++it;
      continue;
    }
    if (open.part.file != nullptr) commitPartFile(partition, open.part);
    if (lastPartition_ == &*it) lastPartition_ = nullptr;
    it = partitions_.erase(it);
  }
  const int64_t now = committer_->policy().trigger == CommitTrigger::ProcessTime
                          ? reached
                          : wallClockNowMicros();
  committer_->advance(naming_.subtask, watermark_, now);
}

void FileSinkWriter::rollDueFiles(Clock::time_point now) {
  for (auto& [partition, open] : partitions_) {
    PartFile& part = open.part;
    if (part.file != nullptr && (now - part.openedAt >= policy_.rolloverInterval ||
                                 now - part.lastWriteAt >= policy_.inactivityInterval)) {
      commitPartFile(partition, part);
    }
  }
}

void FileSinkWriter::finish() {
  for (auto& [partition, open] : partitions_) {
    if (open.part.file != nullptr) commitPartFile(partition, open.part);
  }
  partitions_.clear();
  lastPartition_ = nullptr;
  if (committer_ != nullptr) committer_->finish(naming_.subtask);
}

void FileSinkWriter::openPartFile(const std::string& partition, OpenPartition& open) {
  const fs::path directory =
      partition.empty() ? fs::path(naming_.directory) : fs::path(naming_.directory) / partition;
  if (!partition.empty()) createDirectory(directory.string(), table_);
  // The first index whose part file does not exist yet, so a second run into the same directory
  // adds files rather than overwriting the first run's.
  auto inProgressName = [&](int64_t index) { return "." + partFileName(index) + ".inprogress"; };
  int64_t& index = open.nextIndex;
  while (fs::exists(directory / partFileName(index)) ||
         fs::exists(directory / inProgressName(index))) {
    ++index;
  }
  // Created exclusively ("x"): another job writing the same table at the same time may have
  // taken the name between the check and the open; then the next index is tried.
  PartFile& part = open.part;
  while (true) {
    part.finalPath = (directory / partFileName(index)).string();
    part.inProgressPath = (directory / inProgressName(index)).string();
    ++index;
    if (fs::exists(part.finalPath)) continue;
    part.file = std::fopen(part.inProgressPath.c_str(), "wbx");
    if (part.file != nullptr) break;
    if (errno != EEXIST) failIo("create", part.inProgressPath);
  }
  part.bytesWritten = 0;
  part.openedAt = Clock::now();
  part.lastWriteAt = part.openedAt;
  if (committer_ != nullptr) committer_->opened(naming_.subtask, partition, open.dueMicros);
}

void FileSinkWriter::commitPartFile(const std::string& partition, PartFile& part) {
  std::FILE* file = part.file;
  part.file = nullptr;
  if (std::fclose(file) != 0) failIo("write", part.inProgressPath);
  std::error_code error;
  fs::rename(part.inProgressPath, part.finalPath, error);
  if (error) {
    throw runtime::ConnectorError("cannot rename '" + part.inProgressPath + "' to '" +
                                  part.finalPath + "': " + error.message());
  }
  if (committer_ != nullptr) committer_->closed(naming_.subtask, partition);
}

}  // namespace sluice::connectors
