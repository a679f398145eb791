// The scalar writers of value_text.h: numbers as Java prints them, dates and times as Flink's
// DateTimeUtils, without allocating.
#include <charconv>
#include <cmath>
#include <cstring>

#include "runtime/data/datetime.h"
#include "runtime/data/value_text.h"

namespace sluice::runtime {
namespace {

char* writeText(char* out, std::string_view text) {
  std::memcpy(out, text.data(), text.size());
  return out + text.size();
}

char* writeTwoDigits(char* out, int64_t value) {
  out[0] = static_cast<char>('0' + value / 10 % 10);
  out[1] = static_cast<char>('0' + value % 10);
  return out + 2;
}

// Years 0..9999 as four digits; others as java.time writes them (-0044, +10000).
char* writeYear(char* out, int64_t year) {
  if (year < 0 || year > 9999) *out++ = year < 0 ? '-' : '+';
  const uint64_t magnitude = year < 0 ? static_cast<uint64_t>(-year) : static_cast<uint64_t>(year);
  if (magnitude > 9999) return std::to_chars(out, out + 20, magnitude).ptr;
  out = writeTwoDigits(out, static_cast<int64_t>(magnitude / 100));
  return writeTwoDigits(out, static_cast<int64_t>(magnitude % 100));
}

char* writeDateFields(char* out, int64_t year, int month, int day) {
  out = writeYear(out, year);
  *out++ = '-';
  out = writeTwoDigits(out, month);
  *out++ = '-';
  return writeTwoDigits(out, day);
}

char* writeClock(char* out, int64_t hour, int64_t minute, int64_t second) {
  out = writeTwoDigits(out, hour);
  *out++ = ':';
  out = writeTwoDigits(out, minute);
  *out++ = ':';
  return writeTwoDigits(out, second);
}

// Java's floating-point text from the shortest round-tripping digits: plain notation with at
// least one fraction digit for 1e-3 <= |x| < 1e7, otherwise d.dddE[-]n.
char* writeJavaReal(char* out, const char* scientific, const char* scientificEnd) {
  const char* cursor = scientific;
  if (*cursor == '-') *out++ = *cursor++;
  char digits[32];
  int digitCount = 0;
  while (cursor < scientificEnd && *cursor != 'e') {
    if (*cursor != '.') digits[digitCount++] = *cursor;
    ++cursor;
  }
  int exponent = 0;
  if (cursor < scientificEnd) {
    ++cursor;  // 'e'
    if (*cursor == '+') ++cursor;
    std::from_chars(cursor, scientificEnd, exponent);
  }
  if (exponent >= -3 && exponent < 7) {
    if (exponent < 0) {
      out = writeText(out, "0.");
      for (int i = -1; i > exponent; --i) *out++ = '0';
      return writeText(out, std::string_view(digits, digitCount));
    }
    for (int i = 0; i <= exponent; ++i) *out++ = i < digitCount ? digits[i] : '0';
    *out++ = '.';
    if (digitCount <= exponent + 1) return writeText(out, "0");
    return writeText(out, std::string_view(digits + exponent + 1, digitCount - exponent - 1));
  }
  *out++ = digits[0];
  *out++ = '.';
  out = digitCount > 1 ? writeText(out, std::string_view(digits + 1, digitCount - 1))
                       : writeText(out, "0");
  *out++ = 'E';
  return std::to_chars(out, out + 8, exponent).ptr;
}

template <typename Real>
char* writeReal(char* out, Real value) {
  if (std::isnan(value)) return writeText(out, "NaN");
  if (std::isinf(value)) return writeText(out, value < 0 ? "-Infinity" : "Infinity");
  if (value == 0) return writeText(out, std::signbit(value) ? "-0.0" : "0.0");
  char scientific[48];
  const auto result = std::to_chars(scientific, scientific + sizeof scientific, value,
                                    std::chars_format::scientific);
  return writeJavaReal(out, scientific, result.ptr);
}

char* writeUnsigned128(char* out, unsigned __int128 value) {
  char reversed[40];
  int count = 0;
  do {
    reversed[count++] = static_cast<char>('0' + static_cast<int>(value % 10));
    value /= 10;
  } while (value != 0);
  while (count > 0) *out++ = reversed[--count];
  return out;
}

}  // namespace

char* writeInteger(char* out, int64_t value) {
  return std::to_chars(out, out + 24, value).ptr;
}

char* writeBoolean(char* out, bool value) {
  return writeText(out, value ? "TRUE" : "FALSE");
}

char* writeDouble(char* out, double value) {
  return writeReal(out, value);
}

char* writeFloat(char* out, float value) {
  return writeReal(out, value);
}

char* writeDecimal(char* out, int128_t unscaled, int scale) {
  if (unscaled < 0) *out++ = '-';
  const auto magnitude = unscaled < 0 ? -static_cast<unsigned __int128>(unscaled)
                                      : static_cast<unsigned __int128>(unscaled);
  char digits[40];
  const int count = static_cast<int>(writeUnsigned128(digits, magnitude) - digits);
  if (scale <= 0) return writeText(out, std::string_view(digits, count));
  // At least one digit before the point: 5 with scale 2 is 0.05.
  const int integerDigits = count > scale ? count - scale : 0;
  if (integerDigits == 0) {
    *out++ = '0';
  } else {
    out = writeText(out, std::string_view(digits, integerDigits));
  }
  *out++ = '.';
  for (int i = count; i < scale; ++i) *out++ = '0';
  return writeText(out, std::string_view(digits + integerDigits, count - integerDigits));
}

char* writeDate(char* out, int32_t days) {
  const CivilDate date = civilFromDays(days);
  return writeDateFields(out, date.year, date.month, date.day);
}

char* writeTime(char* out, int32_t millisOfDay, int precision) {
  const int64_t millis = floorMod(millisOfDay, kMillisPerDay);
  out = writeClock(out, millis / 3'600'000, millis / 60'000 % 60, millis / 1000 % 60);
  if (precision <= 0) return out;
  *out++ = '.';
  int64_t fraction = millis % 1000;
  for (int digit = 0; digit < precision && digit < 3; ++digit) {
    *out++ = static_cast<char>('0' + fraction / 100);
    fraction = fraction % 100 * 10;
    if (fraction == 0) break;  // Flink stops at the last nonzero digit (one digit at least)
  }
  return out;
}

char* writeTimestamp(char* out, int64_t micros, int precision) {
  const CivilDateTime fields = civilFromMicros(micros);
  out = writeDateFields(out, fields.year, fields.month, fields.day);
  *out++ = ' ';
  out = writeClock(out, fields.hour, fields.minute, fields.second);
  // Nine nanosecond digits, trailing zeros dropped down to `precision` digits.
  char fraction[9];
  int32_t micro = fields.microsecond;
  for (int i = 5; i >= 0; --i) {
    fraction[i] = static_cast<char>('0' + micro % 10);
    micro /= 10;
  }
  std::memset(fraction + 6, '0', 3);
  int length = 9;
  while (length > precision && fraction[length - 1] == '0') --length;
  if (length == 0) return out;
  *out++ = '.';
  return writeText(out, std::string_view(fraction, length));
}

char* writeIntervalYearMonth(char* out, int32_t months) {
  *out++ = months < 0 ? '-' : '+';
  const int64_t magnitude = months < 0 ? -int64_t{months} : int64_t{months};
  out = std::to_chars(out, out + 12, magnitude / 12).ptr;
  *out++ = '-';
  return writeTwoDigits(out, magnitude % 12);
}

char* writeIntervalDayTime(char* out, int64_t millis) {
  *out++ = millis < 0 ? '-' : '+';
  const uint64_t magnitude =
      millis < 0 ? static_cast<uint64_t>(-(millis + 1)) + 1 : static_cast<uint64_t>(millis);
  out = std::to_chars(out, out + 24, magnitude / static_cast<uint64_t>(kMillisPerDay)).ptr;
  *out++ = ' ';
  const uint64_t ofDay = magnitude % static_cast<uint64_t>(kMillisPerDay);
  out = writeClock(out, static_cast<int64_t>(ofDay / 3'600'000),
                   static_cast<int64_t>(ofDay / 60'000 % 60),
                   static_cast<int64_t>(ofDay / 1000 % 60));
  *out++ = '.';
  const auto fraction = static_cast<int64_t>(ofDay % 1000);
  *out++ = static_cast<char>('0' + fraction / 100);
  return writeTwoDigits(out, fraction % 100);
}

}  // namespace sluice::runtime
