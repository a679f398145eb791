// What every operator instance counts (docs/ARCHITECTURE.md, "Observability"). Written by the
// task thread that owns the operator, read by the progress reporter: relaxed atomics suffice.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

namespace sluice::runtime {

struct OperatorMetrics {
  std::string name;  // "Source: bid", "Calc", "Sink: print_table"
  int nodeId = 0;
  std::atomic<int64_t> rowsIn{0};
  std::atomic<int64_t> rowsOut{0};
  std::atomic<int64_t> batches{0};
  std::atomic<int64_t> busyNanos{0};
  std::atomic<int64_t> backPressuredNanos{0};
  std::atomic<int64_t> skippedRows{0};  // bad rows skipped by an ignore-parse-errors policy
  std::atomic<int64_t> watermarkMicros{INT64_MIN};
  std::atomic<int64_t> stateKeys{0};   // keyed state at the end of the input
  std::atomic<int64_t> stateBytes{0};

  void add(std::atomic<int64_t>& counter, int64_t amount) {
    counter.fetch_add(amount, std::memory_order_relaxed);
  }
};

}  // namespace sluice::runtime
