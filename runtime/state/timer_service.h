// Event-time and processing-time timers of one stateful operator instance (Flink's
// InternalTimerService). A timer is (timestamp, key, namespace): the key is the backend's
// current key at registration and is made current again when the timer fires, so the callback
// reads and clears that key's state directly; the namespace tells timers of one key apart
// (e.g. the encoded window, or "cleanup"). Timestamps are in whatever unit the operator
// advances time in (the runtime's event time is microseconds).
//
// Timers fire in (timestamp, key, namespace) order, which makes runs reproducible.
#pragma once

#include <climits>
#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "runtime/state/snapshot_format.h"

namespace sluice::runtime {

class KeyedStateBackend;

struct Timer {
  int64_t timestamp = 0;
  std::string key;
  std::string ns;  // namespace, in Flink's sense: what the timer is for within its key
};

using TimerCallback = std::function<void(const Timer& timer)>;

class TimerService {
 public:
  explicit TimerService(KeyedStateBackend& backend) : backend_(&backend) {}

  // For the backend's current key. Registering a timer that exists already keeps one, so an
  // operator may register its window's end for every row; deleting a missing one is a no-op.
  void registerEventTimeTimer(int64_t timestamp, std::string_view ns = {});
  void deleteEventTimeTimer(int64_t timestamp, std::string_view ns = {});
  void registerProcessingTimeTimer(int64_t timestamp, std::string_view ns = {});
  void deleteProcessingTimeTimer(int64_t timestamp, std::string_view ns = {});

  // Fires every event-time timer at or before `watermark`, each after making its key current.
  // A callback may register or delete timers; new ones at or before `watermark` fire in the
  // same call. Afterwards the current key is the last fired timer's.
  void advanceWatermark(int64_t watermark, const TimerCallback& onTimer);
  // Likewise for processing-time timers at or before `now`.
  void advanceProcessingTime(int64_t now, const TimerCallback& onTimer);

  // The highest watermark advanced to (kNoWatermark before the first; not snapshotted, as the
  // sources re-emit watermarks after a restore).
  int64_t currentWatermark() const { return watermark_; }
  std::optional<int64_t> nextEventTime() const;
  // The earliest processing-time timer: how long the task may sleep.
  std::optional<int64_t> nextProcessingTime() const;
  size_t eventTimeTimerCount() const { return eventTime_.size(); }
  size_t processingTimeTimerCount() const { return processingTime_.size(); }

  void writeTo(SnapshotWriter& writer) const;
  // Replaces every timer with the snapshot's; throws StateError (and keeps the timers) when
  // the snapshot is corrupt.
  void readFrom(SnapshotReader& reader);

  static constexpr int64_t kNoWatermark = INT64_MIN;

 private:
  // Orders timers, and lets a lookup use string views instead of building a Timer.
  struct Order {
    using is_transparent = void;
    struct View {
      int64_t timestamp;
      std::string_view key;
      std::string_view ns;
      auto operator<=>(const View&) const = default;
    };
    static View view(const Timer& timer) { return {timer.timestamp, timer.key, timer.ns}; }
    static View view(const View& view) { return view; }
    template <class A, class B>
    bool operator()(const A& a, const B& b) const {
      return view(a) < view(b);
    }
  };
  using TimerSet = std::set<Timer, Order>;

  KeyedStateBackend* backend_;  // a pointer, not a reference, so that the service is movable
  TimerSet eventTime_;
  TimerSet processingTime_;
  int64_t watermark_ = kNoWatermark;

  void add(TimerSet& timers, int64_t timestamp, std::string_view ns);
  void remove(TimerSet& timers, int64_t timestamp, std::string_view ns);
  void fireUpTo(TimerSet& timers, int64_t time, const TimerCallback& onTimer);
};

}  // namespace sluice::runtime
