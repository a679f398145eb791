#include "runtime/execution/source_sequencer.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>

#include "runtime/execution/calc_operator.h"

namespace sluice::runtime {
namespace {

constexpr const char* kSourceOrderOption = "sqlc.exec.source-order";
// Waits wake up this often to notice a failed or cancelled job.
constexpr auto kCancelCheck = std::chrono::milliseconds(20);

std::string trimmed(const std::string& text) {
  const size_t first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

bool contains(const std::vector<int>& list, int value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

std::unique_ptr<SourceSequencer> SourceSequencer::fromPlan(const artifact::JobPlan& plan) {
  const std::string text = plan.option(kSourceOrderOption, "");
  if (text.empty()) return nullptr;
  std::vector<int> nodes;
  for (const artifact::Node& node : plan.nodes) {
    if (node.kind != artifact::NodeKind::Source && node.kind != artifact::NodeKind::Values) continue;
    if (node.parallelism != 1) {
      throw JobFailure("option '" + std::string(kSourceOrderOption) +
                       "' orders sources of parallelism 1, and " +
                       (node.table.empty() ? std::string("a VALUES source") : node.tableShortName()) +
                       " has " + std::to_string(node.parallelism));
    }
    nodes.push_back(node.id);
  }
  // One source needs no order: its rows already reach every operator in the order it reads them.
  if (nodes.size() < 2) return nullptr;
  std::sort(nodes.begin(), nodes.end());
  std::vector<int> turns;
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    const std::string entry = trimmed(text.substr(start, comma - start));
    start = comma + 1;
    if (entry.empty()) continue;
    std::string table = entry;
    int64_t count = 1;
    if (const size_t colon = entry.rfind(':'); colon != std::string::npos) {
      table = trimmed(entry.substr(0, colon));
      const std::string digits = trimmed(entry.substr(colon + 1));
      char* end = nullptr;
      count = std::strtoll(digits.c_str(), &end, 10);
      if (digits.empty() || *end != '\0' || count < 1 || count > 100'000'000) {
        throw JobFailure("option '" + std::string(kSourceOrderOption) + "': '" + entry +
                         "' must be a table name, optionally followed by ':' and a row count");
      }
    }
    // One SET serves every statement of a script, so tables this job does not read are skipped.
    std::vector<int> readers;
    for (const artifact::Node& node : plan.nodes) {
      if (node.kind == artifact::NodeKind::Source &&
          (node.table == table || node.tableShortName() == table)) {
        readers.push_back(node.id);
      }
    }
    std::sort(readers.begin(), readers.end());
    for (int64_t i = 0; i < count; ++i) turns.insert(turns.end(), readers.begin(), readers.end());
  }
  return std::unique_ptr<SourceSequencer>(new SourceSequencer(std::move(turns), std::move(nodes)));
}

SourceSequencer::SourceSequencer(std::vector<int> turns, std::vector<int> nodes)
    : turns_(std::move(turns)), nodes_(std::move(nodes)) {}

bool SourceSequencer::orders(int nodeId) const { return contains(nodes_, nodeId); }

int SourceSequencer::currentNode() const {
  // The listed turns, skipping those of sources that have no rows left ...
  for (size_t turn = nextTurn_; turn < turns_.size(); ++turn) {
    if (!contains(drained_, turns_[turn])) return turns_[turn];
  }
  // ... then the rest of each source's rows, in node order ...
  for (int node : nodes_) {
    if (!contains(drained_, node)) return node;
  }
  // ... then each source's end.
  for (int node : nodes_) {
    if (!contains(ended_, node)) return node;
  }
  return -1;
}

bool SourceSequencer::waitFor(std::unique_lock<std::mutex>& lock, int nodeId,
                              const std::atomic<bool>& cancelled) {
  while (currentNode() != nodeId) {
    if (cancelled.load(std::memory_order_relaxed)) return false;
    changed_.wait_for(lock, kCancelCheck);
  }
  return !cancelled.load(std::memory_order_relaxed);
}

bool SourceSequencer::awaitRowTurn(int nodeId, const std::atomic<bool>& cancelled) {
  std::unique_lock<std::mutex> lock(mutex_);
  return waitFor(lock, nodeId, cancelled);
}

bool SourceSequencer::endRowTurn(const std::atomic<bool>& cancelled) {
  if (!inFlight_.awaitQuiet(cancelled)) return false;
  std::lock_guard<std::mutex> lock(mutex_);
  // Past the listed turns a source keeps its turn until it has no rows left.
  while (nextTurn_ < turns_.size() && contains(drained_, turns_[nextTurn_])) ++nextTurn_;
  if (nextTurn_ < turns_.size()) ++nextTurn_;
  changed_.notify_all();
  return true;
}

bool SourceSequencer::awaitEndTurn(int nodeId, const std::atomic<bool>& cancelled) {
  std::unique_lock<std::mutex> lock(mutex_);
  if (!contains(drained_, nodeId)) drained_.push_back(nodeId);
  changed_.notify_all();
  return waitFor(lock, nodeId, cancelled);
}

bool SourceSequencer::endEndTurn(int nodeId, const std::atomic<bool>& cancelled) {
  if (!inFlight_.awaitQuiet(cancelled)) return false;
  std::lock_guard<std::mutex> lock(mutex_);
  ended_.push_back(nodeId);
  changed_.notify_all();
  return true;
}

}  // namespace sluice::runtime
