// Reading dates, times, timestamps and intervals (see value_text.h), as Flink's DateTimeUtils
// parseDate / parseTime and its default timestamp format do.
#include <limits>

#include "runtime/data/datetime.h"
#include "runtime/data/value_text.h"
#include "runtime/data/value_text_scanning.h"

namespace sluice::runtime {

using text_scan::digitsOnly;
using text_scan::isDigit;
using text_scan::readDigits;
using text_scan::trim;

std::optional<int32_t> parseDate(std::string_view text) {
  text = trim(text);
  text = text.substr(0, text.find(' '));
  const size_t firstHyphen = text.find('-');
  const size_t secondHyphen =
      firstHyphen == std::string_view::npos ? firstHyphen : text.find('-', firstHyphen + 1);
  const auto year = digitsOnly(text.substr(0, firstHyphen));
  std::optional<int64_t> month = 1;
  std::optional<int64_t> day = 1;
  if (firstHyphen != std::string_view::npos) {
    month = digitsOnly(text.substr(firstHyphen + 1, secondHyphen - firstHyphen - 1));
    if (secondHyphen != std::string_view::npos) day = digitsOnly(text.substr(secondHyphen + 1));
  }
  if (!year || !month || !day || *year > 9999 ||
      !isValidDate(*year, static_cast<int>(*month), static_cast<int>(*day))) {
    return std::nullopt;
  }
  return static_cast<int32_t>(
      daysFromCivil(*year, static_cast<int>(*month), static_cast<int>(*day)));
}

std::optional<int32_t> parseTime(std::string_view text, int precision) {
  text = trim(text);
  const size_t firstColon = text.find(':');
  const size_t secondColon =
      firstColon == std::string_view::npos ? firstColon : text.find(':', firstColon + 1);
  const size_t dot =
      secondColon == std::string_view::npos ? secondColon : text.find('.', secondColon);
  const auto hour = digitsOnly(text.substr(0, firstColon));
  std::optional<int64_t> minute = 0;
  std::optional<int64_t> second = 0;
  int64_t millis = 0;
  if (firstColon != std::string_view::npos) {
    minute = digitsOnly(text.substr(firstColon + 1, secondColon - firstColon - 1));
  }
  if (secondColon != std::string_view::npos) {
    second = digitsOnly(text.substr(secondColon + 1, dot - secondColon - 1));
  }
  if (dot != std::string_view::npos) {
    // Milliseconds from the first three digits, rounded half up on the fourth (Flink's
    // parseFraction).
    const std::string_view fraction = trim(text.substr(dot + 1));
    int64_t weight = 100;
    for (size_t i = 0; i < fraction.size(); ++i) {
      if (!isDigit(fraction[i])) return std::nullopt;
      if (weight == 0) {
        if (fraction[i] >= '5' && i == 3) ++millis;
        continue;
      }
      millis += weight * (fraction[i] - '0');
      weight /= 10;
    }
  }
  if (!hour || !minute || !second || *hour > 23 || *minute > 59 || *second > 59)
    return std::nullopt;
  int64_t total = *hour * 3'600'000 + *minute * 60'000 + *second * 1000 + millis;
  if (precision < 3) {
    const int64_t unit = precision <= 0 ? 1000 : (precision == 1 ? 100 : 10);
    total -= total % unit;
  }
  return static_cast<int32_t>(total % kMillisPerDay);
}

std::optional<int64_t> parseTimestamp(std::string_view text, int precision) {
  text = trim(text);
  size_t pos = 0;
  // Flink wants four year digits; SQL literals may have fewer. Past 99999 years microseconds end.
  const auto year = readDigits(text, pos, 1, 5);
  if (!year || pos >= text.size() || text[pos++] != '-') return std::nullopt;
  const auto month = readDigits(text, pos, 1, 2);
  if (!month || pos >= text.size() || text[pos++] != '-') return std::nullopt;
  const auto day = readDigits(text, pos, 1, 2);
  if (!day || !isValidDate(*year, static_cast<int>(*month), static_cast<int>(*day))) {
    return std::nullopt;
  }
  int64_t micros =
      daysFromCivil(*year, static_cast<int>(*month), static_cast<int>(*day)) * kMicrosPerDay;
  if (pos == text.size()) return micros;
  if (text[pos] != ' ' && text[pos] != 'T') return std::nullopt;
  ++pos;
  const auto hour = readDigits(text, pos, 1, 2);
  if (!hour || pos >= text.size() || text[pos++] != ':') return std::nullopt;
  const auto minute = readDigits(text, pos, 1, 2);
  // Seconds may be left out (as in SQL literals: TIMESTAMP '2026-01-01 10:00').
  std::optional<int64_t> second = 0;
  if (pos < text.size() && text[pos] == ':') {
    ++pos;
    second = readDigits(text, pos, 1, 2);
  }
  if (!minute || !second || *hour > 23 || *minute > 59 || *second > 59) return std::nullopt;
  micros += *hour * kMicrosPerHour + *minute * kMicrosPerMinute + *second * kMicrosPerSecond;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    const size_t start = pos;
    int64_t fraction = 0;
    while (pos < text.size() && isDigit(text[pos]) && pos - start < 9) {
      if (pos - start < 6) fraction = fraction * 10 + (text[pos] - '0');
      ++pos;
    }
    for (size_t digits = pos - start; digits < 6; ++digits) fraction *= 10;
    // Cut to the target precision (timestamps keep at most microseconds).
    int64_t unit = 1;
    for (int digit = precision < 0 ? 0 : precision; digit < 6; ++digit) unit *= 10;
    micros += fraction - fraction % unit;
  }
  if (pos != text.size()) return std::nullopt;
  return micros;
}

