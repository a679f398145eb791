#include "runtime/exchange/in_flight_events.h"

#include <chrono>

namespace sluice::runtime {

void InFlightEvents::added(int64_t count) {
  std::lock_guard<std::mutex> lock(mutex_);
  count_ += count;
}

void InFlightEvents::done(int64_t count) {
  if (count == 0) return;
  std::lock_guard<std::mutex> lock(mutex_);
  count_ -= count;
  if (count_ == 0) quiet_.notify_all();
}

bool InFlightEvents::awaitQuiet(const std::atomic<bool>& cancelled) {
  std::unique_lock<std::mutex> lock(mutex_);
  while (count_ > 0) {
    if (cancelled.load(std::memory_order_relaxed)) return false;
    // Wakes up now and then to notice a failed or cancelled job.
    quiet_.wait_for(lock, std::chrono::milliseconds(20));
  }
  return !cancelled.load(std::memory_order_relaxed);
}

}  // namespace sluice::runtime
