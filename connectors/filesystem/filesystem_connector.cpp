#include "connectors/filesystem/filesystem_connector.h"

#include <algorithm>

#include "connectors/options/session_zone.h"
#include "connectors/options/table_options.h"
#include "connectors/filesystem/file_listing.h"
#include "connectors/filesystem/file_lookup_table.h"
#include "connectors/filesystem/file_sink.h"
#include "connectors/filesystem/file_source.h"
#include "connectors/filesystem/partition_commit.h"

namespace sluice::connectors {

namespace {

// Where a table's path, format and format options are, in the current or the legacy form.
struct FileTable {
  std::string path;
  std::string format;
  std::string formatPrefix;  // 'csv.' or, legacy, 'format.'
};

FileTable describeTable(const TableOptions& options) {
  FileTable table;
  if (auto path = options.find("path")) {
    table.path = localPath(*path);
    table.format = options.text("format", "");
    table.formatPrefix = table.format + ".";
  } else if (auto legacyPath = options.find("connector.path")) {
    table.path = localPath(*legacyPath);
    table.format = options.text("format.type", "");
    table.formatPrefix = "format.";
  } else {
    throw runtime::ConnectorError("filesystem table " + options.table() + " has no 'path' option");
  }
  if (table.format.empty()) {
    throw runtime::ConnectorError("filesystem table " + options.table() +
                                  " has no 'format' option");
  }
  return table;
}

FormatContext formatContext(const runtime::ConnectorContext& context, const TableOptions& options,
                            const FileTable& table) {
  return FormatContext{options, table.formatPrefix, context.node->schema, sessionZone(context)};
}

RollingPolicy rollingPolicy(const TableOptions& options) {
  RollingPolicy policy;
  policy.maxFileBytes = options.memoryBytes("sink.rolling-policy.file-size", policy.maxFileBytes);
  policy.rolloverInterval = std::chrono::milliseconds(options.durationMillis(
      "sink.rolling-policy.rollover-interval", policy.rolloverInterval.count()));
  policy.inactivityInterval = std::chrono::milliseconds(options.durationMillis(
      "sink.rolling-policy.inactivity-interval", policy.inactivityInterval.count()));
  policy.checkInterval = std::chrono::milliseconds(options.durationMillis(
      "sink.rolling-policy.check-interval", policy.checkInterval.count()));
  return policy;
}

// The partition columns resolved against the sink's schema; the rest are the files' columns.
PartitionLayout partitionLayout(const runtime::ConnectorContext& context,
                                const TableOptions& options) {
  const artifact::Node& node = *context.node;
  PartitionLayout layout;
  layout.keys = node.partitionKeys;
  for (const std::string& key : node.partitionKeys) {
    int found = -1;
    for (size_t c = 0; c < node.schema.size(); ++c) {
      if (node.schema[c].name == key) found = static_cast<int>(c);
    }
    if (found < 0) {
      throw runtime::ConnectorError("filesystem table " + options.table() +
                                    ": no column for partition key '" + key + "'");
    }
    layout.keyColumns.push_back(found);
    layout.keyTypes.push_back(node.schema[static_cast<size_t>(found)].type);
  }
  for (size_t c = 0; c < node.schema.size(); ++c) {
    const int column = static_cast<int>(c);
    if (std::find(layout.keyColumns.begin(), layout.keyColumns.end(), column) ==
        layout.keyColumns.end()) {
      layout.dataColumns.push_back(column);
    }
  }
  layout.defaultName = options.text("partition.default-name", kDefaultPartitionName);
  const std::string extractor = options.text("partition.time-extractor.kind", "default");
  if (extractor != "default") {
    throw runtime::ConnectorError("filesystem table " + options.table() +
                                  ": partition time extractor '" + extractor +
                                  "' is not supported ('partition.time-extractor.kind'): there "
                                  "is no user code here; use 'default'");
  }
  std::string formatter = options.text("partition.time-extractor.timestamp-formatter", "");
  if (formatter == "yyyy-MM-dd HH:mm:ss") formatter.clear();  // Flink's default, read leniently
  layout.timeExtractor = PartitionTimeExtractor(
      node.partitionKeys, options.text("partition.time-extractor.timestamp-pattern", ""),
      formatter);
  layout.zone = sessionZone(context);
  return layout;
}

}  // namespace

std::unique_ptr<runtime::SourceReader> FilesystemConnectorFactory::createSource(
    const runtime::ConnectorContext& context) const {
  const TableOptions options(*context.node);
  const FileTable table = describeTable(options);
  std::unique_ptr<RowDecoder> decoder =
      makeRowDecoder(table.format, formatContext(context, options, table));
  std::vector<std::string> files;
  try {
    files = listInputFiles(table.path, options.find("source.path.regex-pattern"));
  } catch (const runtime::ConnectorError& e) {
    throw runtime::ConnectorError("filesystem table " + options.table() + ": " + e.what());
  }
  return std::make_unique<FileSourceReader>(
      filesOfSubtask(files, context.subtask, context.parallelism), std::move(decoder));
}

std::unique_ptr<runtime::SinkWriter> FilesystemConnectorFactory::createSink(
    const runtime::ConnectorContext& context) const {
  const TableOptions options(*context.node);
  const FileTable table = describeTable(options);
  FormatContext format = formatContext(context, options, table);
  PartFileNaming naming{table.path, context.subtask, table.format};
  if (context.node->partitionKeys.empty()) {
    return std::make_unique<FileSinkWriter>(options.table(), std::move(naming),
                                            makeRowEncoder(table.format, format),
                                            rollingPolicy(options));
  }
  PartitionLayout layout = partitionLayout(context, options);
  // Flink writes the rows without their partition columns: the path holds them.
  std::vector<artifact::Field> dataFields;
  for (int column : layout.dataColumns) {
    dataFields.push_back(context.node->schema[static_cast<size_t>(column)]);
  }
  format.fields = std::move(dataFields);
  std::unique_ptr<RowEncoder> encoder = makeRowEncoder(table.format, format);
  PartitionCommitPolicy::fromOptions(options);  // refuses an unsupported policy up front
  return std::make_unique<FileSinkWriter>(options.table(), std::move(naming), std::move(encoder),
                                          rollingPolicy(options), std::move(layout),
                                          committerFor(context, table.path));
}

std::shared_ptr<PartitionCommitter> FilesystemConnectorFactory::committerFor(
    const runtime::ConnectorContext& context, const std::string& directory) const {
  const TableOptions options(*context.node);
  const CommitterKey key{context.node, context.cancelled};
  std::lock_guard<std::mutex> lock(committersMutex_);
  for (auto it = committers_.begin(); it != committers_.end();) {
    it = it->second.expired() ? committers_.erase(it) : std::next(it);
  }
  if (auto existing = committers_[key].lock()) return existing;
  auto committer = std::make_shared<PartitionCommitter>(directory, context.parallelism,
                                                        PartitionCommitPolicy::fromOptions(options));
  committers_[key] = committer;
  return committer;
}

}  // namespace sluice::connectors

namespace sluice::connectors {

// How often the files are checked for changes: 'lookup.full-cache.periodic-reload.interval'
// (FLIP-221), else Flink's filesystem 'lookup.join.cache.ttl', else every second.
std::unique_ptr<runtime::LookupTable> FilesystemConnectorFactory::createLookupTable(
    const runtime::LookupContext& context) const {
  const TableOptions options(*context.node);
  const FileTable table = describeTable(options);
  const int64_t checkInterval = options.durationMillis(
      "lookup.full-cache.periodic-reload.interval",
      options.durationMillis("lookup.join.cache.ttl", kDefaultLookupCheckMillis));
  FileLookupSpec spec{options.table(),
                      table.path,
                      options.find("source.path.regex-pattern"),
                      table.format,
                      formatContext(context, options, table),
                      context.keyColumns,
                      checkInterval};
  return std::make_unique<FileLookupTable>(std::move(spec), context.clock);
}

}  // namespace sluice::connectors
