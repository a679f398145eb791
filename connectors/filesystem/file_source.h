// Reads rows from files, one record per line (a CSV record may go on over quoted line breaks),
// each file whole and in order; a changelog format's record may give several rows of any kind.
// A bad record fails the job with "path:line:column: message", or with the format's
// ignore-parse-errors option is skipped and counted.
#pragma once

#include <cstdint>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "connectors/format/row_format.h"
#include "runtime/connector/connector.h"

namespace sluice::connectors {

class FileSourceReader : public runtime::SourceReader {
 public:
  FileSourceReader(std::vector<std::string> files, std::unique_ptr<RowDecoder> decoder);

  runtime::ReadStatus read(runtime::Batch& batch) override;
  int64_t skippedRows() const override { return skippedRows_; }

 private:
  // The next record and the line it starts on; false when every file has been read.
  bool nextRecord(std::string& record, int64_t& startLine);
  bool nextLine(std::string& line);
  [[noreturn]] void fail(const std::string& record, int64_t startLine,
                         const DecodeError& error) const;

  std::vector<std::string> files_;
  std::unique_ptr<RowDecoder> decoder_;
  size_t nextFile_ = 0;
  std::ifstream input_;
  std::string currentFile_;
  int64_t lineNumber_ = 0;
  std::string line_;
  std::string record_;
  // The current record's changes; those from `nextChange_` on did not fit the last batch.
  std::vector<DecodedChange> changes_;
  size_t changeCount_ = 0;
  size_t nextChange_ = 0;
  int64_t skippedRows_ = 0;
};

}  // namespace sluice::connectors
