// Reading values from text (see value_text.h), as Flink's CAST(STRING AS type) does: numbers and
// parseValue here, dates, times and intervals in value_text_parse_datetime.cpp.
#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <limits>
#include <type_traits>

#include "runtime/data/value_text.h"
#include "runtime/data/value_text_scanning.h"

namespace sluice::runtime {
namespace {

using text_scan::isDigit;
using text_scan::trim;

char toLowerAscii(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool equalsIgnoreCase(std::string_view text, std::string_view lowerWord) {
  if (text.size() != lowerWord.size()) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    if (toLowerAscii(text[i]) != lowerWord[i]) return false;
  }
  return true;
}

// Java's floating-point grammar without hexadecimal forms: checks `text` (sign removed) and
// returns it without a d/f suffix, or nullopt.
std::optional<std::string_view> realBody(std::string_view text) {
  if (!text.empty() &&
      (text.back() == 'd' || text.back() == 'D' || text.back() == 'f' || text.back() == 'F')) {
    text.remove_suffix(1);
  }
  size_t pos = 0;
  size_t mantissaDigits = 0;
  while (pos < text.size() && isDigit(text[pos])) ++pos, ++mantissaDigits;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    while (pos < text.size() && isDigit(text[pos])) ++pos, ++mantissaDigits;
  }
  if (mantissaDigits == 0) return std::nullopt;
  if (pos < text.size() && (text[pos] == 'e' || text[pos] == 'E')) {
    ++pos;
    if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) ++pos;
    const size_t exponentStart = pos;
    while (pos < text.size() && isDigit(text[pos])) ++pos;
    if (pos == exponentStart) return std::nullopt;
  }
  if (pos != text.size()) return std::nullopt;
  return text;
}

template <typename Real>
std::optional<Real> parseReal(std::string_view text) {
  text = trim(text);
  bool negative = false;
  if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  Real value = 0;
  if (text == "NaN") {
    value = std::numeric_limits<Real>::quiet_NaN();
  } else if (text == "Infinity") {
    value = std::numeric_limits<Real>::infinity();
  } else {
    const auto body = realBody(text);
    if (!body) return std::nullopt;
    const auto result = std::from_chars(body->data(), body->data() + body->size(), value);
    if (result.ec == std::errc::result_out_of_range) {
      // Java rounds to Infinity or to zero; strtod does the same.
      const std::string copy(*body);
      value = static_cast<Real>(std::strtod(copy.c_str(), nullptr));
    } else if (result.ec != std::errc() || result.ptr != body->data() + body->size()) {
      return std::nullopt;
    }
  }
  return negative ? -value : value;
}

std::string describeText(std::string_view text) {
  constexpr size_t kShown = 200;
  if (text.size() <= kShown) return std::string(text);
  return std::string(text.substr(0, kShown)) + "...";
}

ParsedValue failed(std::string_view text, const DataType& type) {
  ParsedValue result;
  result.error =
      "cannot parse '" + describeText(text) + "' as " + type.withNullable(true).toString();
  return result;
}

// The parsed scalar boxed as its Value (FLOAT and DOUBLE as reals, the rest as integers), or the
// parse error.
template <typename T>
ParsedValue parsedOrFailed(const std::optional<T>& parsed, std::string_view text,
                           const DataType& type) {
  if (!parsed) return failed(text, type);
  ParsedValue result;
  result.ok = true;
  if constexpr (std::is_floating_point_v<T>) {
    result.value = Value::ofReal(*parsed);
  } else {
    result.value = Value::ofInteger(*parsed);
  }
  return result;
}

