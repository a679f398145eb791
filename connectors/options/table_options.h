// A table's connector options as a runtime connector reads them: typed look-ups whose failures
// name the table and the key. The compiler has already refused unknown keys, so connectors only
// read the keys they use and may ignore the rest.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "compiler/artifact/job_plan.h"

namespace sluice::connectors {

class TableOptions {
 public:
  TableOptions(const std::map<std::string, std::string>& options, std::string table);
  explicit TableOptions(const artifact::Node& node);

  const std::string& table() const { return table_; }
  const std::map<std::string, std::string>& all() const { return options_; }

  std::optional<std::string> find(const std::string& key) const;
  std::string text(const std::string& key, const std::string& fallback) const;
  int64_t integer(const std::string& key, int64_t fallback) const;
  double number(const std::string& key, double fallback) const;
  bool flag(const std::string& key, bool fallback) const;
  // A single character such as a delimiter; '\t' and the Java escapes '\\t' are accepted.
  char character(const std::string& key, char fallback) const;
  // Flink's duration syntax: '500', '500 ms', '10s', '1 min', '2h', '1 d' (no unit: millis).
  int64_t durationMillis(const std::string& key, int64_t fallback) const;
  // Flink's memory sizes: '1024', '64 kb', '128MB', '1g' (binary units; no unit: bytes).
  int64_t memoryBytes(const std::string& key, int64_t fallback) const;

  // Fails with "invalid value 'v' for option 'key' of table t: expected <expectation>".
  [[noreturn]] void invalid(const std::string& key, const std::string& expectation) const;

 private:
  const std::map<std::string, std::string>& options_;
  std::string table_;
};

}  // namespace sluice::connectors
