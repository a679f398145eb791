#include "connectors/filesystem/filesystem_connector.h"

#include "connectors/options/session_zone.h"
#include "connectors/options/table_options.h"
#include "connectors/filesystem/file_listing.h"
#include "connectors/filesystem/file_lookup_table.h"
#include "connectors/filesystem/file_sink.h"
#include "connectors/filesystem/file_source.h"

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
  return policy;
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
  std::unique_ptr<RowEncoder> encoder =
      makeRowEncoder(table.format, formatContext(context, options, table));
  return std::make_unique<FileSinkWriter>(options.table(),
                                          PartFileNaming{table.path, context.subtask, table.format},
                                          std::move(encoder), rollingPolicy(options));
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
