// Flink's duration syntax (TimeUtils.parseDuration) for the options and hints the compiler reads
// itself: 'table.exec.state.ttl' and the STATE_TTL hint. The runtime has its own parser
// (runtime/execution/option_values.h) because the compiler does not link the runtime.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace sluice {

// '90000', '500 ms', '10s', '1 min', '2h', '1 d', '250 us' (no unit: milliseconds), in whole
// milliseconds (sub-millisecond parts are dropped, as Flink's Duration.toMillis does); nullopt
// for anything else, a negative number or an overflow.
std::optional<int64_t> parseDurationMillis(const std::string& text);

}  // namespace sluice
