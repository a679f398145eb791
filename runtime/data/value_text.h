// The text forms of SQL values, as Flink's CAST(x AS STRING) writes them and CAST(STRING AS type)
// reads them (Flink 1.15+ cast rules, non-legacy). Connectors (CSV, JSON, print), literals and the
// CAST kernels all go through here, so a value reads and prints the same everywhere.
//
// Two levels: formatValue/parseValue work on boxed Values of any type (nested ones included);
// the write*/parse* functions below them work on the stored forms of scalar types, without
// allocating, for hot paths (kernels, CSV readers).
//
// NULL is not a value here: formatValue is never asked to print a NULL at the top level (callers
// decide between "null", "" or an omitted JSON field); NULLs nested in ROW/ARRAY/MAP print "null"
// as Flink does. Deviations from Flink, on purpose:
//  - parsing trims ASCII whitespace around every non-string value (Flink does for numbers only);
//  - TIMESTAMP text may separate date and time with 'T' as well as ' ', and may leave out the
//    seconds or have fewer than four year digits (as SQL literals may);
//  - CHAR(n)/VARCHAR(n) lengths count code points (Java counts UTF-16 units);
//  - FLOAT/DOUBLE print the shortest round-tripping digits (Java 19+'s Double.toString; older
//    JDKs occasionally print one more digit).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "compiler/types/data_type.h"
#include "runtime/data/time_zone.h"
#include "runtime/data/value.h"

namespace sluice::runtime {

// Cast: CAST(x AS STRING). Print: Flink's printing of query results (the SQL client and
// collect), which differs only for binary strings: x'0aff' instead of their UTF-8 decoding.
enum class TextStyle : uint8_t { Cast, Print };

// TIMESTAMP_LTZ values print in `zone` (the session time zone); the first form uses UTC.
std::string formatValue(const Value& value, const DataType& type);
std::string formatValue(const Value& value, const DataType& type, const TimeZone& zone,
                        TextStyle style = TextStyle::Cast);
void appendValue(std::string& out, const Value& value, const DataType& type, const TimeZone& zone,
                 TextStyle style = TextStyle::Cast);

struct ParsedValue {
  bool ok = false;
  Value value;
  std::string error;  // "cannot parse 'abc' as INT" when !ok
};
// Reads `text` as CAST(text AS type) does: TIMESTAMP_LTZ text is a local time in `zone`, CHAR(n)
// is padded and VARCHAR(n) truncated. Nested types (ROW, ARRAY, MAP) cannot be parsed.
ParsedValue parseValue(std::string_view text, const DataType& type, const TimeZone& zone);

// ---- Scalar writers: each writes at most kMaxScalarTextLength bytes at `out`, returns the end.

constexpr size_t kMaxScalarTextLength = 64;

char* writeInteger(char* out, int64_t value);
char* writeBoolean(char* out, bool value);  // TRUE / FALSE
// Java's Double.toString / Float.toString: 1.0E10, 0.001, 1.5, -0.0, NaN, Infinity.
char* writeDouble(char* out, double value);
char* writeFloat(char* out, float value);
// Exactly `scale` fraction digits (BigDecimal.toPlainString): unscaled 5, scale 2 -> "0.05".
char* writeDecimal(char* out, int128_t unscaled, int scale);
char* writeDate(char* out, int32_t days);  // 2026-01-05
// HH:mm:ss and, for precision > 0, the milliseconds with trailing zeros cut after the first
// fraction digit, as Flink's TIME to string ("12:34:56.5", "12:34:56.0", "12:34:56.123").
char* writeTime(char* out, int32_t millisOfDay, int precision);
// yyyy-MM-dd HH:mm:ss plus at least `precision` fraction digits (more if the value has them).
char* writeTimestamp(char* out, int64_t micros, int precision);
char* writeIntervalYearMonth(char* out, int32_t months);  // +1-02
char* writeIntervalDayTime(char* out, int64_t millis);    // +1 02:03:04.000

// Bytes as text: invalid UTF-8 sequences become U+FFFD (Java's new String(bytes, UTF_8)).
void appendUtf8Lossy(std::string& out, std::string_view bytes);
void appendHex(std::string& out, std::string_view bytes);  // lower case, two digits per byte

// ---- Scalar readers: nullopt when the text is not a value of the type.

// t, true, y, yes, 1 / f, false, n, no, 0, in any case.
std::optional<bool> parseBoolean(std::string_view text);
// [+-]digits[.digits] (the fraction is dropped, as Flink), range-checked for TINYINT..BIGINT.
std::optional<int64_t> parseInteger(std::string_view text, TypeKind kind);
// Java's Double.parseDouble / Float.parseFloat (NaN, Infinity, exponents, a d/f suffix).
std::optional<double> parseDouble(std::string_view text);
std::optional<float> parseFloat(std::string_view text);
// [+-]digits[.digits][e[+-]digits], rounded HALF_UP to `scale`; nullopt when it needs more than
// `precision` digits.
std::optional<int128_t> parseDecimal(std::string_view text, int precision, int scale);
// y[-m[-d]] with one- or two-digit month and day; anything after a space is ignored
// ("2026-01-05 10:00:00" reads as 2026-01-05).
std::optional<int32_t> parseDate(std::string_view text);
// H[:m[:s[.fraction]]]; the fraction is rounded to milliseconds, then cut to `precision` digits.
std::optional<int32_t> parseTime(std::string_view text, int precision);
// y-M-d[( |T)H:m[:s[.fraction]]], fraction up to 9 digits, cut to `precision` digits (and to
// microseconds). The result is the local date-time as microseconds since the epoch.
std::optional<int64_t> parseTimestamp(std::string_view text, int precision);
// [+-]years[-months] and [+-]days[ hours[:minutes[:seconds[.fraction]]]], as written above.
std::optional<int32_t> parseIntervalYearMonth(std::string_view text);
std::optional<int64_t> parseIntervalDayTime(std::string_view text);

// ---- CHAR(n) / VARCHAR(n)

size_t countCodePoints(std::string_view text);
// The first `length` code points of `text` (all of it when shorter).
std::string_view prefixOfCodePoints(std::string_view text, int64_t length);

// 10^exponent for exponent 0..38: one more than the largest unscaled DECIMAL(exponent, s). The
// one table of them: the DECIMAL arithmetic (runtime/functions/builtins) reads it too.
inline constexpr std::array<int128_t, 39> kDecimalPowersOfTen = [] {
  std::array<int128_t, 39> powers{};
  powers[0] = 1;
  for (size_t i = 1; i < powers.size(); ++i) powers[i] = powers[i - 1] * 10;
  return powers;
}();
constexpr int128_t decimalPowerOfTen(int exponent) {
  return kDecimalPowersOfTen[static_cast<size_t>(exponent)];
}

}  // namespace sluice::runtime
