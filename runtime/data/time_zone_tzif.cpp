// Reading compiled tz database files (TZif, RFC 8536) and evaluating their POSIX TZ footers.
// Leap-second records ("right/" zones) are skipped: SQL time ignores leap seconds.
#include <algorithm>
#include <cstdio>
#include <memory>

#include "runtime/data/datetime.h"
#include "runtime/data/time_zone_rules.h"

namespace sluice::runtime {
namespace {

constexpr size_t kMaxTzifBytes = 1 << 20;  // real files are a few KB

// ---- POSIX TZ strings ---------------------------------------------------------------------------

class RuleScanner {
 public:
  explicit RuleScanner(std::string_view text) : text_(text) {}
  bool atEnd() const { return pos_ >= text_.size(); }
  char peek() const { return atEnd() ? '\0' : text_[pos_]; }
  bool consume(char c) {
    if (peek() != c) return false;
    ++pos_;
    return true;
  }

  // A zone abbreviation: three or more letters, or anything between '<' and '>'.
  bool abbreviation() {
    if (consume('<')) {
      const size_t close = text_.find('>', pos_);
      if (close == std::string_view::npos) return false;
      pos_ = close + 1;
      return true;
    }
    const size_t start = pos_;
    while (!atEnd() && ((peek() >= 'A' && peek() <= 'Z') || (peek() >= 'a' && peek() <= 'z'))) {
      ++pos_;
    }
    return pos_ - start >= 3;
  }

  // [+-]hh[:mm[:ss]], hours up to `maxHours`.
  std::optional<int32_t> hoursMinutesSeconds(int maxHours) {
    int sign = 1;
    if (consume('-')) {
      sign = -1;
    } else {
      consume('+');
    }
    const auto hours = number(0, maxHours);
    if (!hours) return std::nullopt;
    int32_t seconds = *hours * 3600;
    if (consume(':')) {
      const auto minutes = number(0, 59);
      if (!minutes) return std::nullopt;
      seconds += *minutes * 60;
      if (consume(':')) {
        const auto secs = number(0, 59);
        if (!secs) return std::nullopt;
        seconds += *secs;
      }
    }
    return sign * seconds;
  }

  std::optional<int> number(int min, int max) {
    const size_t start = pos_;
    int value = 0;
    while (!atEnd() && peek() >= '0' && peek() <= '9' && pos_ - start < 4) {
      value = value * 10 + (text_[pos_++] - '0');
    }
    if (pos_ == start || value < min || value > max) return std::nullopt;
    return value;
  }

