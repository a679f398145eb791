#include "runtime/data/datetime.h"

namespace sluice::runtime {
namespace {

// The arithmetic counts years from March 1st, which puts the leap day at the end of a year and
// gives every other month a length following a fixed 153-days-per-5-months pattern; a 400-year
// cycle has exactly 146097 days, which makes the conversion exact for any sign.
constexpr int64_t kDaysPer400Years = 146'097;
// Days from 0000-03-01 (the start of a 400-year cycle) to 1970-01-01.
constexpr int64_t kDaysFromCycleStartToEpoch = 719'468;

int64_t daysBeforeMonthFromMarch(int64_t monthFromMarch) {
  return (153 * monthFromMarch + 2) / 5;
}

// days * kMicrosPerDay + ofDay, wrapping like Java's long arithmetic when a far-off date (a huge
// TIMESTAMPADD) leaves the microsecond range, rather than being undefined behaviour.
int64_t microsOfDays(int64_t days, int64_t ofDay) {
  return static_cast<int64_t>(static_cast<uint64_t>(microsAtStartOfDay(days)) +
                              static_cast<uint64_t>(ofDay));
}

// Month counts beyond a billion years are clamped: nothing that far is representable anyway, and
// it keeps the year arithmetic below in range.
constexpr int64_t kMaxMonths = 12'000'000'000;

}  // namespace

int daysInMonth(int64_t year, int month) {
  static constexpr int kLengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && isLeapYear(year) ? 29 : kLengths[month - 1];
}

bool isValidDate(int64_t year, int month, int day) {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

int64_t daysFromCivil(int64_t year, int month, int day) {
  const int64_t yearFromMarch = month <= 2 ? year - 1 : year;
  const int64_t cycle = floorDiv(yearFromMarch, 400);
  const int64_t yearOfCycle = yearFromMarch - cycle * 400;  // 0..399
  const int64_t monthFromMarch = (month + 9) % 12;          // March = 0
  const int64_t dayOfYearFromMarch = daysBeforeMonthFromMarch(monthFromMarch) + day - 1;
  const int64_t dayOfCycle =
      yearOfCycle * 365 + yearOfCycle / 4 - yearOfCycle / 100 + dayOfYearFromMarch;
  return cycle * kDaysPer400Years + dayOfCycle - kDaysFromCycleStartToEpoch;
}

CivilDate civilFromDays(int64_t days) {
  const int64_t sinceCycleZero = days + kDaysFromCycleStartToEpoch;
  const int64_t cycle = floorDiv(sinceCycleZero, kDaysPer400Years);
  const int64_t dayOfCycle = sinceCycleZero - cycle * kDaysPer400Years;  // 0..146096
  // Taking away the leap days before this day (every 4th year, but not every 100th, except the
  // 400th) leaves 365-day years.
  const int64_t yearOfCycle =
      (dayOfCycle - dayOfCycle / 1460 + dayOfCycle / 36524 - dayOfCycle / 146096) / 365;
  const int64_t dayOfYearFromMarch =
      dayOfCycle - (365 * yearOfCycle + yearOfCycle / 4 - yearOfCycle / 100);
  const int64_t monthFromMarch = (5 * dayOfYearFromMarch + 2) / 153;  // 0..11
  CivilDate date;
  date.day =
      static_cast<int32_t>(dayOfYearFromMarch - daysBeforeMonthFromMarch(monthFromMarch) + 1);
  date.month = static_cast<int32_t>(monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9);
  date.year = static_cast<int32_t>(cycle * 400 + yearOfCycle + (date.month <= 2 ? 1 : 0));
  return date;
}

CivilDateTime civilFromMicros(int64_t micros) {
  const int64_t days = floorDiv(micros, kMicrosPerDay);
  int64_t ofDay = floorMod(micros, kMicrosPerDay);
  const CivilDate date = civilFromDays(days);
  CivilDateTime fields;
  fields.year = date.year;
  fields.month = date.month;
  fields.day = date.day;
  fields.hour = static_cast<int32_t>(ofDay / kMicrosPerHour);
  ofDay %= kMicrosPerHour;
  fields.minute = static_cast<int32_t>(ofDay / kMicrosPerMinute);
  ofDay %= kMicrosPerMinute;
  fields.second = static_cast<int32_t>(ofDay / kMicrosPerSecond);
  fields.microsecond = static_cast<int32_t>(ofDay % kMicrosPerSecond);
  return fields;
}

int64_t microsFromCivil(const CivilDateTime& fields) {
  return microsOfDays(daysFromCivil(fields.year, fields.month, fields.day),
                      fields.hour * kMicrosPerHour + fields.minute * kMicrosPerMinute +
                          fields.second * kMicrosPerSecond + fields.microsecond);
}

int64_t addMonthsToDays(int64_t days, int64_t months) {
  const CivilDate date = civilFromDays(days);
  months = months > kMaxMonths ? kMaxMonths : (months < -kMaxMonths ? -kMaxMonths : months);
  const int64_t monthIndex = int64_t{date.year} * 12 + (date.month - 1) + months;
  const int64_t year = floorDiv(monthIndex, 12);
  const int month = static_cast<int>(floorMod(monthIndex, 12)) + 1;
  const int lastDay = daysInMonth(year, month);
  return daysFromCivil(year, month, date.day > lastDay ? lastDay : date.day);
}

int64_t addMonthsToMicros(int64_t micros, int64_t months) {
  return microsOfDays(addMonthsToDays(floorDiv(micros, kMicrosPerDay), months),
                      floorMod(micros, kMicrosPerDay));
}

int64_t monthsBetweenMicros(int64_t end, int64_t start) {
  if (end < start) return -monthsBetweenMicros(start, end);
  const CivilDateTime from = civilFromMicros(start);
  const CivilDateTime to = civilFromMicros(end);
  int64_t months = (int64_t{to.year} - from.year) * 12 + (to.month - from.month);
  // The estimate counts a month that is not complete yet (Jan 31 -> Feb 15 gives 1).
  while (months > 0 && addMonthsToMicros(start, months) > end) --months;
  return months;
}

int dayOfWeekSundayFirst(int64_t days) {
  // 1970-01-01 was a Thursday (5 when Sunday is 1).
  return static_cast<int>(floorMod(days + 4, 7)) + 1;
}

int isoDayOfWeek(int64_t days) {
  return static_cast<int>(floorMod(days + 3, 7)) + 1;
}

int dayOfYear(int64_t days) {
  const CivilDate date = civilFromDays(days);
  return static_cast<int>(days - daysFromCivil(date.year, 1, 1)) + 1;
}

namespace {

// Monday of ISO week 1 of `year`: the week holding January 4th.
int64_t isoWeekOneMonday(int64_t year) {
  const int64_t january4 = daysFromCivil(year, 1, 4);
  return january4 - (isoDayOfWeek(january4) - 1);
}

}  // namespace

int64_t isoWeekYear(int64_t days) {
  const int64_t year = civilFromDays(days).year;
  if (days >= isoWeekOneMonday(year + 1)) return year + 1;
  if (days < isoWeekOneMonday(year)) return year - 1;
  return year;
}

int isoWeekOfYear(int64_t days) {
  return static_cast<int>((days - isoWeekOneMonday(isoWeekYear(days))) / 7) + 1;
}

}  // namespace sluice::runtime