std::optional<int32_t> parseIntervalYearMonth(std::string_view text) {
  text = trim(text);
  size_t pos = 0;
  const bool negative = pos < text.size() && text[pos] == '-';
  if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) ++pos;
  const auto years = readDigits(text, pos, 1, 9);
  if (!years) return std::nullopt;
  int64_t months = 0;
  if (pos < text.size() && text[pos] == '-') {
    ++pos;
    const auto part = readDigits(text, pos, 1, 2);
    if (!part || *part > 11) return std::nullopt;
    months = *part;
  }
  if (pos != text.size()) return std::nullopt;
  const int64_t total = *years * 12 + months;
  if (total > std::numeric_limits<int32_t>::max()) return std::nullopt;
  return static_cast<int32_t>(negative ? -total : total);
}

std::optional<int64_t> parseIntervalDayTime(std::string_view text) {
  text = trim(text);
  size_t pos = 0;
  const bool negative = pos < text.size() && text[pos] == '-';
  if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) ++pos;
  const auto days = readDigits(text, pos, 1, 9);
  if (!days) return std::nullopt;
  int64_t millis = *days * kMillisPerDay;
  if (pos < text.size() && text[pos] == ' ') {
    ++pos;
    // hours[:minutes[:seconds[.fraction]]]
    constexpr int64_t kUnits[] = {3'600'000, 60'000, 1000};
    constexpr int64_t kLimits[] = {23, 59, 59};
    for (int field = 0; field < 3; ++field) {
      if (field > 0 && (pos >= text.size() || text[pos] != ':')) break;
      if (field > 0) ++pos;
      const auto value = readDigits(text, pos, 1, 2);
      if (!value || *value > kLimits[field]) return std::nullopt;
      millis += *value * kUnits[field];
    }
    if (pos < text.size() && text[pos] == '.') {
      ++pos;
      int64_t weight = 100;
      while (pos < text.size() && isDigit(text[pos])) {
        millis += weight * (text[pos++] - '0');
        weight /= 10;
      }
    }
  }
  if (pos != text.size()) return std::nullopt;
  return negative ? -millis : millis;
}

}  // namespace sluice::runtime
