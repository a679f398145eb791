// Parsing text with a date-time pattern (see temporal_pattern.h). Numbers are read greedily,
// except that a number directly followed by another numeric field takes exactly its letter count
// ("yyyyMMdd"), as both Java classes do. java.time's strict widths ("MM" needs two digits) are
// relaxed to what SimpleDateFormat accepts: Flink retries a failed java.time parse leniently too.
#include "runtime/data/time_zone.h"
#include "runtime/functions/builtins/temporal_pattern.h"

namespace sluice::runtime::builtins {
namespace {

bool isDigit(char c) {
  return c >= '0' && c <= '9';
}

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool startsWithIgnoringCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (lower(text[i]) != lower(prefix[i])) return false;
  }
  return true;
}

// The index of the longest name (full, then three-letter) `text` starts with, or -1.
int matchName(std::string_view text, size_t& pos, const std::string_view* names, int count) {
  for (bool full : {true, false}) {
    for (int i = 0; i < count; ++i) {
      const std::string_view name = full ? names[i] : names[i].substr(0, 3);
      if (startsWithIgnoringCase(text.substr(pos), name)) {
        pos += name.size();
        return i;
      }
    }
  }
  return -1;
}

bool isNumericField(char letter, int count) {
  switch (letter) {
    case 'M':
    case 'L':
    case 'Q':
    case 'q':
    case 'e':
    case 'c': return count <= 2;
    case 'y':
    case 'u':
    case 'Y':
    case 'd':
    case 'D':
    case 'H':
    case 'k':
    case 'K':
    case 'h':
    case 'm':
    case 's':
    case 'S':
    case 'A':
    case 'n':
    case 'N':
    case 'F':
    case 'W':
    case 'w': return true;
    default: return false;
  }
}

std::optional<int64_t> readNumber(std::string_view text, size_t& pos, size_t minDigits,
                                  size_t maxDigits, size_t* digitsRead = nullptr) {
  const size_t start = pos;
  int64_t value = 0;
  while (pos < text.size() && isDigit(text[pos]) && pos - start < maxDigits) {
    value = value * 10 + (text[pos++] - '0');
  }
  if (digitsRead != nullptr) *digitsRead = pos - start;
  if (pos - start < minDigits) {
    pos = start;
    return std::nullopt;
  }
  return value;
}

// "Z", or [+-]hh[[:]mm[[:]ss]], optionally after GMT / UTC / UT.
std::optional<int32_t> readOffset(std::string_view text, size_t& pos) {
  for (std::string_view prefix : {"GMT", "UTC", "UT"}) {
    if (text.substr(pos, prefix.size()) == prefix) {
      pos += prefix.size();
      if (pos >= text.size() || (text[pos] != '+' && text[pos] != '-')) return 0;
      break;
    }
  }
  if (pos < text.size() && text[pos] == 'Z') {
    ++pos;
    return 0;
  }
  if (pos >= text.size() || (text[pos] != '+' && text[pos] != '-')) return std::nullopt;
  const int sign = text[pos++] == '-' ? -1 : 1;
  const auto hours = readNumber(text, pos, 1, 2);
  if (!hours || *hours > 18) return std::nullopt;
  int64_t seconds = *hours * 3600;
  for (int64_t unit : {60, 1}) {
    size_t next = pos;
    if (next < text.size() && text[next] == ':') ++next;
    const auto part = readNumber(text, next, 2, 2);
    if (!part || *part > 59) break;
    seconds += *part * unit;
    pos = next;
  }
  return static_cast<int32_t>(sign * seconds);
}

}  // namespace

struct DateTimePattern::ParseState {
  std::optional<int64_t> year;
  std::optional<int64_t> month;
  std::optional<int64_t> day;
  std::optional<int64_t> dayOfYear;
  std::optional<int64_t> hourOfDay;   // H (0-23), k (1-24)
  std::optional<int64_t> hourOfHalf;  // h (1-12), K (0-11)
  std::optional<bool> afternoon;      // a
  std::optional<int64_t> minute;
  std::optional<int64_t> second;
  int64_t nanos = 0;
  std::optional<int32_t> offset;
};

size_t DateTimePattern::matchingOptionalEnd(size_t start) const {
  int depth = 0;
  for (size_t i = start; i < parts_.size(); ++i) {
    if (parts_[i].kind == Part::Kind::OptionalStart) ++depth;
    if (parts_[i].kind == Part::Kind::OptionalEnd && --depth == 0) return i;
  }
  return parts_.size();
}