 private:
  std::string_view text_;
  size_t pos_ = 0;
};

std::optional<PosixZoneRule::TransitionDate> transitionDate(RuleScanner& scanner) {
  PosixZoneRule::TransitionDate date;
  if (scanner.consume('M')) {
    date.form = PosixZoneRule::DateForm::MonthWeekDay;
    const auto month = scanner.number(1, 12);
    if (!month || !scanner.consume('.')) return std::nullopt;
    const auto week = scanner.number(1, 5);
    if (!week || !scanner.consume('.')) return std::nullopt;
    const auto weekday = scanner.number(0, 6);
    if (!weekday) return std::nullopt;
    date.month = *month;
    date.week = *week;
    date.weekday = *weekday;
  } else if (scanner.consume('J')) {
    date.form = PosixZoneRule::DateForm::JulianSkippingLeapDay;
    const auto day = scanner.number(1, 365);
    if (!day) return std::nullopt;
    date.day = *day;
  } else {
    date.form = PosixZoneRule::DateForm::ZeroBasedDayOfYear;
    const auto day = scanner.number(0, 365);
    if (!day) return std::nullopt;
    date.day = *day;
  }
  if (scanner.consume('/')) {
    const auto time = scanner.hoursMinutesSeconds(167);
    if (!time) return std::nullopt;
    date.secondsOfDay = *time;
  }
  return date;
}

// The day number of a transition date in `year`.
int64_t dayOfTransition(const PosixZoneRule::TransitionDate& date, int64_t year) {
  const int64_t january1 = daysFromCivil(year, 1, 1);
  switch (date.form) {
    case PosixZoneRule::DateForm::JulianSkippingLeapDay:
      return january1 + date.day - 1 + (isLeapYear(year) && date.day >= 60 ? 1 : 0);
    case PosixZoneRule::DateForm::ZeroBasedDayOfYear: return january1 + date.day;
    case PosixZoneRule::DateForm::MonthWeekDay: break;
  }
  const int64_t first = daysFromCivil(year, date.month, 1);
  const int firstWeekday = dayOfWeekSundayFirst(first) - 1;  // 0 = Sunday
  int64_t day = first + (date.weekday - firstWeekday + 7) % 7 + int64_t{date.week - 1} * 7;
  const int64_t pastMonth = first + daysInMonth(year, date.month);
  while (day >= pastMonth) day -= 7;  // week 5 means the last such weekday
  return day;
}

uint32_t readBigEndian32(const unsigned char* bytes) {
  return (uint32_t{bytes[0]} << 24) | (uint32_t{bytes[1]} << 16) | (uint32_t{bytes[2]} << 8) |
         uint32_t{bytes[3]};
}

int64_t readBigEndian64(const unsigned char* bytes) {
  return static_cast<int64_t>((uint64_t{readBigEndian32(bytes)} << 32) |
                              readBigEndian32(bytes + 4));
}

struct TzifCounts {
  uint32_t utIndicators, standardIndicators, leapSeconds, transitions, types, designationChars;

