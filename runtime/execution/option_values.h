// The value syntaxes of Flink's options, shared by job options (`sqlc.batch.max-latency`,
// `table.exec.source.idle-timeout`) and connector options (`source.monitor-interval`, ...).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace sluice::runtime {

// Flink's TimeUtils.parseDuration: '500', '500 ms', '10s', '1 min', '2h', '1 d', '250 us'
// (no unit: milliseconds), in microseconds.
std::optional<int64_t> parseDurationMicros(const std::string& text);
// Flink's MemorySize.parse: '64', '64 kb', '1m', '2 gb' (no unit: bytes).
std::optional<int64_t> parseMemoryBytes(const std::string& text);

}  // namespace sluice::runtime
