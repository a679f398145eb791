// Time zones as java.time's ZoneId knows them: "UTC" / "GMT" / "UT" / "Z", fixed offsets
// ("+08:00", "-0330", "GMT+8", "UTC-03:30"), and IANA region names ("Asia/Shanghai") read from the
// system's compiled tz database, $TZDIR or /usr/share/zoneinfo/<Name> (TZif versions 1-4, RFC
// 8536): its transitions, and after the last one the POSIX TZ rule of the file's footer (slim
// files list transitions only until the rules became regular). A footer that cannot be read
// leaves the last offset in force. Leap-second records are ignored, as SQL time ignores them.
//
// A TimeZone is an immutable, cheap-to-copy handle: region rules are shared between copies and
// loaded once per process (TimeZone::forName keeps a cache of loaded regions behind a mutex, a
// function-local static: the tz database does not change while a job runs).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace sluice::runtime {

struct ZoneRules;

class TimeZone {
 public:
  // UTC.
  TimeZone();
  static TimeZone utc() { return TimeZone(); }
  // A zone with a constant offset east of UTC, named like java.time ("+08:00", "Z").
  static TimeZone fixed(int32_t offsetSeconds);
  // The zone a name denotes, or nullopt when it is malformed or no such region exists.
  static std::optional<TimeZone> forName(std::string_view name);

  // The name it was created with ("Asia/Shanghai", "GMT+8", "UTC").
  const std::string& name() const { return name_; }
  bool isFixed() const { return rules_ == nullptr; }

  // Offset east of UTC in effect at an instant.
  int32_t offsetSecondsAtUtc(int64_t utcSeconds) const;
  // Offset to apply to a local date-time (seconds since the epoch read as if it were UTC) to
  // reach the instant it denotes: local - offset = UTC. In a gap (spring forward) and in an
  // overlap (fall back) this is the offset before the transition, as java.time's
  // LocalDateTime.atZone does: a time in a gap moves forward by the gap's length, and the earlier
  // of the two instants an ambiguous time has is chosen.
  int32_t offsetSecondsAtLocal(int64_t localSeconds) const;

  // Microsecond forms of the same conversions, for TIMESTAMP <-> TIMESTAMP_LTZ.
  int64_t localMicrosFromUtc(int64_t utcMicros) const;
  int64_t utcMicrosFromLocal(int64_t localMicros) const;

 private:
  TimeZone(std::string name, int32_t fixedOffset, std::shared_ptr<const ZoneRules> rules);

  std::string name_;
  int32_t fixedOffset_ = 0;
  std::shared_ptr<const ZoneRules> rules_;  // null for fixed offsets
};

// Parses a java.time offset: "Z", "+h", "+hh", "+hh:mm", "+hhmm", "+hh:mm:ss", "+hhmmss" (and "-"),
// at most 18 hours. Returns seconds east of UTC.
std::optional<int32_t> parseZoneOffset(std::string_view text);
// Formats an offset as java.time does: "Z", "+08:00", "-03:30", "+05:45:30".
std::string formatZoneOffset(int32_t offsetSeconds);

}  // namespace sluice::runtime