  size_t dataBytes(size_t timeBytes) const {
    return size_t{transitions} * (timeBytes + 1) + size_t{types} * 6 + designationChars +
           size_t{leapSeconds} * (timeBytes + 4) + standardIndicators + utIndicators;
  }
};

bool readHeader(const std::string& file, size_t offset, TzifCounts& counts, char& version) {
  if (file.size() < offset + 44 || file.compare(offset, 4, "TZif") != 0) return false;
  version = file[offset + 4];
  const auto* bytes = reinterpret_cast<const unsigned char*>(file.data()) + offset + 20;
  counts = {readBigEndian32(bytes),      readBigEndian32(bytes + 4),  readBigEndian32(bytes + 8),
            readBigEndian32(bytes + 12), readBigEndian32(bytes + 16), readBigEndian32(bytes + 20)};
  return counts.types > 0;
}

}  // namespace

int32_t PosixZoneRule::offsetAtUtc(int64_t utcSeconds) const {
  if (!hasDaylightSaving) return standardOffset;
  const int64_t year = civilFromDays(floorDiv(utcSeconds + standardOffset, kSecondsPerDay)).year;
  const int64_t startUtc = dayOfTransition(daylightStart, year) * kSecondsPerDay +
                           daylightStart.secondsOfDay - standardOffset;
  const int64_t endUtc = dayOfTransition(daylightEnd, year) * kSecondsPerDay +
                         daylightEnd.secondsOfDay - daylightOffset;
  const bool inDaylight = startUtc < endUtc ? utcSeconds >= startUtc && utcSeconds < endUtc
                                            : utcSeconds < endUtc || utcSeconds >= startUtc;
  return inDaylight ? daylightOffset : standardOffset;
}

int32_t ZoneRules::offsetAtUtc(int64_t utcSeconds) const {
  if (transitions.empty()) return footer ? footer->offsetAtUtc(utcSeconds) : initialOffset;
  if (utcSeconds < transitions.front()) return initialOffset;
  if (utcSeconds >= transitions.back() && footer) return footer->offsetAtUtc(utcSeconds);
  const auto next = std::upper_bound(transitions.begin(), transitions.end(), utcSeconds);
  return offsetsAfter[static_cast<size_t>(next - transitions.begin()) - 1];
}

std::optional<PosixZoneRule> parsePosixZoneRule(std::string_view text) {
  RuleScanner scanner(text);
  PosixZoneRule rule;
  if (!scanner.abbreviation()) return std::nullopt;
  const auto standardWest = scanner.hoursMinutesSeconds(24);
  if (!standardWest) return std::nullopt;
  rule.standardOffset = -*standardWest;  // POSIX counts hours west of Greenwich
  if (scanner.atEnd()) return rule;
  if (!scanner.abbreviation()) return std::nullopt;
  rule.hasDaylightSaving = true;
  rule.daylightOffset = rule.standardOffset + 3600;
  if (!scanner.atEnd() && scanner.peek() != ',') {
    const auto daylightWest = scanner.hoursMinutesSeconds(24);
    if (!daylightWest) return std::nullopt;
    rule.daylightOffset = -*daylightWest;
  }
  if (scanner.atEnd()) {
    // No dates given: POSIX leaves them implementation-defined; the US rules are the usual choice.
    rule.daylightStart = {PosixZoneRule::DateForm::MonthWeekDay, 0, 3, 2, 0, 7200};
    rule.daylightEnd = {PosixZoneRule::DateForm::MonthWeekDay, 0, 11, 1, 0, 7200};
    return rule;
  }
  if (!scanner.consume(',')) return std::nullopt;
  const auto start = transitionDate(scanner);
  if (!start || !scanner.consume(',')) return std::nullopt;
  const auto end = transitionDate(scanner);
  if (!end || !scanner.atEnd()) return std::nullopt;
  rule.daylightStart = *start;
  rule.daylightEnd = *end;
  return rule;
}

std::shared_ptr<const ZoneRules> loadZoneRules(const std::string& path) {
  std::unique_ptr<FILE, int (*)(FILE*)> handle(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!handle) return nullptr;
  std::string file;
  char chunk[4096];
  size_t read = 0;
  while ((read = std::fread(chunk, 1, sizeof chunk, handle.get())) > 0) {
    file.append(chunk, read);
    if (file.size() > kMaxTzifBytes) return nullptr;
  }

  TzifCounts counts{};
  char version = 0;
  if (!readHeader(file, 0, counts, version)) return nullptr;
  size_t header = 0;
  size_t timeBytes = 4;
  if (version >= '2') {
    // Version 2+ repeats the data with 64-bit times after the version 1 block; use that.
    header = 44 + counts.dataBytes(4);
    if (!readHeader(file, header, counts, version)) return nullptr;
    timeBytes = 8;
  }
  const size_t dataStart = header + 44;
  const size_t dataEnd = dataStart + counts.dataBytes(timeBytes);
  if (file.size() < dataEnd) return nullptr;

  const auto* data = reinterpret_cast<const unsigned char*>(file.data()) + dataStart;
  const unsigned char* typeIndexes = data + size_t{counts.transitions} * timeBytes;
  const unsigned char* types = typeIndexes + counts.transitions;
  auto typeOffset = [&](size_t type) {
    return static_cast<int32_t>(readBigEndian32(types + type * 6));
  };

  auto rules = std::make_shared<ZoneRules>();
  rules->initialOffset = typeOffset(0);
  for (uint32_t i = 0; i < counts.transitions; ++i) {
    const unsigned char* time = data + size_t{i} * timeBytes;
    const int64_t at =
        timeBytes == 8 ? readBigEndian64(time) : static_cast<int32_t>(readBigEndian32(time));
    if (typeIndexes[i] >= counts.types) return nullptr;
    if (!rules->transitions.empty() && at <= rules->transitions.back()) return nullptr;
    rules->transitions.push_back(at);
    rules->offsetsAfter.push_back(typeOffset(typeIndexes[i]));
  }

  // The footer: "\n<POSIX TZ string>\n" (version 2+); empty when the last offset holds forever.
  if (version >= '2' && dataEnd < file.size() && file[dataEnd] == '\n') {
    const size_t close = file.find('\n', dataEnd + 1);
    if (close != std::string::npos && close > dataEnd + 1) {
      rules->footer =
          parsePosixZoneRule(std::string_view(file).substr(dataEnd + 1, close - dataEnd - 1));
    }
  }
  return rules;
}

}  // namespace sluice::runtime
