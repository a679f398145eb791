// The LOOKUP hint's 'async' = 'true': a lookup join's lookups run on a worker thread of their own,
// one batch's keys per request in the order they were submitted, while the pipeline thread goes
// on reading and joining. A connector's table is not thread-safe, and one worker calls it at a
// time; what async buys is that a slow table (a database, a retry's 'fixed-delay') no longer
// stops the pipeline thread, up to the hint's 'capacity' rows in flight.
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "runtime/connector/lookup_table.h"

namespace sluice::runtime {

struct LookupRequest {
  std::vector<std::vector<Value>> keys;
  std::vector<LookupRows> results;  // results[i]: the rows of keys[i], once done
  std::exception_ptr error;         // what the lookup threw, once done
  bool done = false;                // under the worker's lock
};

class LookupWorker {
 public:
  // `lookUp` fills a request's results (and may throw); it runs on the worker thread only.
  explicit LookupWorker(
      std::function<void(const std::vector<std::vector<Value>>&, std::vector<LookupRows>&)> lookUp);
  ~LookupWorker();
  LookupWorker(const LookupWorker&) = delete;
  LookupWorker& operator=(const LookupWorker&) = delete;

  void submit(std::shared_ptr<LookupRequest> request);
  bool isDone(const LookupRequest& request);
  // Blocks until `request` is done; false when `deadline` passes first.
  bool await(const LookupRequest& request, std::chrono::steady_clock::time_point deadline);

 private:
  std::function<void(const std::vector<std::vector<Value>>&, std::vector<LookupRows>&)> lookUp_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::shared_ptr<LookupRequest>> queue_;
  bool stopping_ = false;
  std::thread thread_;  // last: started once the members above exist

  void run();
};

}  // namespace sluice::runtime