bool DateTimePattern::parseField(std::string_view text, size_t& pos, size_t index,
                                 ParseState& state) const {
  const Part& part = parts_[index];
  const char letter = part.letter;
  const int count = part.count;
  const bool javaTime = dialect_ == PatternDialect::JavaTime;
  if (isNumericField(letter, count) && !(letter == 'u' && !javaTime)) {
    const bool abutting = index + 1 < parts_.size() &&
                          parts_[index + 1].kind == Part::Kind::Field &&
                          isNumericField(parts_[index + 1].letter, parts_[index + 1].count);
    const size_t maxDigits = abutting ? static_cast<size_t>(count) : (letter == 'S' ? 9 : 10);
    size_t digits = 0;
    const auto value = readNumber(text, pos, abutting ? count : 1, maxDigits, &digits);
    if (!value) return false;
    switch (letter) {
      case 'y':
      case 'u':
      case 'Y': state.year = count == 2 && digits == 2 ? 2000 + *value : *value; break;
      case 'M':
      case 'L': state.month = *value; break;
      case 'd': state.day = *value; break;
      case 'D': state.dayOfYear = *value; break;
      case 'H': state.hourOfDay = *value; break;
      case 'k': state.hourOfDay = *value == 24 ? 0 : *value; break;
      case 'h': state.hourOfHalf = *value == 12 ? 0 : *value; break;
      case 'K': state.hourOfHalf = *value; break;
      case 'm': state.minute = *value; break;
      case 's': state.second = *value; break;
      case 'S':
        if (javaTime) {  // a fraction: "5" is 500 ms
          int64_t nanos = *value;
          for (size_t i = digits; i < 9; ++i) nanos *= 10;
          state.nanos = nanos;
        } else {  // milliseconds
          state.nanos = *value * 1'000'000;
        }
        break;
      case 'n': state.nanos = *value; break;
      default: break;  // week and day-of-week numbers, quarters: read, not used
    }
    return true;
  }
  switch (letter) {
    case 'M':
    case 'L': {
      const int month = matchName(text, pos, kMonthNames, 12);
      if (month < 0) return false;
      state.month = month + 1;
      return true;
    }
    case 'E':
    case 'e':
    case 'c':
    case 'u':  // SimpleDateFormat's u is the ISO day of week, only checked
      if (letter == 'u') return readNumber(text, pos, 1, 1).has_value();
      return matchName(text, pos, kDayNames, 7) >= 0;
    case 'a':
      if (startsWithIgnoringCase(text.substr(pos), "AM") ||
          startsWithIgnoringCase(text.substr(pos), "PM")) {
        state.afternoon = lower(text[pos]) == 'p';
        pos += 2;
        return true;
      }
      return false;
    case 'G':
      for (std::string_view era : {"AD", "BC"}) {
        if (startsWithIgnoringCase(text.substr(pos), era)) {
          pos += era.size();
          return true;
        }
      }
      return false;
    case 'Q':
    case 'q':
      if (pos + 1 < text.size() && text[pos] == 'Q' && isDigit(text[pos + 1])) {
        pos += 2;
        return true;
      }
      return false;
    default: {  // zones
      const auto offset = readOffset(text, pos);
      if (!offset) return false;
      state.offset = offset;
      return true;
    }
  }
}

bool DateTimePattern::parseRange(std::string_view text, size_t& pos, size_t first, size_t last,
                                 ParseState& state) const {
  for (size_t i = first; i < last; ++i) {
    const Part& part = parts_[i];
    switch (part.kind) {
      case Part::Kind::Literal:
        if (text.substr(pos, part.literal.size()) != part.literal) return false;
        pos += part.literal.size();
        break;
      case Part::Kind::Field:
        if (!parseField(text, pos, i, state)) return false;
        break;
      case Part::Kind::OptionalStart: {
        const size_t end = matchingOptionalEnd(i);
        size_t trialPos = pos;
        ParseState trial = state;
        if (parseRange(text, trialPos, i + 1, end, trial)) {
          pos = trialPos;
          state = trial;
        }
        i = end;
        break;
      }
      case Part::Kind::OptionalEnd: break;
    }
  }
  return true;
}

std::optional<DateTimePattern::Parsed> DateTimePattern::parse(std::string_view text) const {
  ParseState state;
  size_t pos = 0;
  if (!parseRange(text, pos, 0, parts_.size(), state)) return std::nullopt;
  // SimpleDateFormat.parse stops where the pattern ends; java.time wants all of the text.
  if (dialect_ == PatternDialect::JavaTime && pos != text.size()) return std::nullopt;

  Parsed parsed;
  CivilDateTime& local = parsed.local;
  local.year = static_cast<int32_t>(state.year.value_or(1970));
  if (state.dayOfYear && !state.month && !state.day) {
    const int64_t january1 = daysFromCivil(local.year, 1, 1);
    if (*state.dayOfYear < 1 || *state.dayOfYear > (isLeapYear(local.year) ? 366 : 365)) {
      return std::nullopt;
    }
    const CivilDate date = civilFromDays(january1 + *state.dayOfYear - 1);
    local.month = date.month;
    local.day = date.day;
  } else {
    local.month = static_cast<int32_t>(state.month.value_or(1));
    local.day = static_cast<int32_t>(state.day.value_or(1));
  }
  int64_t hour = state.hourOfDay.value_or(0);
  if (!state.hourOfDay && state.hourOfHalf) {
    hour = *state.hourOfHalf + (state.afternoon.value_or(false) ? 12 : 0);
  }
  const int64_t minute = state.minute.value_or(0);
  const int64_t second = state.second.value_or(0);
  if (state.year.value_or(1970) > 99'999 || !isValidDate(local.year, local.month, local.day) ||
      hour > 23 || (state.hourOfHalf && *state.hourOfHalf > 11) || minute > 59 || second > 59 ||
      state.nanos >= 1'000'000'000) {
    return std::nullopt;
  }
  local.hour = static_cast<int32_t>(hour);
  local.minute = static_cast<int32_t>(minute);
  local.second = static_cast<int32_t>(second);
  local.microsecond = static_cast<int32_t>(state.nanos / 1000);
  parsed.offsetSeconds = state.offset;
  return parsed;
}

}  // namespace sluice::runtime::builtins
