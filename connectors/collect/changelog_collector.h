// Where the 'collect' sink puts rows: the changelog lines of every sink of a job, in arrival
// order, for `sqlc run` to print (bare SELECTs, --local) and for the SQL run tests to compare.
// Thread-safe: the sink instances of all subtasks add to one collector.
#pragma once

#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace sluice::connectors {

class ChangelogCollector {
 public:
  // With `echo`, every line is also written to standard output as the print connector would,
  // with the sink's name as the print identifier ("out> +I[1]"; no prefix for a bare SELECT).
  explicit ChangelogCollector(bool echo = false) : echo_(echo) {}

  // Lines in the print format ("+I[1, abc]"), from sink `sinkName` ("" for a bare SELECT).
  void add(const std::string& sinkName, std::vector<std::string> lines);
  // (sink name, line) pairs in the order they arrived.
  std::vector<std::pair<std::string, std::string>> rows() const;

 private:
  const bool echo_;
  mutable std::mutex mutex_;
  std::vector<std::pair<std::string, std::string>> rows_;
};

}  // namespace sluice::connectors
