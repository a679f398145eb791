// Helpers of the connector unit tests: table nodes, connector contexts, scratch directories,
// and reading a source to the end as changelog lines.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "compiler/artifact/job_plan.h"
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

}  // namespace sluice::connectors::testing
