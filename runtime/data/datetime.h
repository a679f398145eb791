// Civil (proleptic Gregorian) calendar arithmetic on the stored forms of datetime values: DATE as
// days since 1970-01-01, TIME as milliseconds of the day, TIMESTAMP as microseconds since the
// epoch (see physical_type.h). Everything is pure integer arithmetic, exact for negative values
// (floor division), so dates before 1970 and far from it behave like java.time's.
#pragma once

#include <cstdint>

namespace sluice::runtime {

constexpr int64_t kMicrosPerMilli = 1'000;
constexpr int64_t kMicrosPerSecond = 1'000'000;
constexpr int64_t kMicrosPerMinute = 60 * kMicrosPerSecond;
constexpr int64_t kMicrosPerHour = 60 * kMicrosPerMinute;
constexpr int64_t kMicrosPerDay = 24 * kMicrosPerHour;
constexpr int64_t kMillisPerSecond = 1'000;
constexpr int64_t kMillisPerDay = 86'400'000;
constexpr int64_t kSecondsPerDay = 86'400;

// Division rounding toward negative infinity, and its remainder (Java's Math.floorDiv/floorMod).
constexpr int64_t floorDiv(int64_t dividend, int64_t divisor) {
  const int64_t quotient = dividend / divisor;
  const bool inexact = quotient * divisor != dividend;
  return inexact && ((dividend < 0) != (divisor < 0)) ? quotient - 1 : quotient;
}
constexpr int64_t floorMod(int64_t dividend, int64_t divisor) {
  const int64_t remainder = dividend % divisor;
  return remainder != 0 && ((remainder < 0) != (divisor < 0)) ? remainder + divisor : remainder;
}

// The first microsecond of a day number. Wraps (as Java's long arithmetic) for days beyond the
// +-292,000 years microseconds reach, instead of being undefined behaviour.
constexpr int64_t microsAtStartOfDay(int64_t days) {
  return static_cast<int64_t>(static_cast<uint64_t>(days) * static_cast<uint64_t>(kMicrosPerDay));
}

// `value` rounded down to a multiple of `unit` (wrapping below INT64_MIN, as Java would).
constexpr int64_t floorToMultiple(int64_t value, int64_t unit) {
  return static_cast<int64_t>(static_cast<uint64_t>(value) -
                              static_cast<uint64_t>(floorMod(value, unit)));
}

struct CivilDate {
  int32_t year = 1970;
  int32_t month = 1;  // 1..12
  int32_t day = 1;    // 1..31
};

struct CivilDateTime {
  int32_t year = 1970;
  int32_t month = 1;
  int32_t day = 1;
  int32_t hour = 0;
  int32_t minute = 0;
  int32_t second = 0;
  int32_t microsecond = 0;  // of the second, 0..999999
};

constexpr bool isLeapYear(int64_t year) {
  return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}
int daysInMonth(int64_t year, int month);
bool isValidDate(int64_t year, int month, int day);

// Days since 1970-01-01 of a civil date (month and day must be in range).
int64_t daysFromCivil(int64_t year, int month, int day);
CivilDate civilFromDays(int64_t days);

CivilDateTime civilFromMicros(int64_t micros);
int64_t microsFromCivil(const CivilDateTime& fields);

// `days` plus `months` calendar months, the day clamped to the target month's length
// (2020-01-31 + 1 month = 2020-02-29), as java.time's plusMonths and Flink's addMonths.
int64_t addMonthsToDays(int64_t days, int64_t months);
// The same for microseconds since the epoch, keeping the time of day.
int64_t addMonthsToMicros(int64_t micros, int64_t months);
// Whole calendar months from `start` to `end` (negative when end < start), as TIMESTAMPDIFF:
// the largest n with start + n months <= end, counted toward zero.
int64_t monthsBetweenMicros(int64_t end, int64_t start);

// Day of week of a day number: 1 = Sunday .. 7 = Saturday (SQL's DAYOFWEEK and EXTRACT(DOW)).
int dayOfWeekSundayFirst(int64_t days);
// ISO day of week: 1 = Monday .. 7 = Sunday.
int isoDayOfWeek(int64_t days);
// 1..366.
int dayOfYear(int64_t days);
// ISO-8601 week of the week-based year (weeks start on Monday; week 1 holds the first Thursday).
int isoWeekOfYear(int64_t days);
// The ISO week-based year the day's week belongs to.
int64_t isoWeekYear(int64_t days);

}  // namespace sluice::runtime
