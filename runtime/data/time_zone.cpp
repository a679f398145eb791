#include "runtime/data/time_zone.h"

#include <cstdlib>
#include <map>
#include <mutex>

#include "runtime/data/datetime.h"
#include "runtime/data/time_zone_rules.h"

namespace sluice::runtime {
namespace {

constexpr int32_t kMaxOffsetSeconds = 18 * 3600;  // java.time's ZoneOffset range

std::optional<int> twoDigits(std::string_view text, size_t at) {
  if (at + 2 > text.size()) return std::nullopt;
  const char high = text[at];
  const char low = text[at + 1];
  if (high < '0' || high > '9' || low < '0' || low > '9') return std::nullopt;
  return (high - '0') * 10 + (low - '0');
}

// A region name is a relative path of letters, digits and "_+-" components; nothing that could
// leave the zoneinfo directory.
bool isRegionName(std::string_view name) {
  if (name.empty() || name.front() == '/' || name.back() == '/') return false;
  if (name.find("..") != std::string_view::npos || name.find("//") != std::string_view::npos) {
    return false;
  }
  for (char c : name) {
    const bool allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                         (c >= '0' && c <= '9') || c == '/' || c == '_' || c == '+' || c == '-';
    if (!allowed) return false;
  }
  return true;
}

std::string zoneInfoDirectory() {
  const char* configured = std::getenv("TZDIR");
  return configured != nullptr && *configured != '\0' ? configured : "/usr/share/zoneinfo";
}

// Loaded regions by name, failures included, so each file is read once per process. The tz
// database does not change while a job runs; the cache is the only shared state and is guarded.
std::shared_ptr<const ZoneRules> cachedRegion(const std::string& name) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const ZoneRules>> loaded;
  std::lock_guard<std::mutex> lock(mutex);
  auto found = loaded.find(name);
  if (found != loaded.end()) return found->second;
  auto rules = loadZoneRules(zoneInfoDirectory() + "/" + name);
  loaded.emplace(name, rules);
  return rules;
}

}  // namespace

std::optional<int32_t> parseZoneOffset(std::string_view text) {
  if (text == "Z") return 0;
  if (text.size() < 2 || (text[0] != '+' && text[0] != '-')) return std::nullopt;
  const int sign = text[0] == '-' ? -1 : 1;
  const std::string_view rest = text.substr(1);
  int hours = 0;
  int minutes = 0;
  int seconds = 0;
  auto digitsAt = [&](size_t at, int& into) {
    const auto value = twoDigits(rest, at);
    if (value) into = *value;
    return value.has_value();
  };
  switch (rest.size()) {
    case 1:  // +h
      if (rest[0] < '0' || rest[0] > '9') return std::nullopt;
      hours = rest[0] - '0';
      break;
    case 2:  // +hh
      if (!digitsAt(0, hours)) return std::nullopt;
      break;
    case 4:  // +hhmm
      if (!digitsAt(0, hours) || !digitsAt(2, minutes)) return std::nullopt;
      break;
    case 5:  // +hh:mm
      if (rest[2] != ':' || !digitsAt(0, hours) || !digitsAt(3, minutes)) return std::nullopt;
      break;
    case 6:  // +hhmmss
      if (!digitsAt(0, hours) || !digitsAt(2, minutes) || !digitsAt(4, seconds)) {
        return std::nullopt;
      }
      break;
    case 8:  // +hh:mm:ss
      if (rest[2] != ':' || rest[5] != ':' || !digitsAt(0, hours) || !digitsAt(3, minutes) ||
          !digitsAt(6, seconds)) {
        return std::nullopt;
      }
      break;
    default: return std::nullopt;
  }
  if (minutes > 59 || seconds > 59) return std::nullopt;
  const int32_t total = hours * 3600 + minutes * 60 + seconds;
  if (total > kMaxOffsetSeconds) return std::nullopt;
  return sign * total;
}

std::string formatZoneOffset(int32_t offsetSeconds) {
  if (offsetSeconds == 0) return "Z";
  std::string text(1, offsetSeconds < 0 ? '-' : '+');
  const int32_t magnitude = offsetSeconds < 0 ? -offsetSeconds : offsetSeconds;
  auto appendTwo = [&text](int32_t value) {
    text.push_back(static_cast<char>('0' + value / 10));
    text.push_back(static_cast<char>('0' + value % 10));
  };
  appendTwo(magnitude / 3600);
  text.push_back(':');
  appendTwo(magnitude / 60 % 60);
  if (magnitude % 60 != 0) {
    text.push_back(':');
    appendTwo(magnitude % 60);
  }
  return text;
}

