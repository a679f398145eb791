// Counts the events that sit in input gates or are being processed, for the source sequencer
// (runtime/execution/source_sequencer.h): zero means the job is quiet, every row that entered it
// has gone as far as it goes.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace sluice::runtime {

class InFlightEvents {
 public:
  void added(int64_t count);
  void done(int64_t count);
  // Blocks until nothing is in flight; false when cancelled first.
  bool awaitQuiet(const std::atomic<bool>& cancelled);

 private:
  std::mutex mutex_;
  std::condition_variable quiet_;
  int64_t count_ = 0;
};

}  // namespace sluice::runtime
