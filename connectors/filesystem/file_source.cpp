#include "connectors/filesystem/file_source.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace sluice::connectors {

namespace {

constexpr std::string_view kUtf8ByteOrderMark = "\xEF\xBB\xBF";

}  // namespace

FileSourceReader::FileSourceReader(std::vector<std::string> files,
                                   std::unique_ptr<RowDecoder> decoder)
    : files_(std::move(files)), decoder_(std::move(decoder)) {}

runtime::ReadStatus FileSourceReader::read(runtime::Batch& batch) {
  int64_t startLine = 0;
  while (!batch.full()) {
    if (nextChange_ < changeCount_) {
      const DecodedChange& change = changes_[nextChange_++];
      const int row = batch.size();
      for (int c = 0; c < batch.columnCount(); ++c) {
        runtime::writeValue(batch.column(c), row, change.row[static_cast<size_t>(c)],
                            batch.arena());
      }
      batch.rowKinds()[row] = change.kind;
      batch.setSize(row + 1);
      continue;
    }
    if (!nextRecord(record_, startLine)) break;
    DecodeError error;
    const DecodeResult result = decoder_->decodeChanges(record_, changes_, error);
    nextChange_ = 0;
    changeCount_ = result == DecodeResult::Row ? changes_.size() : 0;
    if (result == DecodeResult::Error) {
      if (!decoder_->ignoresParseErrors()) fail(record_, startLine, error);
      ++skippedRows_;
    }
  }
  return batch.size() > 0 ? runtime::ReadStatus::Data : runtime::ReadStatus::End;
}

bool FileSourceReader::nextLine(std::string& line) {
  while (true) {
    if (!input_.is_open()) {
      if (nextFile_ >= files_.size()) return false;
      currentFile_ = files_[nextFile_++];
      input_.open(currentFile_, std::ios::binary);
      if (!input_) {
        throw runtime::ConnectorError("cannot open '" + currentFile_ +
                                      "': " + std::strerror(errno));
      }
      lineNumber_ = 0;
    }
    if (std::getline(input_, line)) {
      ++lineNumber_;
      if (lineNumber_ == 1 && line.starts_with(kUtf8ByteOrderMark)) {
        line.erase(0, kUtf8ByteOrderMark.size());
      }
      if (!line.empty() && line.back() == '\r') line.pop_back();
      return true;
    }
    if (input_.bad()) {
      throw runtime::ConnectorError("cannot read '" + currentFile_ + "': " + std::strerror(errno));
    }
    input_.close();
  }
}

bool FileSourceReader::nextRecord(std::string& record, int64_t& startLine) {
  if (!nextLine(record)) return false;
  startLine = lineNumber_;
  // A quoted CSV value may hold line breaks: the record goes on in the same file.
  while (decoder_->continuesOnNextLine(record) && input_.is_open() && input_.peek() != EOF) {
    if (!nextLine(line_)) break;
    record += '\n';
    record += line_;
  }
  return true;
}

void FileSourceReader::fail(const std::string& record, int64_t startLine,
                            const DecodeError& error) const {
  const size_t offset = std::min(error.offset, record.size());
  int64_t line = startLine;
  size_t lineBegin = 0;
  for (size_t i = 0; i < offset; ++i) {
    if (record[i] == '\n') {
      ++line;
      lineBegin = i + 1;
    }
  }
  throw runtime::ConnectorError(currentFile_ + ":" + std::to_string(line) + ":" +
                                std::to_string(offset - lineBegin + 1) + ": " + error.message);
}

}  // namespace sluice::connectors
