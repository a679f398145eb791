// DECIMAL arithmetic on unscaled integers, with Flink's semantics (DecimalDataUtils): results are
// rounded HALF_UP to the scale of the result type, and a result with more digits than the result
// precision is NULL (std::nullopt here). A DECIMAL(p, s) value v is stored as the integer
// v * 10^s: int64 for p <= 18, int128 above; these helpers take both widened to int128.
//
// Intermediate values that overflow int128 (DECIMAL(38, 0) * DECIMAL(38, 10), a division with a
// wide scale) take an exact multi-word path, so results never depend on the operand storage.
#pragma once

#include <cstdint>
#include <optional>

#include "runtime/data/physical_type.h"

namespace sluice::runtime::decimal {

constexpr int kMaxPrecision = 38;

// Precision and scale of an operand or result.
struct Shape {
  int precision = kMaxPrecision;
  int scale = 0;
};

enum class Rounding : uint8_t {
  HalfUp,   // to nearest, ties away from zero (SQL ROUND, every arithmetic result)
  Down,     // toward zero (TRUNCATE)
  Floor,    // toward negative infinity
  Ceiling,  // toward positive infinity
};

// `value` (at scale `fromScale`) at scale `to.scale`, rounded HALF_UP when the scale shrinks;
// nullopt when it does not fit `to.precision` digits (Flink's DecimalData.fromBigDecimal).
std::optional<int128_t> rescale(int128_t value, int fromScale, Shape to);

std::optional<int128_t> add(int128_t a, int aScale, int128_t b, int bScale, Shape result);
std::optional<int128_t> subtract(int128_t a, int aScale, int128_t b, int bScale, Shape result);
std::optional<int128_t> multiply(int128_t a, int aScale, int128_t b, int bScale, Shape result);
// The divisor must not be zero (the caller reports the error). Like Flink, the exact quotient is
// first rounded to 38 significant digits, then to the result scale.
std::optional<int128_t> divide(int128_t a, int aScale, int128_t b, int bScale, Shape result);
// The remainder of the truncated division, signed like the dividend; b must not be zero.
std::optional<int128_t> modulo(int128_t a, int aScale, int128_t b, int bScale, Shape result);

// -1, 0 or 1 as a < b, a == b, a > b, exactly, whatever the scales.
int compare(int128_t a, int aScale, int128_t b, int bScale);

// `value` rounded to `digits` fractional digits (negative: to tens, hundreds, ...), then
// expressed at the result scale; nullopt when it does not fit the result precision. This is
// ROUND (HalfUp) and TRUNCATE (Down) on DECIMAL.
std::optional<int128_t> roundToDigits(int128_t value, int scale, int64_t digits, Rounding rounding,
                                      Shape result);
// `value` rounded to an integer (scale 0). Never overflows: FLOOR/CEIL in Flink keep the value
// even when it has one more digit than the declared result precision.
int128_t roundToInteger(int128_t value, int scale, Rounding rounding);

// The nearest double (Flink's DecimalDataUtils.doubleValue): decimals stored in 64 bits are
// divided as doubles by 10^scale, wider ones are converted exactly rounded (BigDecimal's
// doubleValue). Powers of ten and plain text are value_text.h's decimalPowerOfTen/writeDecimal.
double toDouble(int64_t unscaled, int scale);
double toDouble(int128_t unscaled, int scale);

}  // namespace sluice::runtime::decimal
