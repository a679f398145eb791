// The session time zone (table.local-time-zone) of the running task as a TimeZone, for kernels
// on TIMESTAMP_LTZ. A bind hook cannot resolve it: it sees the call site but not the task, and
// TaskContext holds the zone as a name. So a kernel's bind state keeps one of these, which
// resolves the name the first time a task calls and then only compares names.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "runtime/data/time_zone.h"
#include "runtime/functions/function_call.h"

namespace sluice::runtime::builtins {

class SessionZone {
 public:
  // The task's zone. When the name denotes no zone the call fails (the job stops) and UTC stands
  // in, so kernels need no error path of their own.
  const TimeZone& get(FunctionCall& call) const {
    const Resolved* last = last_.load(std::memory_order_acquire);
    if (last == nullptr || last->name != call.task->timeZone) last = resolve(call);
    if (!last->zone) return fail(call);
    return *last->zone;
  }

 private:
  struct Resolved {
    std::string name;
    std::optional<TimeZone> zone;
  };

  const Resolved* resolve(FunctionCall& call) const {
    // Tasks sharing a call site may resolve concurrently: resolutions are kept (never freed
    // while the site lives) so a pointer another thread loaded stays valid.
    std::lock_guard<std::mutex> lock(mutex_);
    const Resolved* match = nullptr;
    for (const auto& resolved : resolved_) {
      if (resolved->name == call.task->timeZone) match = resolved.get();
    }
    if (match == nullptr) {
      resolved_.push_back(std::make_unique<Resolved>(
          Resolved{call.task->timeZone, TimeZone::forName(call.task->timeZone)}));
      match = resolved_.back().get();
    }
    last_.store(match, std::memory_order_release);
    return match;
  }

  const TimeZone& fail(FunctionCall& call) const {
    call.fail("unknown time zone '" + call.task->timeZone + "' (table.local-time-zone)");
    return utc_;
  }

  TimeZone utc_;
  mutable std::mutex mutex_;
  mutable std::vector<std::unique_ptr<Resolved>> resolved_;
  mutable std::atomic<const Resolved*> last_{nullptr};
};

}  // namespace sluice::runtime::builtins
