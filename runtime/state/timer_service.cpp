#include "runtime/state/timer_service.h"

#include <algorithm>
#include <utility>

#include "runtime/state/keyed_state_backend.h"

namespace sluice::runtime {

void TimerService::registerEventTimeTimer(int64_t timestamp, std::string_view ns) {
  add(eventTime_, timestamp, ns);
}

void TimerService::deleteEventTimeTimer(int64_t timestamp, std::string_view ns) {
  remove(eventTime_, timestamp, ns);
}

void TimerService::registerProcessingTimeTimer(int64_t timestamp, std::string_view ns) {
  add(processingTime_, timestamp, ns);
}

void TimerService::deleteProcessingTimeTimer(int64_t timestamp, std::string_view ns) {
  remove(processingTime_, timestamp, ns);
}

void TimerService::advanceWatermark(int64_t watermark, const TimerCallback& onTimer) {
  watermark_ = std::max(watermark_, watermark);
  fireUpTo(eventTime_, watermark, onTimer);
}

void TimerService::advanceProcessingTime(int64_t now, const TimerCallback& onTimer) {
  fireUpTo(processingTime_, now, onTimer);
}

std::optional<int64_t> TimerService::nextEventTime() const {
  if (eventTime_.empty()) return std::nullopt;
  return eventTime_.begin()->timestamp;
}

std::optional<int64_t> TimerService::nextProcessingTime() const {
  if (processingTime_.empty()) return std::nullopt;
  return processingTime_.begin()->timestamp;
}

void TimerService::add(TimerSet& timers, int64_t timestamp, std::string_view ns) {
  const Order::View wanted{timestamp, backend_->currentKey(), ns};
  // Look up before building a Timer: re-registering is the common case (one per row).
  const auto next = timers.lower_bound(wanted);
  if (next != timers.end() && Order::view(*next) == wanted) return;
  timers.emplace_hint(next, Timer{timestamp, std::string(wanted.key), std::string(ns)});
}

void TimerService::remove(TimerSet& timers, int64_t timestamp, std::string_view ns) {
  const auto found = timers.find(Order::View{timestamp, backend_->currentKey(), ns});
  if (found != timers.end()) timers.erase(found);
}

void TimerService::fireUpTo(TimerSet& timers, int64_t time, const TimerCallback& onTimer) {
  // One timer at a time from the front, not a precomputed range: callbacks may add or delete
  // timers, and those at or before `time` must fire in order in this same call.
  while (!timers.empty() && timers.begin()->timestamp <= time) {
    const auto node = timers.extract(timers.begin());
    const Timer& timer = node.value();
    backend_->setCurrentKey(timer.key);
    onTimer(timer);
  }
}

void TimerService::writeTo(SnapshotWriter& writer) const {
  for (const TimerSet* timers : {&eventTime_, &processingTime_}) {
    writer.putCount(timers->size());
    for (const Timer& timer : *timers) {
      writer.putInt64(timer.timestamp);
      writer.putBytes(timer.key);
      writer.putBytes(timer.ns);
    }
  }
}

void TimerService::readFrom(SnapshotReader& reader) {
  TimerSet restored[2];
  for (TimerSet& timers : restored) {
    const uint64_t count = reader.readCount();
    for (uint64_t i = 0; i < count; ++i) {
      Timer timer;
      timer.timestamp = reader.readInt64();
      timer.key = reader.readBytes();
      timer.ns = reader.readBytes();
      timers.insert(timers.end(), std::move(timer));
    }
  }
  eventTime_ = std::move(restored[0]);
  processingTime_ = std::move(restored[1]);
}

}  // namespace sluice::runtime