// CHAR(n) pads to n code points (with spaces; BINARY(n) with zero bytes); both, and VARCHAR(n) /
// VARBINARY(n), cut longer values, as Flink 1.15+ casts do.
std::string fitToLength(std::string_view text, const DataType& type) {
  const bool isBinary = type.isBinaryString();
  const int64_t length = type.length();
  std::string fitted(isBinary ? text.substr(0, std::min<size_t>(text.size(), length))
                              : prefixOfCodePoints(text, length));
  const bool fixed = type.kind() == TypeKind::Char || type.kind() == TypeKind::Binary;
  if (fixed) {
    const size_t have = isBinary ? fitted.size() : countCodePoints(fitted);
    if (have < static_cast<size_t>(length)) fitted.append(length - have, isBinary ? '\0' : ' ');
  }
  return fitted;
}

}  // namespace

std::optional<bool> parseBoolean(std::string_view text) {
  text = trim(text);
  for (std::string_view word : {"t", "true", "y", "yes", "1"}) {
    if (equalsIgnoreCase(text, word)) return true;
  }
  for (std::string_view word : {"f", "false", "n", "no", "0"}) {
    if (equalsIgnoreCase(text, word)) return false;
  }
  return std::nullopt;
}

std::optional<int64_t> parseInteger(std::string_view text, TypeKind kind) {
  text = trim(text);
  size_t pos = 0;
  bool negative = false;
  if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) negative = text[pos++] == '-';
  // Accumulated as a negative number: INT64_MIN has no positive counterpart.
  int64_t accumulated = 0;
  size_t digits = 0;
  for (; pos < text.size() && isDigit(text[pos]); ++pos, ++digits) {
    const int digit = text[pos] - '0';
    if (accumulated < (std::numeric_limits<int64_t>::min() + digit) / 10) return std::nullopt;
    accumulated = accumulated * 10 - digit;
  }
  // A fraction is allowed and dropped ("1.9" -> 1), as Flink's BinaryStringDataUtil.toLong.
  if (pos < text.size() && text[pos] == '.') {
    for (++pos; pos < text.size() && isDigit(text[pos]); ++pos) ++digits;
  }
  if (digits == 0 || pos != text.size()) return std::nullopt;
  if (!negative && accumulated == std::numeric_limits<int64_t>::min()) return std::nullopt;
  const int64_t value = negative ? accumulated : -accumulated;
  int64_t low = std::numeric_limits<int64_t>::min();
  int64_t high = std::numeric_limits<int64_t>::max();
  switch (kind) {
    case TypeKind::TinyInt: low = -128, high = 127; break;
    case TypeKind::SmallInt: low = -32768, high = 32767; break;
    case TypeKind::Int: low = -2147483648LL, high = 2147483647LL; break;
    default: break;
  }
  if (value < low || value > high) return std::nullopt;
  return value;
}

std::optional<double> parseDouble(std::string_view text) {
  return parseReal<double>(text);
}

std::optional<float> parseFloat(std::string_view text) {
  return parseReal<float>(text);
}

