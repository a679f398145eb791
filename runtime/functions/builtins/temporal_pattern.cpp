// Compiling and formatting date-time patterns (parsing is in temporal_pattern_parse.cpp).
#include "runtime/functions/builtins/temporal_pattern.h"

#include <algorithm>
#include <atomic>
#include <charconv>

#include "runtime/data/time_zone.h"

namespace sluice::runtime::builtins {
namespace {

bool isPatternLetter(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

bool isKnownLetter(char letter, PatternDialect dialect) {
  const std::string_view known = dialect == PatternDialect::JavaTime
                                     ? "GuyYDMLdQqwWEecFahKkHmsSAnNVzOXxZ"
                                     : "GyYMLwWDdFEuahkKHmszZXS";
  return known.find(letter) != std::string_view::npos;
}

void appendNumber(std::string& out, int64_t value, int minDigits) {
  char digits[24];
  const bool negative = value < 0;
  const uint64_t magnitude = negative ? 0 - static_cast<uint64_t>(value) : value;
  const int count = static_cast<int>(std::to_chars(digits, digits + 24, magnitude).ptr - digits);
  if (negative) out.push_back('-');
  for (int i = count; i < minDigits; ++i) out.push_back('0');
  out.append(digits, count);
}

void appendName(std::string& out, std::string_view fullName, int count) {
  // 3 letters or fewer: the short name; 4: the full name; 5 (java.time): the first letter.
  if (count >= 5) {
    out.push_back(fullName[0]);
  } else {
    out.append(count == 4 ? fullName : fullName.substr(0, 3));
  }
}

// Week fields of the US week: weeks start on Sunday and week 1 holds January 1st.
struct UsWeek {
  int64_t weekBasedYear;
  int weekOfYear;
};

UsWeek usWeekOf(int64_t days) {
  const CivilDate date = civilFromDays(days);
  const int64_t nextJanuary1 = daysFromCivil(int64_t{date.year} + 1, 1, 1);
  const int64_t nextWeekOneStart = nextJanuary1 - (dayOfWeekSundayFirst(nextJanuary1) - 1);
  if (days >= nextWeekOneStart) return {int64_t{date.year} + 1, 1};
  const int64_t january1 = daysFromCivil(date.year, 1, 1);
  const int64_t weekOneStart = january1 - (dayOfWeekSundayFirst(january1) - 1);
  return {date.year, static_cast<int>((days - weekOneStart) / 7) + 1};
}

void appendOffset(std::string& out, int32_t offsetSeconds, bool withColons, bool withMinutes,
                  bool optionalMinutes) {
  out.push_back(offsetSeconds < 0 ? '-' : '+');
  const int32_t magnitude = offsetSeconds < 0 ? -offsetSeconds : offsetSeconds;
  appendNumber(out, magnitude / 3600, 2);
  const int32_t minutes = magnitude / 60 % 60;
  if (withMinutes || (optionalMinutes && minutes != 0)) {
    if (withColons) out.push_back(':');
    appendNumber(out, minutes, 2);
  }
}

// X, x, Z, O, z and V: how java.time (and SimpleDateFormat for z, Z, X) print an offset.
void appendZoneField(std::string& out, char letter, int count, int32_t offsetSeconds) {
  const bool utc = offsetSeconds == 0;
  switch (letter) {
    case 'X':
    case 'x':
      if (letter == 'X' && utc) {
        out.push_back('Z');
      } else {
        appendOffset(out, offsetSeconds, count == 3 || count == 5, count >= 2, count == 1);
      }
      return;
    case 'Z':
      if (count == 4) {
        out += "GMT";
        if (!utc) appendOffset(out, offsetSeconds, true, true, false);
      } else if (count == 5 && utc) {
        out.push_back('Z');
      } else {
        appendOffset(out, offsetSeconds, count == 5, true, false);
      }
      return;
    case 'O':
      out += "GMT";
      if (!utc) appendOffset(out, offsetSeconds, true, count == 4, count != 4);
      return;
    default:  // z, V: no zone names are kept, so the offset stands in for them
      if (utc) {
        out += "UTC";
      } else {
        out += "GMT";
        appendOffset(out, offsetSeconds, true, true, false);
      }
      return;
  }
}

}  // namespace

namespace {

// How long a field's text stays the same (see steadyMicros): the day-level fields (era, year,
// month, day, week, quarter, day names) a day, then the time fields by their unit; fractions and
// sub-second counts never. Zone fields print the fixed offset they are given.
int64_t steadySpanOf(char letter) {
  switch (letter) {
    case 'a': return 12 * kMicrosPerHour;
    case 'h':
    case 'H':
    case 'k':
    case 'K': return kMicrosPerHour;
    case 'm': return kMicrosPerMinute;
    case 's': return kMicrosPerSecond;
    case 'S':
    case 'A':
    case 'n':
    case 'N': return 0;
    default: return kMicrosPerDay;
  }
}

}  // namespace

std::optional<DateTimePattern> DateTimePattern::compile(std::string_view pattern,
                                                        PatternDialect dialect,
                                                        std::string& error) {
  DateTimePattern compiled;
  compiled.dialect_ = dialect;
  auto appendLiteral = [&compiled](std::string_view text) {
    if (compiled.parts_.empty() || compiled.parts_.back().kind != Part::Kind::Literal) {
      compiled.parts_.push_back(Part{});
    }
    compiled.parts_.back().literal.append(text);
  };
  int optionalDepth = 0;
  for (size_t i = 0; i < pattern.size();) {
    const char c = pattern[i];
    if (c == '\'') {
      if (i + 1 < pattern.size() && pattern[i + 1] == '\'') {  // '' is a quote
        appendLiteral("'");
        i += 2;
        continue;
      }
      std::string text;
      size_t j = i + 1;
      for (; j < pattern.size(); ++j) {
        if (pattern[j] != '\'') {
          text.push_back(pattern[j]);
        } else if (j + 1 < pattern.size() && pattern[j + 1] == '\'') {
          text.push_back('\'');
          ++j;
        } else {
          break;
        }
      }
      if (j >= pattern.size()) {
        error = "the pattern ends inside a quoted literal";
        return std::nullopt;
      }
      appendLiteral(text);
      i = j + 1;
    } else if (isPatternLetter(c)) {
      size_t end = i;
      while (end < pattern.size() && pattern[end] == c) ++end;
      if (!isKnownLetter(c, dialect)) {
        error = std::string("unknown pattern letter '") + c + "'";
        return std::nullopt;
      }
      compiled.parts_.push_back(Part{Part::Kind::Field, c, static_cast<int>(end - i), ""});
      i = end;
    } else if (dialect == PatternDialect::JavaTime && (c == '[' || c == ']')) {
      optionalDepth += c == '[' ? 1 : -1;
      if (optionalDepth < 0) {
        error = "']' without a matching '['";
        return std::nullopt;
      }
      compiled.parts_.push_back(
          Part{c == '[' ? Part::Kind::OptionalStart : Part::Kind::OptionalEnd, 0, 0, ""});
      ++i;
    } else if (dialect == PatternDialect::JavaTime && (c == '{' || c == '}' || c == '#')) {
      error = std::string("the pattern character '") + c + "' is reserved";
      return std::nullopt;
    } else {
      appendLiteral(std::string_view(&pattern[i], 1));
      ++i;
    }
  }
  // java.time closes sections left open at the end of the pattern.
  for (; optionalDepth > 0; --optionalDepth) {
    compiled.parts_.push_back(Part{Part::Kind::OptionalEnd, 0, 0, ""});
  }
  static std::atomic<uint64_t> compiledPatterns{0};
  compiled.id_ = ++compiledPatterns;
  compiled.steadyMicros_ = kMicrosPerDay;
  for (const Part& part : compiled.parts_) {
    if (part.kind == Part::Kind::Field) {
      compiled.steadyMicros_ = std::min(compiled.steadyMicros_, steadySpanOf(part.letter));
    }
  }
  return compiled;
}

void DateTimePattern::format(std::string& out, const CivilDateTime& local,
                             int32_t offsetSeconds) const {
  const bool javaTime = dialect_ == PatternDialect::JavaTime;
  const int64_t days = daysFromCivil(local.year, local.month, local.day);
  const int64_t yearOfEra = local.year > 0 ? local.year : 1 - int64_t{local.year};
  const int64_t millisOfDay =
      ((int64_t{local.hour} * 60 + local.minute) * 60 + local.second) * 1000 +
      local.microsecond / 1000;
  for (const Part& part : parts_) {
    if (part.kind == Part::Kind::Literal) {
      out += part.literal;
      continue;
    }
    if (part.kind != Part::Kind::Field) continue;  // optional sections always print here
    const int count = part.count;
    switch (part.letter) {
      case 'G':
        if (count == 4) {
          out += local.year > 0 ? "Anno Domini" : "Before Christ";
        } else {
          out += local.year > 0 ? "AD" : "BC";
        }
        break;
      case 'y':
      case 'Y':
      case 'u': {
        if (part.letter == 'u' && !javaTime) {  // SimpleDateFormat: ISO day of week
          appendNumber(out, isoDayOfWeek(days), count);
          break;
        }
        int64_t year = part.letter == 'y' ? yearOfEra : local.year;
        if (part.letter == 'Y') year = usWeekOf(days).weekBasedYear;
        if (count == 2) {
          appendNumber(out, ((year % 100) + 100) % 100, 2);
        } else {
          appendNumber(out, year, count);
        }
        break;
      }
      case 'M':
      case 'L':
        if (count >= 3) {
          appendName(out, kMonthNames[local.month - 1], javaTime ? count : std::min(count, 4));
        } else {
          appendNumber(out, local.month, count);
        }
        break;
      case 'd': appendNumber(out, local.day, count); break;
      case 'D': appendNumber(out, dayOfYear(days), count); break;
      case 'Q':
      case 'q': {
        const int quarter = (local.month - 1) / 3 + 1;
        if (count == 3) {
          out += "Q" + std::to_string(quarter);
        } else if (count == 4) {
          static constexpr std::string_view kOrdinals[] = {"1st", "2nd", "3rd", "4th"};
          out += std::string(kOrdinals[quarter - 1]) + " quarter";
        } else {
          appendNumber(out, quarter, count == 5 ? 1 : count);
        }
        break;
      }
      case 'E':
        appendName(out, kDayNames[dayOfWeekSundayFirst(days) - 1],
                   javaTime ? count : std::min(count, 4));
        break;
      case 'e':
      case 'c':
        if (count <= 2) {
          appendNumber(out, dayOfWeekSundayFirst(days), count);
        } else {
          appendName(out, kDayNames[dayOfWeekSundayFirst(days) - 1], count);
        }
        break;
      case 'F': appendNumber(out, (local.day - 1) / 7 + 1, count); break;
      case 'W': {
        const int64_t first = days - (local.day - 1);
        appendNumber(out, (local.day - 1 + dayOfWeekSundayFirst(first) - 1) / 7 + 1, count);
        break;
      }
      case 'w': appendNumber(out, usWeekOf(days).weekOfYear, count); break;
      case 'a': out += local.hour < 12 ? "AM" : "PM"; break;
      case 'H': appendNumber(out, local.hour, count); break;
      case 'k': appendNumber(out, local.hour == 0 ? 24 : local.hour, count); break;
      case 'K': appendNumber(out, local.hour % 12, count); break;
      case 'h': appendNumber(out, local.hour % 12 == 0 ? 12 : local.hour % 12, count); break;
      case 'm': appendNumber(out, local.minute, count); break;
      case 's': appendNumber(out, local.second, count); break;
      case 'S':
        if (javaTime) {  // the first `count` digits of the nanoseconds
          char digits[9];
          int32_t micro = local.microsecond;
          for (int i = 5; i >= 0; --i, micro /= 10) digits[i] = static_cast<char>('0' + micro % 10);
          digits[6] = digits[7] = digits[8] = '0';
          out.append(digits, std::min(count, 9));
        } else {
          appendNumber(out, local.microsecond / 1000, count);
        }
        break;
      case 'A': appendNumber(out, millisOfDay, count); break;
      case 'n': appendNumber(out, int64_t{local.microsecond} * 1000, count); break;
      case 'N':
        appendNumber(out, millisOfDay * 1'000'000 + local.microsecond % 1000 * 1000, count);
        break;
      default: appendZoneField(out, part.letter, count, offsetSeconds); break;
    }
  }
}

}  // namespace sluice::runtime::builtins
