// What a window or cleanup operator relies on from timers: one timer per (time, key,
// namespace), firing in time order with the timer's key current, only up to the watermark or
// the processing time, including timers registered by a firing callback.
#include "runtime/state/timer_service.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "runtime/state/in_memory_state_backend.h"

namespace sluice::runtime {
namespace {

using Fired = std::vector<std::pair<int64_t, std::string>>;

// Fires up to `watermark` and lists (timestamp, key) as fired.
Fired fireEventTime(InMemoryStateBackend& backend, int64_t watermark) {
  Fired fired;
  backend.timers().advanceWatermark(
      watermark, [&](const Timer& timer) { fired.emplace_back(timer.timestamp, timer.key); });
  return fired;
}

void registerFor(InMemoryStateBackend& backend, std::string_view key, int64_t timestamp,
                 std::string_view ns = {}) {
  backend.setCurrentKey(key);
  backend.timers().registerEventTimeTimer(timestamp, ns);
}

TEST(TimerService, RegisteringTheSameTimerTwiceKeepsOne) {
  InMemoryStateBackend backend;
  TimerService& timers = backend.timers();
  registerFor(backend, "k", 10);
  registerFor(backend, "k", 10);
  registerFor(backend, "other", 10);
  registerFor(backend, "k", 10, "window-2");
  EXPECT_EQ(timers.eventTimeTimerCount(), 3u);
  EXPECT_EQ(fireEventTime(backend, 10), (Fired{{10, "k"}, {10, "k"}, {10, "other"}}));
  EXPECT_EQ(timers.eventTimeTimerCount(), 0u);
}

TEST(TimerService, FiresUpToTheWatermarkInTimeOrderWithTheTimersKeyCurrent) {
  InMemoryStateBackend backend;
  ValueState& windowSum = backend.valueState("sum");
  for (const auto& [key, end] : std::vector<std::pair<std::string, int64_t>>{
           {"b", 30}, {"a", 20}, {"c", -5}, {"a", 40}, {"b", 20}}) {
    backend.setCurrentKey(key);
    windowSum.put("sum of " + key);
    backend.timers().registerEventTimeTimer(end);
  }
  backend.setCurrentKey("unrelated");

  std::vector<std::string> seen;
  backend.timers().advanceWatermark(30, [&](const Timer& timer) {
    EXPECT_EQ(backend.currentKey(), timer.key);
    seen.push_back(std::to_string(timer.timestamp) + " " + std::string(*windowSum.get()));
  });
  EXPECT_EQ(seen,
            (std::vector<std::string>{"-5 sum of c", "20 sum of a", "20 sum of b", "30 sum of b"}));
  EXPECT_EQ(backend.timers().nextEventTime(), 40);
  EXPECT_EQ(backend.timers().currentWatermark(), 30);
  EXPECT_TRUE(fireEventTime(backend, 39).empty());
  EXPECT_EQ(fireEventTime(backend, 40), (Fired{{40, "a"}}));
  EXPECT_FALSE(backend.timers().nextEventTime().has_value());
}

TEST(TimerService, DeletedTimersDoNotFire) {
  InMemoryStateBackend backend;
  registerFor(backend, "k", 10, "w1");
  registerFor(backend, "k", 10, "w2");
  registerFor(backend, "j", 10, "w1");
  backend.setCurrentKey("k");
  backend.timers().deleteEventTimeTimer(10, "w1");
  backend.timers().deleteEventTimeTimer(99, "w1");  // missing: no-op
  std::vector<std::string> fired;
  backend.timers().advanceWatermark(
      10, [&](const Timer& timer) { fired.push_back(timer.key + "/" + timer.ns); });
  EXPECT_EQ(fired, (std::vector<std::string>{"j/w1", "k/w2"}));
}

TEST(TimerService, TimersRegisteredWhileFiringFireInTheSameAdvanceWhenDue) {
  InMemoryStateBackend backend;
  registerFor(backend, "k", 10, "window");
  std::vector<std::string> fired;
  backend.timers().advanceWatermark(100, [&](const Timer& timer) {
    fired.push_back(std::to_string(timer.timestamp) + " " + timer.ns);
    if (timer.ns != "window") return;
    // A window operator schedules its state cleanup after the allowed lateness.
    backend.timers().registerEventTimeTimer(timer.timestamp + 50, "cleanup");
    backend.timers().registerEventTimeTimer(timer.timestamp + 500, "late cleanup");
  });
  EXPECT_EQ(fired, (std::vector<std::string>{"10 window", "60 cleanup"}));
  EXPECT_EQ(backend.timers().nextEventTime(), 510);
  EXPECT_EQ(backend.currentKey(), "k");
}

TEST(TimerService, ProcessingTimeTimersFireWhenTheClockPassesThem) {
  InMemoryStateBackend backend;
  TimerService& timers = backend.timers();
  EXPECT_FALSE(timers.nextProcessingTime().has_value());
  backend.setCurrentKey("a");
  timers.registerProcessingTimeTimer(2'000);
  backend.setCurrentKey("b");
  timers.registerProcessingTimeTimer(1'000);
  timers.registerEventTimeTimer(0);  // event time is separate
  EXPECT_EQ(timers.nextProcessingTime(), 1'000);

  Fired fired;
  const auto record = [&](const Timer& timer) { fired.emplace_back(timer.timestamp, timer.key); };
  timers.advanceProcessingTime(999, record);
  EXPECT_TRUE(fired.empty());
  timers.advanceProcessingTime(1'500, record);
  EXPECT_EQ(fired, (Fired{{1'000, "b"}}));
  EXPECT_EQ(timers.nextProcessingTime(), 2'000);
  backend.setCurrentKey("a");
  timers.deleteProcessingTimeTimer(2'000);
  EXPECT_FALSE(timers.nextProcessingTime().has_value());
  EXPECT_EQ(timers.eventTimeTimerCount(), 1u);
}

TEST(TimerService, WatermarkNeverGoesBack) {
  InMemoryStateBackend backend;
  EXPECT_EQ(backend.timers().currentWatermark(), TimerService::kNoWatermark);
  fireEventTime(backend, 50);
  fireEventTime(backend, 20);
  EXPECT_EQ(backend.timers().currentWatermark(), 50);
}

TEST(TimerService, TimersSurviveASnapshot) {
  InMemoryStateBackend backend;
  registerFor(backend, "k", 10, "w");
  registerFor(backend, "j", 5);
  backend.timers().registerProcessingTimeTimer(7);
  const std::string snapshot = backend.snapshot();
  fireEventTime(backend, 100);  // fired after the snapshot: gone here, back after restore

  backend.restore(snapshot);
  EXPECT_EQ(backend.timers().processingTimeTimerCount(), 1u);
  EXPECT_EQ(fireEventTime(backend, 100), (Fired{{5, "j"}, {10, "k"}}));
}

}  // namespace
}  // namespace sluice::runtime
