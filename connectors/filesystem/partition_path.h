// Partition directories of a filesystem table, as Flink names them: one level per partition
// column, 'dt=2023-11-14/hm=22%3A13', the values escaped as Flink's PartitionPathUtils does
// (a character unsafe in a path or meaningful to Hive, ':' '/' '=' '%' '#' ..., becomes '%' and
// two upper-case hex digits) and a NULL or blank value written as 'partition.default-name'.
//
// And the time of a partition, for 'sink.partition-commit.trigger' = 'partition-time': Flink's
// default extractor puts the partition's values into 'partition.time-extractor.timestamp-pattern'
// ('$dt $hm:00'; without a pattern, the first partition column's value) and reads the text as a
// local date-time, 'yyyy-MM-dd HH:mm:ss' or 'yyyy-MM-dd' (or the pattern given in
// 'partition.time-extractor.timestamp-formatter', letters y M d H m s only).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sluice::connectors {

inline constexpr const char* kDefaultPartitionName = "__DEFAULT_PARTITION__";

// A partition value as it appears in a path.
std::string escapePartitionValue(const std::string& value);

// 'k1=v1/k2=v2' for the keys and their (unescaped) values; nullopt values are NULL.
std::string partitionDirectory(const std::vector<std::string>& keys,
                               const std::vector<std::optional<std::string>>& values,
                               const std::string& defaultName = kDefaultPartitionName);

class PartitionTimeExtractor {
 public:
  // `pattern` empty: the first key's value; `formatter` empty: Flink's default reading.
  PartitionTimeExtractor(std::vector<std::string> keys, std::string pattern,
                         std::string formatter);

  // The partition's local date-time as microseconds since 1970-01-01T00:00 (no zone applied), or
  // nullopt when the text does not parse (the caller names the partition in its error).
  std::optional<int64_t> extract(const std::vector<std::string>& values) const;
  // The text extract() parses, for errors.
  std::string timestampText(const std::vector<std::string>& values) const;

 private:
  std::vector<std::string> keys_;
  std::string pattern_;
  std::string formatter_;
};

// Reads 'yyyy-M-d' or 'yyyy-M-d H:m:s' with an optional fraction of a second
// after the seconds, as Flink's default extractor does, to local microseconds.
std::optional<int64_t> parseLocalTimestamp(const std::string& text);
// Reads `text` by a java.time-style `formatter` made of y M d H m s runs and literal characters.
std::optional<int64_t> parseLocalTimestamp(const std::string& text, const std::string& formatter);

}  // namespace sluice::connectors
