// Processing time for state TTL, in milliseconds since the epoch. A function rather than a
// direct clock call so that tests (and a replaying job) can drive time themselves.
#pragma once

#include <cstdint>
#include <functional>

namespace sluice::runtime {

using StateClock = std::function<int64_t()>;

// Wall-clock time, not a steady clock: expiry times are stored in snapshots and must still
// mean the same instant after a restore in another process.
int64_t systemTimeMillis();

}  // namespace sluice::runtime
