// The filesystem connector as a lookup table: the files of 'path' (as the source lists them)
// decoded whole into memory and indexed by the lookup key columns. The table watches the files:
// at most every `checkIntervalMillis` a lookup compares their paths, sizes and modification
// times with those it loaded and reloads them all when any differ, so an edited dimension file
// is seen by later lookups (a retried lookup included). A changelog format's -U/-D rows remove
// the rows they name. Bad records fail or are skipped as the format's options say, as in the
// source.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "connectors/format/row_format.h"
#include "runtime/connector/lookup_table.h"

namespace sluice::connectors {

struct FileLookupSpec {
  std::string table;  // for messages
  std::string path;
  std::optional<std::string> pattern;  // 'source.path.regex-pattern'
  std::string format;
  FormatContext formatContext;
  std::vector<int> keyColumns;
  int64_t checkIntervalMillis = 1000;
};

class FileLookupTable : public runtime::LookupTable {
 public:
  FileLookupTable(FileLookupSpec spec, runtime::LookupClock clock);

  runtime::LookupRows lookup(const std::vector<runtime::Value>& key) override;

  int64_t loads() const { return loads_; }  // how many times the files were read
  int64_t rowCount() const { return rowCount_; }

 private:
  struct FileStamp {
    std::string path;
    uintmax_t size = 0;
    std::filesystem::file_time_type modified;
    bool operator==(const FileStamp& other) const = default;
  };

  std::vector<FileStamp> stampFiles() const;
  void reloadIfChanged();
  void load(std::vector<FileStamp> stamps);

  FileLookupSpec spec_;
  std::vector<DataType> types_;
  runtime::LookupClock clock_;
  int64_t lastCheck_ = 0;
  std::vector<FileStamp> loaded_;
  std::unordered_map<std::vector<runtime::Value>, runtime::LookupRows, runtime::LookupKeyHash>
      index_;
  runtime::LookupRows empty_;
  int64_t loads_ = 0;
  int64_t rowCount_ = 0;
};

}  // namespace sluice::connectors
