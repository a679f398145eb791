// The offsets of one IANA region over time, as a compiled TZif file describes them (internal to
// time_zone.cpp and time_zone_tzif.cpp).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sluice::runtime {

// The POSIX TZ string of a TZif footer ("EST5EDT,M3.2.0,M11.1.0"): the rule in force after the
// last listed transition. Slim TZif files list transitions only until the rules became regular,
// so the footer is needed for every later date.
struct PosixZoneRule {
  enum class DateForm : uint8_t {
    JulianSkippingLeapDay,  // Jn: day 1..365, February 29th never counted
    ZeroBasedDayOfYear,     // n: day 0..365, February 29th counted
    MonthWeekDay,           // Mm.w.d: weekday d (0 = Sunday) of week w (5 = last) of month m
  };
  struct TransitionDate {
    DateForm form = DateForm::MonthWeekDay;
    int day = 0;
    int month = 0;
    int week = 0;
    int weekday = 0;
    int32_t secondsOfDay = 2 * 3600;  // local wall-clock time of the change; may exceed a day
  };

  int32_t standardOffset = 0;  // east of UTC
  bool hasDaylightSaving = false;
  int32_t daylightOffset = 0;
  TransitionDate daylightStart;  // in local standard time
  TransitionDate daylightEnd;    // in local daylight time

  int32_t offsetAtUtc(int64_t utcSeconds) const;
};

struct ZoneRules {
  std::vector<int64_t> transitions;   // UTC seconds, ascending
  std::vector<int32_t> offsetsAfter;  // the offset from transitions[i] on
  int32_t initialOffset = 0;          // before the first transition (time type 0)
  std::optional<PosixZoneRule> footer;

  int32_t offsetAtUtc(int64_t utcSeconds) const;
};

// Parses a TZ string as RFC 8536 extends POSIX (hours of a transition time in -167..167).
std::optional<PosixZoneRule> parsePosixZoneRule(std::string_view text);
// Reads a TZif file (versions 1 to 4); nullptr when it cannot be read or is malformed.
std::shared_ptr<const ZoneRules> loadZoneRules(const std::string& path);

}  // namespace sluice::runtime
