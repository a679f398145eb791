#include "connectors/filesystem/partition_commit.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <limits>
#include <sstream>

#include "connectors/options/table_options.h"
#include "runtime/connector/connector.h"

namespace sluice::connectors {

namespace {

std::vector<std::string> policyKinds(const std::string& text) {
  std::vector<std::string> kinds;
  std::stringstream stream(text);
  for (std::string kind; std::getline(stream, kind, ',');) {
    kind.erase(0, kind.find_first_not_of(" \t"));
    kind.erase(kind.find_last_not_of(" \t") + 1);
    if (!kind.empty()) kinds.push_back(kind);
  }
  return kinds;
}

}  // namespace

PartitionCommitPolicy PartitionCommitPolicy::fromOptions(const TableOptions& options) {
  PartitionCommitPolicy policy;
  const std::string trigger = options.text("sink.partition-commit.trigger", "process-time");
  if (trigger == "partition-time") {
    policy.trigger = CommitTrigger::PartitionTime;
  } else if (trigger != "process-time") {
    options.invalid("sink.partition-commit.trigger", "'process-time' or 'partition-time'");
  }
  policy.delayMicros = options.durationMillis("sink.partition-commit.delay", 0) * 1000;
  const std::string zone = options.text("sink.partition-commit.watermark-time-zone", "UTC");
  const std::optional<runtime::TimeZone> watermarkZone = runtime::TimeZone::forName(zone);
  if (!watermarkZone) options.invalid("sink.partition-commit.watermark-time-zone", "a time zone");
  policy.watermarkZone = *watermarkZone;
  for (const std::string& kind : policyKinds(options.text("sink.partition-commit.policy.kind", ""))) {
    if (kind == "success-file") {
      policy.successFile = true;
    } else if (kind == "metastore" || kind == "custom") {
      throw runtime::ConnectorError(
          "filesystem table " + options.table() + ": partition commit policy '" + kind +
          "' is not supported ('sink.partition-commit.policy.kind'): there is no " +
          (kind == "metastore" ? "metastore" : "user code") + " here; use 'success-file'");
    } else {
      options.invalid("sink.partition-commit.policy.kind",
                      "a comma-separated list of 'success-file', 'metastore', 'custom'");
    }
  }
  policy.successFileName =
      options.text("sink.partition-commit.success-file.name", policy.successFileName);
  return policy;
}

PartitionCommitter::PartitionCommitter(std::string directory, int subtasks,
                                       PartitionCommitPolicy policy)
    : directory_(std::move(directory)),
      policy_(std::move(policy)),
      watermarks_(static_cast<size_t>(std::max(subtasks, 1)),
                  std::numeric_limits<int64_t>::min()),
      finished_(watermarks_.size(), false) {}

void PartitionCommitter::opened(int subtask, const std::string& partition, int64_t dueMicros) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto [it, inserted] = pending_.try_emplace(partition);
  // A partition rewritten after its commit (late rows) is due again by its first time.
  if (inserted) it->second.dueMicros = dueMicros;
  it->second.openIn.insert(subtask);
}

void PartitionCommitter::closed(int subtask, const std::string& partition) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (auto it = pending_.find(partition); it != pending_.end()) it->second.openIn.erase(subtask);
}

void PartitionCommitter::advance(int subtask, int64_t watermark, int64_t nowMicros) {
  std::lock_guard<std::mutex> lock(mutex_);
  int64_t& current = watermarks_.at(static_cast<size_t>(subtask));
  current = std::max(current, watermark);
  commitDue(nowMicros, false);
}

void PartitionCommitter::finish(int subtask) {
  std::lock_guard<std::mutex> lock(mutex_);
  finished_.at(static_cast<size_t>(subtask)) = true;
  watermarks_.at(static_cast<size_t>(subtask)) = std::numeric_limits<int64_t>::max();
  const bool all = std::all_of(finished_.begin(), finished_.end(), [](bool f) { return f; });
  commitDue(0, all);
}

std::vector<std::string> PartitionCommitter::committed() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return committed_;
}

void PartitionCommitter::commitDue(int64_t nowMicros, bool all) {
  const int64_t lowest = *std::min_element(watermarks_.begin(), watermarks_.end());
  const int64_t reached = policy_.trigger == CommitTrigger::PartitionTime ? lowest : nowMicros;
  for (auto it = pending_.begin(); it != pending_.end();) {
    const Partition& partition = it->second;
    const bool due = all || reached > partition.dueMicros;
    if (!due || !partition.openIn.empty()) {
      ++it;
      continue;
    }
    commit(it->first);
    it = pending_.erase(it);
  }
}

void PartitionCommitter::commit(const std::string& partition) {
  committed_.push_back(partition);
  if (!policy_.successFile) return;
  const std::filesystem::path path =
      std::filesystem::path(directory_) / partition / policy_.successFileName;
  std::FILE* file = std::fopen(path.string().c_str(), "wb");
  if (file == nullptr || std::fclose(file) != 0) {
    throw runtime::ConnectorError("cannot write success file '" + path.string() +
                                  "': " + std::strerror(errno));
  }
}

}  // namespace sluice::connectors
