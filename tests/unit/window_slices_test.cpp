// Which slices and windows a timestamp falls in: the arithmetic every sliced window aggregate
// rests on (TUMBLE, HOP, CUMULATE, offsets, times before the epoch, local time zones).
#include <gtest/gtest.h>

#include <vector>

#include "runtime/operators/window_slices.h"

namespace sluice::runtime {
namespace {

constexpr int64_t kSecond = 1'000'000;

artifact::Window window(artifact::WindowKind kind, int64_t size, int64_t slide = 0,
                        int64_t offset = 0) {
  artifact::Window w;
  w.kind = kind;
  w.sizeMicros = size * kSecond;
  w.slideMicros = slide * kSecond;
  w.offsetMicros = offset * kSecond;
  return w;
}

std::vector<int64_t> seconds(const std::vector<int64_t>& micros) {
  std::vector<int64_t> out;
  for (int64_t m : micros) out.push_back(m / kSecond);
  return out;
}

TEST(WindowSlicesTest, TumbleSliceIsTheWindow) {
  WindowSlices slices(window(artifact::WindowKind::Tumble, 10), "UTC");
  EXPECT_EQ(slices.sliceEnd(0), 10 * kSecond);
  EXPECT_EQ(slices.sliceEnd(9 * kSecond + 999'999), 10 * kSecond);
  EXPECT_EQ(slices.sliceEnd(10 * kSecond), 20 * kSecond);
  // Before the epoch windows still align on multiples of the size (floor, not truncation).
  EXPECT_EQ(slices.sliceEnd(-1), 0);
  EXPECT_EQ(slices.sliceEnd(-10 * kSecond - 1), -10 * kSecond);
  std::vector<int64_t> ends;
  slices.windowEnds(20 * kSecond, ends);
  EXPECT_EQ(seconds(ends), (std::vector<int64_t>{20}));
  EXPECT_EQ(slices.windowStart(20 * kSecond), 10 * kSecond);
  EXPECT_EQ(slices.expiredThrough(20 * kSecond), 20 * kSecond);
}

TEST(WindowSlicesTest, HopSlicesAreOneSlideLong) {
  WindowSlices slices(window(artifact::WindowKind::Hop, 10, 5), "UTC");
  EXPECT_EQ(slices.sliceEnd(3 * kSecond), 5 * kSecond);
  std::vector<int64_t> ends;
  slices.windowEnds(5 * kSecond, ends);
  EXPECT_EQ(seconds(ends), (std::vector<int64_t>{5, 10}));  // [-5, 5) and [0, 10)
  EXPECT_EQ(slices.lastWindowEnd(5 * kSecond), 10 * kSecond);
  std::vector<int64_t> parts;
  slices.slicesOf(10 * kSecond, parts);
  EXPECT_EQ(seconds(parts), (std::vector<int64_t>{5, 10}));
  // After [0, 10) fires, the slice ending at 5 is in no later window.
  EXPECT_EQ(slices.expiredThrough(10 * kSecond), 5 * kSecond);
}

TEST(WindowSlicesTest, CumulateWindowsGrowByStepUntilTheMaxSize) {
  WindowSlices slices(window(artifact::WindowKind::Cumulate, 20, 5), "UTC");
  std::vector<int64_t> ends;
  slices.windowEnds(10 * kSecond, ends);
  EXPECT_EQ(seconds(ends), (std::vector<int64_t>{10, 15, 20}));
  EXPECT_EQ(slices.windowStart(15 * kSecond), 0);
  EXPECT_EQ(slices.windowStart(20 * kSecond), 0);
  EXPECT_EQ(slices.windowStart(25 * kSecond), 20 * kSecond);
  std::vector<int64_t> parts;
  slices.slicesOf(15 * kSecond, parts);
  EXPECT_EQ(seconds(parts), (std::vector<int64_t>{5, 10, 15}));
  // Slices serve every step of the cumulation; only its last window frees them.
  EXPECT_EQ(slices.expiredThrough(15 * kSecond), INT64_MIN);
  EXPECT_EQ(slices.expiredThrough(20 * kSecond), 20 * kSecond);
}

TEST(WindowSlicesTest, OffsetShiftsTheAlignment) {
  WindowSlices slices(window(artifact::WindowKind::Tumble, 10, 0, 3), "UTC");
  EXPECT_EQ(slices.sliceEnd(2 * kSecond), 3 * kSecond);
  EXPECT_EQ(slices.sliceEnd(3 * kSecond), 13 * kSecond);
}

TEST(WindowSlicesTest, LocalTimeWindowsAlignOnTheZonesWallClock) {
  artifact::Window day = window(artifact::WindowKind::Tumble, 86'400);
  day.localTime = true;
  WindowSlices shanghai(day, "Asia/Shanghai");
  // 2020-01-01 15:00 UTC is 23:00 in Shanghai: its day ends at midnight on the local clock,
  // 16:00 UTC.
  const int64_t at = (1'577'836'800 + 15 * 3600) * kSecond;
  EXPECT_EQ(shanghai.sliceEnd(at), (1'577'836'800 + 24 * 3600) * kSecond);
  EXPECT_EQ(shanghai.fromClock(shanghai.sliceEnd(at)), (1'577'836'800 + 16 * 3600) * kSecond);
  WindowSlices utc(day, "UTC");
  EXPECT_EQ(utc.sliceEnd(at), (1'577'836'800 + 24 * 3600) * kSecond);
  EXPECT_THROW(WindowSlices(day, "Not/AZone"), std::invalid_argument);
}

TEST(WindowSlicesTest, LocalDaysFollowDaylightSavingChanges) {
  artifact::Window day = window(artifact::WindowKind::Tumble, 86'400);
  day.localTime = true;
  WindowSlices losAngeles(day, "America/Los_Angeles");
  // 2020-03-08 19:00 UTC is noon on the day clocks go forward: that day lasts 23 hours, from
  // 08:00 UTC (midnight PST) to 07:00 UTC the next day (midnight PDT).
  const int64_t march8 = 1'583'625'600 * kSecond;  // 2020-03-08 00:00 UTC
  const int64_t end = losAngeles.sliceEnd(march8 + 19 * 3600 * kSecond);
  EXPECT_EQ(losAngeles.fromClock(end), march8 + 31 * 3600 * kSecond);
  EXPECT_EQ(losAngeles.fromClock(losAngeles.windowStart(end)), march8 + 8 * 3600 * kSecond);
  // Hourly windows: 02:00 does not exist that night, so the windows ending at 02:00 and 03:00
  // on the clock end at the same instant; they stay two windows.
  artifact::Window hour = window(artifact::WindowKind::Tumble, 3'600);
  hour.localTime = true;
  WindowSlices hourly(hour, "America/Los_Angeles");
  const int64_t beforeGap = march8 + (9 * 3600 + 1800) * kSecond;  // 01:30 PST
  const int64_t afterGap = march8 + (10 * 3600 + 1800) * kSecond;   // 03:30 PDT
  EXPECT_EQ(hourly.sliceEnd(afterGap) - hourly.sliceEnd(beforeGap), 2 * 3600 * kSecond);
}

}  // namespace
}  // namespace sluice::runtime