std::optional<int128_t> parseDecimal(std::string_view text, int precision, int scale) {
  text = trim(text);
  size_t pos = 0;
  bool negative = false;
  if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) negative = text[pos++] == '-';
  // The significant digits (from the first nonzero one), and how many of them stand before the
  // decimal point (negative for 0.00ddd). Digits past the 40th cannot fit and only matter through
  // the first of them, for rounding.
  constexpr size_t kKept = 40;
  char significant[kKept];
  size_t significantCount = 0;
  int64_t integerDigits = 0;
  size_t mantissaDigits = 0;
  bool afterPoint = false;
  for (; pos < text.size(); ++pos) {
    const char c = text[pos];
    if (c == '.' && !afterPoint) {
      afterPoint = true;
      continue;
    }
    if (!isDigit(c)) break;
    ++mantissaDigits;
    if (significantCount == 0 && c == '0') {
      if (afterPoint) --integerDigits;
      continue;
    }
    if (significantCount < kKept) significant[significantCount] = c;
    ++significantCount;
    if (!afterPoint) ++integerDigits;
  }
  if (mantissaDigits == 0) return std::nullopt;
  if (pos < text.size() && (text[pos] == 'e' || text[pos] == 'E')) {
    ++pos;
    bool negativeExponent = false;
    if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
      negativeExponent = text[pos++] == '-';
    }
    const size_t exponentStart = pos;
    int64_t exponent = 0;
    for (; pos < text.size() && isDigit(text[pos]); ++pos) {
      if (exponent < 100'000) exponent = exponent * 10 + (text[pos] - '0');
    }
    if (pos == exponentStart) return std::nullopt;
    integerDigits += negativeExponent ? -exponent : exponent;
  }
  if (pos != text.size()) return std::nullopt;
  if (significantCount == 0) return int128_t{0};

  // Keep the significant digits that land at or above the scale's last fraction digit.
  const int64_t keep = integerDigits + scale;
  if (keep > precision) return std::nullopt;
  int128_t unscaled = 0;
  for (int64_t i = 0; i < keep; ++i) {
    const size_t index = static_cast<size_t>(i);
    unscaled = unscaled * 10 + (index < significantCount ? significant[index] - '0' : 0);
  }
  // HALF_UP: only the first dropped digit decides.
  const bool roundUp =
      keep >= 0 && static_cast<size_t>(keep) < significantCount && significant[keep] >= '5';
  if (roundUp) ++unscaled;
  if (unscaled >= decimalPowerOfTen(precision)) return std::nullopt;
  return negative ? -unscaled : unscaled;
}

ParsedValue parseValue(std::string_view text, const DataType& type, const TimeZone& zone) {
  switch (type.kind()) {
    case TypeKind::Null: return ParsedValue{true, Value::null(), ""};
    case TypeKind::Boolean: return parsedOrFailed(parseBoolean(text), text, type);
    case TypeKind::TinyInt:
    case TypeKind::SmallInt:
    case TypeKind::Int:
    case TypeKind::BigInt: return parsedOrFailed(parseInteger(text, type.kind()), text, type);
    case TypeKind::Float: return parsedOrFailed(parseFloat(text), text, type);
    case TypeKind::Double: return parsedOrFailed(parseDouble(text), text, type);
    case TypeKind::Decimal: {
      const auto unscaled = parseDecimal(text, type.precision(), type.scale());
      if (!unscaled) return failed(text, type);
      const bool wide = type.precision() > kMaxInt64DecimalPrecision;
      return ParsedValue{
          true, wide ? Value::ofWide(*unscaled) : Value::ofInteger(static_cast<int64_t>(*unscaled)),
          ""};
    }
    case TypeKind::Date: return parsedOrFailed(parseDate(text), text, type);
    case TypeKind::Time: return parsedOrFailed(parseTime(text, type.precision()), text, type);
    case TypeKind::Timestamp:
      return parsedOrFailed(parseTimestamp(text, type.precision()), text, type);
    case TypeKind::TimestampLtz: {
      const auto local = parseTimestamp(text, type.precision());
      if (!local) return failed(text, type);
      return ParsedValue{true, Value::ofInteger(zone.utcMicrosFromLocal(*local)), ""};
    }
    case TypeKind::IntervalYearMonth:
      return parsedOrFailed(parseIntervalYearMonth(text), text, type);
    case TypeKind::IntervalDayTime: return parsedOrFailed(parseIntervalDayTime(text), text, type);
    case TypeKind::Char:
    case TypeKind::VarChar:
    case TypeKind::Binary:
    case TypeKind::VarBinary: return ParsedValue{true, Value::ofBytes(fitToLength(text, type)), ""};
    case TypeKind::Raw:
    case TypeKind::Symbol:
    case TypeKind::Descriptor: return ParsedValue{true, Value::ofBytes(std::string(text)), ""};
    case TypeKind::Array:
    case TypeKind::Multiset:
    case TypeKind::Map:
    case TypeKind::Row: break;
  }
  ParsedValue result = failed(text, type);
  result.error += ": values of constructed types have no text form to read";
  return result;
}

}  // namespace sluice::runtime
