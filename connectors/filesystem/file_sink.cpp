#include "connectors/filesystem/file_sink.h"

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace sluice::connectors {

namespace {

namespace fs = std::filesystem;

[[noreturn]] void failIo(const std::string& what, const std::string& path) {
  throw runtime::ConnectorError("cannot " + what + " '" + path + "': " + std::strerror(errno));
}

}  // namespace

FileSinkWriter::FileSinkWriter(std::string table, PartFileNaming naming,
                               std::unique_ptr<RowEncoder> encoder, RollingPolicy policy)
    : table_(std::move(table)),
      naming_(std::move(naming)),
      encoder_(std::move(encoder)),
      policy_(policy) {
  std::error_code error;
  fs::create_directories(naming_.directory, error);
  if (error || !fs::is_directory(naming_.directory)) {
    throw runtime::ConnectorError("cannot create directory '" + naming_.directory + "' of table " +
                                  table_ + (error ? ": " + error.message() : ""));
  }
}

// A part file still open when the job fails or is cancelled stays hidden and in progress.
FileSinkWriter::~FileSinkWriter() {
  if (file_ != nullptr) std::fclose(file_);
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
  if (file_ != nullptr && (now - openedAt_ >= policy_.rolloverInterval ||
                           now - lastWriteAt_ >= policy_.inactivityInterval)) {
    commitPartFile();
  }
  std::vector<runtime::Value> row(batch.columnCount());
  for (int r = 0; r < batch.size(); ++r) {
    for (int c = 0; c < batch.columnCount(); ++c) row[c] = runtime::readValue(batch.column(c), r);
    buffer_.clear();
    encoder_->encode(row, buffer_);
    buffer_ += '\n';
    if (file_ == nullptr) openPartFile();
    if (std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) {
      failIo("write", inProgressPath_);
    }
    bytesWritten_ += static_cast<int64_t>(buffer_.size());
    if (bytesWritten_ >= policy_.maxFileBytes) commitPartFile();
  }
  lastWriteAt_ = now;
}

void FileSinkWriter::finish() {
  if (file_ != nullptr) commitPartFile();
}

void FileSinkWriter::openPartFile() {
  const fs::path directory(naming_.directory);
  // The first index whose part file does not exist yet, so a second run into the same directory
  // adds files rather than overwriting the first run's.
  auto inProgressName = [&](int64_t index) { return "." + partFileName(index) + ".inprogress"; };
  while (fs::exists(directory / partFileName(nextIndex_)) ||
         fs::exists(directory / inProgressName(nextIndex_))) {
    ++nextIndex_;
  }
  // Created exclusively ("x"): another job writing the same table at the same time may have
  // taken the name between the check and the open; then the next index is tried.
  while (true) {
    finalPath_ = (directory / partFileName(nextIndex_)).string();
    inProgressPath_ = (directory / inProgressName(nextIndex_)).string();
    ++nextIndex_;
    if (fs::exists(finalPath_)) continue;
    file_ = std::fopen(inProgressPath_.c_str(), "wbx");
    if (file_ != nullptr) break;
    if (errno != EEXIST) failIo("create", inProgressPath_);
  }
  bytesWritten_ = 0;
  openedAt_ = Clock::now();
  lastWriteAt_ = openedAt_;
}

void FileSinkWriter::commitPartFile() {
  std::FILE* file = file_;
  file_ = nullptr;
  if (std::fclose(file) != 0) failIo("write", inProgressPath_);
  std::error_code error;
  fs::rename(inProgressPath_, finalPath_, error);
  if (error) {
    throw runtime::ConnectorError("cannot rename '" + inProgressPath_ + "' to '" + finalPath_ +
                                  "': " + error.message());
  }
}

}  // namespace sluice::connectors
