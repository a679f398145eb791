#include "connectors/filesystem/file_lookup_table.h"

#include <algorithm>
#include <system_error>

#include "connectors/filesystem/file_listing.h"
#include "connectors/filesystem/file_source.h"

namespace sluice::connectors {
namespace {

constexpr int kLoadBatchRows = 1024;

// Removes one row equal to `row` from `rows`, when there is one.
void removeOne(std::vector<runtime::LookupRow>& rows, const runtime::LookupRow& row) {
  auto found = std::find(rows.begin(), rows.end(), row);
  if (found != rows.end()) rows.erase(found);
}

}  // namespace

FileLookupTable::FileLookupTable(FileLookupSpec spec, runtime::LookupClock clock)
    : spec_(std::move(spec)),
      clock_(clock ? std::move(clock) : runtime::steadyLookupClock()),
      empty_(std::make_shared<const std::vector<runtime::LookupRow>>()) {
  for (const artifact::Field& field : spec_.formatContext.fields) types_.push_back(field.type);
  lastCheck_ = clock_();
  load(stampFiles());
}

std::vector<FileLookupTable::FileStamp> FileLookupTable::stampFiles() const {
  std::vector<std::string> files;
  try {
    files = listInputFiles(spec_.path, spec_.pattern);
  } catch (const runtime::ConnectorError& e) {
    throw runtime::ConnectorError("filesystem lookup table " + spec_.table + ": " + e.what());
  }
  std::vector<FileStamp> stamps;
  for (std::string& file : files) {
    std::error_code error;
    FileStamp stamp;
    stamp.size = std::filesystem::file_size(file, error);
    stamp.modified = std::filesystem::last_write_time(file, error);
    // A file removed between the listing and the stamp reads as changed; the load will tell.
    stamp.path = std::move(file);
    stamps.push_back(std::move(stamp));
  }
  return stamps;
}

void FileLookupTable::reloadIfChanged() {
  const int64_t now = clock_();
  if (now - lastCheck_ < spec_.checkIntervalMillis) return;
  lastCheck_ = now;
  std::vector<FileStamp> stamps = stampFiles();
  if (stamps != loaded_) load(std::move(stamps));
}

void FileLookupTable::load(std::vector<FileStamp> stamps) {
  std::vector<std::string> files;
  files.reserve(stamps.size());
  for (const FileStamp& stamp : stamps) files.push_back(stamp.path);
  FileSourceReader reader(files, makeRowDecoder(spec_.format, spec_.formatContext));
  std::unordered_map<std::vector<runtime::Value>, std::vector<runtime::LookupRow>,
                     runtime::LookupKeyHash>
      grouped;
  runtime::Batch batch(types_, kLoadBatchRows);
  runtime::LookupRow row;
  std::vector<runtime::Value> key;
  while (true) {
    batch.clear();
    if (reader.read(batch) == runtime::ReadStatus::End) break;
    for (int r = 0; r < batch.size(); ++r) {
      row.clear();
      for (int c = 0; c < batch.columnCount(); ++c) {
        row.push_back(runtime::readValue(batch.column(c), r));
      }
      key.clear();
      for (int column : spec_.keyColumns) key.push_back(row[static_cast<size_t>(column)]);
      std::vector<runtime::LookupRow>& rows = grouped[key];
      if (runtime::isAccumulate(batch.rowKind(r))) {
        rows.push_back(row);
      } else {
        removeOne(rows, row);
      }
    }
  }
  index_.clear();
  rowCount_ = 0;
  for (auto& [groupKey, rows] : grouped) {
    if (rows.empty()) continue;
    rowCount_ += static_cast<int64_t>(rows.size());
    index_.emplace(groupKey,
                   std::make_shared<const std::vector<runtime::LookupRow>>(std::move(rows)));
  }
  loaded_ = std::move(stamps);
  ++loads_;
}

runtime::LookupRows FileLookupTable::lookup(const std::vector<runtime::Value>& key) {
  reloadIfChanged();
  auto found = index_.find(key);
  return found == index_.end() ? empty_ : found->second;
}

}  // namespace sluice::connectors
