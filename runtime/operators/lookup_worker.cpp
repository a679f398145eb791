#include "runtime/operators/lookup_worker.h"

#include <utility>

namespace sluice::runtime {

LookupWorker::LookupWorker(
    std::function<void(const std::vector<std::vector<Value>>&, std::vector<LookupRows>&)> lookUp)
    : lookUp_(std::move(lookUp)), thread_([this] { run(); }) {}

LookupWorker::~LookupWorker() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

void LookupWorker::submit(std::shared_ptr<LookupRequest> request) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    queue_.push_back(std::move(request));
  }
  changed_.notify_all();
}

bool LookupWorker::isDone(const LookupRequest& request) {
  std::lock_guard<std::mutex> lock(mutex_);
  return request.done;
}

bool LookupWorker::await(const LookupRequest& request,
                         std::chrono::steady_clock::time_point deadline) {
  std::unique_lock<std::mutex> lock(mutex_);
  return changed_.wait_until(lock, deadline, [&] { return request.done; });
}

void LookupWorker::run() {
  while (true) {
    std::shared_ptr<LookupRequest> request;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      changed_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      // Requests still queued when the operator goes are not wanted any more.
      if (stopping_) return;
      request = queue_.front();
      queue_.pop_front();
    }
    std::vector<LookupRows> results;
    std::exception_ptr error;
    try {
      lookUp_(request->keys, results);
    } catch (...) {
      error = std::current_exception();
    }
    {
      std::lock_guard<std::mutex> lock(mutex_);
      request->results = std::move(results);
      request->error = error;
      request->done = true;
    }
    changed_.notify_all();
  }
}

}  // namespace sluice::runtime
