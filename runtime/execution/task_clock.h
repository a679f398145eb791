// The clocks tasks read: a monotonic one for busy, back-pressure and latency measurements, and
// the wall clock for processing time and CURRENT_TIMESTAMP.
#pragma once

#include <chrono>
#include <cstdint>

namespace sluice::runtime {

inline int64_t steadyNanos() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

inline int64_t steadyMicros() { return steadyNanos() / 1000; }

inline int64_t wallClockMicros() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace sluice::runtime
