// Helpers of the connector unit tests: table nodes, connector contexts, batches, scratch
// directories, reading a source to the end as changelog lines, and a fixture reading one file
// of a filesystem table in a format.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "compiler/artifact/job_plan.h"
#include "connectors/filesystem/filesystem_connector.h"
#include "connectors/print/changelog_text.h"
#include "runtime/connector/connector.h"
#include "runtime/data/batch.h"
#include "runtime/data/time_zone.h"
#include "runtime/data/value.h"

namespace sluice::connectors::testing {

inline artifact::Node tableNode(artifact::NodeKind kind, std::string table,
                                std::vector<artifact::Field> schema,
                                std::map<std::string, std::string> options) {
  artifact::Node node;
  node.kind = kind;
  node.table = std::move(table);
  node.schema = std::move(schema);
  auto connector = options.find("connector");
  node.connector = connector == options.end() ? "" : connector->second;
  node.options = std::move(options);
  return node;
}

inline runtime::ConnectorContext contextFor(const artifact::Node& node, int subtask = 0,
                                            int parallelism = 1) {
  runtime::ConnectorContext context;
  context.node = &node;
  context.subtask = subtask;
  context.parallelism = parallelism;
  return context;
}

inline std::vector<DataType> typesOf(const std::vector<artifact::Field>& fields) {
  std::vector<DataType> types;
  for (const auto& field : fields) types.push_back(field.type);
  return types;
}

// A batch of `capacity` rows holding `rows`, each an insertion.
inline runtime::Batch batchOf(const std::vector<DataType>& types,
                              const std::vector<std::vector<runtime::Value>>& rows,
                              int capacity = 4) {
  runtime::Batch batch(types, capacity);
  for (size_t r = 0; r < rows.size(); ++r) {
    for (size_t c = 0; c < rows[r].size(); ++c) {
      runtime::writeValue(batch.column(static_cast<int>(c)), static_cast<int>(r), rows[r][c],
                          batch.arena());
    }
    batch.rowKinds()[r] = runtime::RowKind::Insert;
  }
  batch.setSize(static_cast<int>(rows.size()));
  return batch;
}

// Reads `reader` to its end (waiting out Idle reads) as "+I[...]" lines.
inline std::vector<std::string> readAll(runtime::SourceReader& reader,
                                        const std::vector<DataType>& types, int batchSize = 4) {
  std::vector<std::string> lines;
  const runtime::TimeZone utc = runtime::TimeZone::utc();
  for (int reads = 0; reads < 1'000'000; ++reads) {
    runtime::Batch batch(types, batchSize);
    const runtime::ReadStatus status = reader.read(batch);
    if (status == runtime::ReadStatus::End) return lines;
    for (int row = 0; row < batch.size(); ++row) {
      lines.push_back(formatChangelogRow(batch, row, utc));
    }
  }
  ADD_FAILURE() << "the source did not end";
  return lines;
}

// A fresh directory, removed with everything in it at the end of the test.
class ScratchDirectory {
 public:
  ScratchDirectory() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "sluice-connector-test-XXXXXX").string();
    path_ = mkdtemp(pattern.data());
  }
  ~ScratchDirectory() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  ScratchDirectory(const ScratchDirectory&) = delete;
  ScratchDirectory& operator=(const ScratchDirectory&) = delete;

  std::string path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }

  // Writes `text` to `name` (creating directories on the way) and returns its path.
  std::string write(const std::string& name, const std::string& text) const {
    const std::filesystem::path target = file(name);
    std::filesystem::create_directories(target.parent_path());
    std::ofstream(target, std::ios::binary) << text;
    return target.string();
  }

 private:
  std::string path_;
};

inline std::string readText(const std::string& path) {
  std::ifstream input(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(input), std::istreambuf_iterator<char>());
}

// Reads text as the one file of a filesystem table in a format ('csv', 'json').
class FormatFileTest : public ::testing::Test {
 protected:
  using Options = std::map<std::string, std::string>;

  explicit FormatFileTest(std::string format) : format_(std::move(format)) {}

  // Reads `text` as the file "input.<format>" of a source table with `extra` options.
  std::vector<std::string> read(const std::string& text, std::vector<artifact::Field> fields,
                                Options extra = {}) {
    path_ = scratch_.write("input." + format_, text);
    Options options = {{"connector", "filesystem"}, {"path", path_}, {"format", format_}};
    options.insert(extra.begin(), extra.end());
    node_ = tableNode(artifact::NodeKind::Source, "src", fields, options);
    reader_ = FilesystemConnectorFactory().createSource(contextFor(node_));
    return readAll(*reader_, typesOf(fields));
  }

  // The message of the ConnectorError reading `text` fails with, the file's directory left out.
  std::string failure(const std::string& text, std::vector<artifact::Field> fields,
                      Options extra = {}) {
    try {
      read(text, std::move(fields), std::move(extra));
    } catch (const runtime::ConnectorError& e) {
      std::string message = e.what();
      const std::string directory = scratch_.path() + "/";
      if (message.starts_with(directory)) message.erase(0, directory.size());
      return message;
    }
    return "(no error)";
  }

  ScratchDirectory scratch_;
  std::string path_;
  artifact::Node node_;
  std::unique_ptr<runtime::SourceReader> reader_;

 private:
  std::string format_;
};

}  // namespace sluice::connectors::testing