TimeZone::TimeZone() : name_("UTC") {}

TimeZone::TimeZone(std::string name, int32_t fixedOffset, std::shared_ptr<const ZoneRules> rules)
    : name_(std::move(name)), fixedOffset_(fixedOffset), rules_(std::move(rules)) {}

TimeZone TimeZone::fixed(int32_t offsetSeconds) {
  return TimeZone(formatZoneOffset(offsetSeconds), offsetSeconds, nullptr);
}

std::optional<TimeZone> TimeZone::forName(std::string_view name) {
  if (name == "UTC" || name == "GMT" || name == "UT" || name == "Z") {
    return TimeZone(std::string(name), 0, nullptr);
  }
  if (!name.empty() && (name[0] == '+' || name[0] == '-')) {
    const auto offset = parseZoneOffset(name);
    if (!offset) return std::nullopt;
    return TimeZone(std::string(name), *offset, nullptr);
  }
  // "UTC+8", "GMT-03:30", "UT+05:45": a prefixed offset.
  for (std::string_view prefix : {"UTC", "GMT", "UT"}) {
    if (name.size() > prefix.size() && name.substr(0, prefix.size()) == prefix &&
        (name[prefix.size()] == '+' || name[prefix.size()] == '-')) {
      const auto offset = parseZoneOffset(name.substr(prefix.size()));
      if (!offset) return std::nullopt;
      return TimeZone(std::string(name), *offset, nullptr);
    }
  }
  if (!isRegionName(name)) return std::nullopt;
  auto rules = cachedRegion(std::string(name));
  if (!rules) return std::nullopt;
  // A region without transitions or daylight saving is a fixed offset in disguise (Etc/GMT-8).
  if (rules->transitions.empty() && (!rules->footer || !rules->footer->hasDaylightSaving)) {
    const int32_t offset = rules->footer ? rules->footer->standardOffset : rules->initialOffset;
    return TimeZone(std::string(name), offset, nullptr);
  }
  return TimeZone(std::string(name), 0, std::move(rules));
}

int32_t TimeZone::offsetSecondsAtUtc(int64_t utcSeconds) const {
  return rules_ ? rules_->offsetAtUtc(utcSeconds) : fixedOffset_;
}

int32_t TimeZone::offsetSecondsAtLocal(int64_t localSeconds) const {
  if (!rules_) return fixedOffset_;
  // Every offset lies within +-18 hours, so the instants a local time can denote lie within
  // [local - 18h, local + 18h]. Transitions are far more than 36 hours apart, so at most one
  // falls in that window: compare the offsets on both sides of it.
  const int32_t before = rules_->offsetAtUtc(localSeconds - kMaxOffsetSeconds);
  const int32_t after = rules_->offsetAtUtc(localSeconds + kMaxOffsetSeconds);
  if (before == after) return before;
  const bool beforeFits = rules_->offsetAtUtc(localSeconds - before) == before;
  const bool afterFits = rules_->offsetAtUtc(localSeconds - after) == after;
  // Only the later offset fits: the local time is after the transition. Both fit (an overlap)
  // or neither does (a gap): the offset before the transition, as java.time.
  return afterFits && !beforeFits ? after : before;
}

namespace {

// micros + offset, wrapping at the ends of the range (as Java's long arithmetic) instead of being
// undefined behaviour.
int64_t shiftedMicros(int64_t micros, int32_t offsetSeconds) {
  return static_cast<int64_t>(static_cast<uint64_t>(micros) +
                              static_cast<uint64_t>(int64_t{offsetSeconds} * kMicrosPerSecond));
}

}  // namespace

int64_t TimeZone::localMicrosFromUtc(int64_t utcMicros) const {
  if (!rules_) return shiftedMicros(utcMicros, fixedOffset_);
  return shiftedMicros(utcMicros, rules_->offsetAtUtc(floorDiv(utcMicros, kMicrosPerSecond)));
}

int64_t TimeZone::utcMicrosFromLocal(int64_t localMicros) const {
  if (!rules_) return shiftedMicros(localMicros, -fixedOffset_);
  return shiftedMicros(localMicros, -offsetSecondsAtLocal(floorDiv(localMicros, kMicrosPerSecond)));
}

}  // namespace sluice::runtime
