// The value syntaxes of Flink's options, shared by the compiler (`table.exec.state.ttl`, the
// STATE_TTL hint), job options (`sqlc.batch.max-latency`, `table.exec.source.idle-timeout`) and
// connector options (`source.monitor-interval`, ...). Here, in the type vocabulary library,
// because both the compiler and the runtime link it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace sluice {

// Flink's TimeUtils.parseDuration: '500', '500 ms', '10s', '1 min', '2h', '1 d', '250 us',
// '10 ns' (no unit: milliseconds), in whole microseconds (finer parts are dropped); nullopt
// for anything else, a negative number or an overflow.
std::optional<int64_t> parseDurationMicros(const std::string& text);
// Flink's MemorySize.parse: '64', '64 kb', '1m', '2 gb' (no unit: bytes).
std::optional<int64_t> parseMemoryBytes(const std::string& text);

}  // namespace sluice
