#include "runtime/functions/builtins/decimal_arithmetic.h"

#include <algorithm>
#include <charconv>

#include "runtime/data/value_text.h"
#include "runtime/functions/builtins/decimal_wide_unsigned.h"

namespace sluice::runtime::decimal {
namespace {

// 10^exponent for exponent in [0, 38], as the unsigned magnitudes here take it.
constexpr uint128_t tenTo(int64_t exponent) {
  return static_cast<uint128_t>(decimalPowerOfTen(static_cast<int>(exponent)));
}

uint128_t magnitudeOf(int128_t value) {
  return value < 0 ? uint128_t{0} - static_cast<uint128_t>(value) : static_cast<uint128_t>(value);
}

// `magnitude` is below 10^38 wherever this is called, so it fits the signed type.
int128_t withSign(uint128_t magnitude, bool negative) {
  const auto value = static_cast<int128_t>(magnitude);
  return negative ? -value : value;
}

// Whether dropping digits whose first is `firstDropped` (and that are non-zero when `inexact`)
// moves the kept magnitude one up.
bool roundsAway(Rounding rounding, bool negative, unsigned firstDropped, bool inexact) {
  switch (rounding) {
    case Rounding::HalfUp: return firstDropped >= 5;
    case Rounding::Down: return false;
    case Rounding::Floor: return negative && inexact;
    case Rounding::Ceiling: return !negative && inexact;
  }
  return false;
}

// magnitude / 10^digits, rounded; digits >= 0.
uint128_t shiftRight(uint128_t magnitude, bool negative, int64_t digits, Rounding rounding) {
  if (digits <= 0) return magnitude;
  uint128_t kept = 0;
  unsigned firstDropped = 0;
  if (digits <= kMaxPrecision) {
    const uint128_t upper = magnitude / tenTo(digits - 1);
    firstDropped = static_cast<unsigned>(upper % 10);
    kept = upper / 10;
  } else if (digits == kMaxPrecision + 1) {
    // Any 128-bit magnitude is below 4 * 10^38, so its 39th digit is all that remains.
    firstDropped = static_cast<unsigned>(magnitude / tenTo(kMaxPrecision));
  }
  const bool inexact = digits > kMaxPrecision ? magnitude != 0 : kept * tenTo(digits) != magnitude;
  return kept + (roundsAway(rounding, negative, firstDropped, inexact) ? 1 : 0);
}

// magnitude / 10^digits, rounded, in place.
void shiftRight(WideUnsigned& magnitude, bool negative, int64_t digits, Rounding rounding) {
  if (digits <= 0) return;
  bool inexact = false;
  for (int64_t remaining = digits - 1; remaining > 0; remaining -= kWordDigits) {
    const auto step = std::min<int64_t>(remaining, kWordDigits);
    inexact = magnitude.divideWord(kWordPowersOfTen[step]) != 0 || inexact;
  }
  const auto firstDropped = static_cast<unsigned>(magnitude.divideWord(10));
  inexact = inexact || firstDropped != 0;
  if (roundsAway(rounding, negative, firstDropped, inexact)) magnitude.add(WideUnsigned(1));
}

// A magnitude at scale `fromScale` as a signed value of shape `to`, or nullopt when too wide.
std::optional<int128_t> finish(uint128_t magnitude, bool negative, int64_t fromScale, Shape to) {
  if (to.scale < fromScale) {
    magnitude = shiftRight(magnitude, negative, fromScale - to.scale, Rounding::HalfUp);
  } else if (to.scale > fromScale) {
    const int64_t grow = to.scale - fromScale;
    if (magnitude == 0) return 0;
    if (grow > to.precision || magnitude >= tenTo(to.precision - grow)) return std::nullopt;
    magnitude *= tenTo(grow);
  }
  if (magnitude >= tenTo(to.precision)) return std::nullopt;
  return withSign(magnitude, negative);
}

std::optional<int128_t> finish(WideUnsigned magnitude, bool negative, int64_t fromScale, Shape to) {
  if (to.scale < fromScale) shiftRight(magnitude, negative, fromScale - to.scale, Rounding::HalfUp);
  // Past 128 bits it cannot fit 38 digits, whatever the scale still has to grow.
  if (!magnitude.fits128()) return std::nullopt;
  return finish(magnitude.low128(), negative, std::min<int64_t>(fromScale, to.scale), to);
}

// The division path for quotients whose rounding the 128-bit path cannot settle. Flink rounds
// the exact quotient to 38 significant digits and then to the result scale; with 40 digits past
// the result scale, the quotient holds those 38 digits plus the one deciding their rounding
// whenever they reach the result scale at all.
std::optional<int128_t> divideExactly(uint128_t dividend, int dividendScale, uint128_t divisor,
                                      int divisorScale, bool negative, Shape result) {
  constexpr int kExtraDigits = 40;
  const int64_t quotientScale = int64_t{result.scale} + kExtraDigits;
  WideUnsigned numerator(dividend);
  numerator.multiplyPowerOfTen(quotientScale - dividendScale + divisorScale);
  WideUnsigned quotient;
  WideUnsigned remainder;
  WideUnsigned::divide(numerator, WideUnsigned(divisor), quotient, remainder);
  const int digits = quotient.decimalDigits();
  // Fewer digits: the quotient is below 10^-(scale + 2) and rounds to zero even after the
  // significant-digit rounding carries.
  if (digits <= kMaxPrecision) return 0;
  const int dropped = digits - kMaxPrecision;
  shiftRight(quotient, negative, dropped, Rounding::HalfUp);
  return finish(quotient, negative, quotientScale - dropped, result);
}

}  // namespace

std::optional<int128_t> rescale(int128_t value, int fromScale, Shape to) {
  return finish(magnitudeOf(value), value < 0, fromScale, to);
}

std::optional<int128_t> add(int128_t a, int aScale, int128_t b, int bScale, Shape result) {
  const int common = std::max(aScale, bScale);
  int128_t alignedA = 0;
  int128_t alignedB = 0;
  int128_t sum = 0;
  if (!__builtin_mul_overflow(a, decimalPowerOfTen(common - aScale), &alignedA) &&
      !__builtin_mul_overflow(b, decimalPowerOfTen(common - bScale), &alignedB) &&
      !__builtin_add_overflow(alignedA, alignedB, &sum)) {
    return rescale(sum, common, result);
  }
  WideUnsigned magnitudeA(magnitudeOf(a));
  magnitudeA.multiplyPowerOfTen(common - aScale);
  WideUnsigned magnitudeB(magnitudeOf(b));
  magnitudeB.multiplyPowerOfTen(common - bScale);
  if ((a < 0) == (b < 0)) {
    magnitudeA.add(magnitudeB);
    return finish(magnitudeA, a < 0, common, result);
  }
  if (magnitudeA.compare(magnitudeB) >= 0) {
    magnitudeA.subtract(magnitudeB);
    return finish(magnitudeA, a < 0, common, result);
  }
  magnitudeB.subtract(magnitudeA);
  return finish(magnitudeB, b < 0, common, result);
}

std::optional<int128_t> subtract(int128_t a, int aScale, int128_t b, int bScale, Shape result) {
  return add(a, aScale, -b, bScale, result);
}

std::optional<int128_t> multiply(int128_t a, int aScale, int128_t b, int bScale, Shape result) {
  int128_t product = 0;
  if (!__builtin_mul_overflow(a, b, &product)) return rescale(product, aScale + bScale, result);
  return finish(WideUnsigned::product(magnitudeOf(a), magnitudeOf(b)), (a < 0) != (b < 0),
                aScale + bScale, result);
}

std::optional<int128_t> divide(int128_t a, int aScale, int128_t b, int bScale, Shape result) {
  const bool negative = (a < 0) != (b < 0);
  const uint128_t dividend = magnitudeOf(a);
  const uint128_t divisor = magnitudeOf(b);
  // The quotient truncated one digit past the result scale decides the rounding, unless that
  // digit is a 4 with more digits behind it: then the 38-significant-digit rounding could carry
  // into it, and the exact path decides.
  const int64_t exponent = int64_t{result.scale} + 1 - aScale + bScale;
  uint128_t numerator = dividend;
  uint128_t denominator = divisor;
  const bool fits = exponent >= 0
                        ? exponent <= kMaxPrecision &&
                              !__builtin_mul_overflow(dividend, tenTo(exponent), &numerator)
                        : -exponent <= kMaxPrecision &&
                              !__builtin_mul_overflow(divisor, tenTo(-exponent), &denominator);
  if (fits) {
    const uint128_t quotient = numerator / denominator;
    const bool exact = quotient * denominator == numerator;
    const auto lastDigit = static_cast<unsigned>(quotient % 10);
    if (exact || lastDigit != 4) {
      return finish(quotient / 10 + (lastDigit >= 5 ? 1 : 0), negative, result.scale, result);
    }
  }
  return divideExactly(dividend, aScale, divisor, bScale, negative, result);
}

std::optional<int128_t> modulo(int128_t a, int aScale, int128_t b, int bScale, Shape result) {
  const int common = std::max(aScale, bScale);
  int128_t alignedA = 0;
  int128_t alignedB = 0;
  if (!__builtin_mul_overflow(a, decimalPowerOfTen(common - aScale), &alignedA) &&
      !__builtin_mul_overflow(b, decimalPowerOfTen(common - bScale), &alignedB)) {
    return rescale(alignedA % alignedB, common, result);
  }
  WideUnsigned dividend(magnitudeOf(a));
  dividend.multiplyPowerOfTen(common - aScale);
  WideUnsigned divisor(magnitudeOf(b));
  divisor.multiplyPowerOfTen(common - bScale);
  WideUnsigned quotient;
  WideUnsigned remainder;
  WideUnsigned::divide(dividend, divisor, quotient, remainder);
  return finish(remainder, a < 0, common, result);
}

int compare(int128_t a, int aScale, int128_t b, int bScale) {
  if (aScale == bScale) return a < b ? -1 : (a > b ? 1 : 0);
  // Integer parts first (truncated, so each part keeps the sign of its value), then the
  // fractions at the common scale, which stay below 10^38 and never overflow.
  const int128_t integralA = a / decimalPowerOfTen(aScale);
  const int128_t integralB = b / decimalPowerOfTen(bScale);
  if (integralA != integralB) return integralA < integralB ? -1 : 1;
  const int common = std::max(aScale, bScale);
  const int128_t fractionA =
      (a - integralA * decimalPowerOfTen(aScale)) * decimalPowerOfTen(common - aScale);
  const int128_t fractionB =
      (b - integralB * decimalPowerOfTen(bScale)) * decimalPowerOfTen(common - bScale);
  return fractionA < fractionB ? -1 : (fractionA > fractionB ? 1 : 0);
}

std::optional<int128_t> roundToDigits(int128_t value, int scale, int64_t digits, Rounding rounding,
                                      Shape result) {
  const bool negative = value < 0;
  if (digits >= scale) return finish(magnitudeOf(value), negative, scale, result);
  // Rounding a value below 10^38 to 10^78 or coarser gives the same result as to 10^78 (zero, or
  // one unit that cannot fit); clamping keeps the digit counts from overflowing.
  digits = std::max<int64_t>(digits, -2 * kMaxPrecision - 2);
  const uint128_t rounded = shiftRight(magnitudeOf(value), negative, scale - digits, rounding);
  return finish(rounded, negative, digits, result);
}

int128_t roundToInteger(int128_t value, int scale, Rounding rounding) {
  const bool negative = value < 0;
  return withSign(shiftRight(magnitudeOf(value), negative, scale, rounding), negative);
}

double toDouble(int64_t unscaled, int scale) {
  // Exactly Flink's compact path: both operands are exact doubles, so one division rounds once.
  return static_cast<double>(unscaled) / static_cast<double>(static_cast<int64_t>(tenTo(scale)));
}

double toDouble(int128_t unscaled, int scale) {
  // BigDecimal.doubleValue is exactly rounded. Below 2^53 and 10^22 both operands are exact
  // doubles, so one division rounds once; otherwise the decimal text goes through from_chars.
  constexpr int128_t kExactInDouble = int128_t{1} << 53;
  if (unscaled > -kExactInDouble && unscaled < kExactInDouble && scale <= 22) {
    return static_cast<double>(static_cast<int64_t>(unscaled)) /
           static_cast<double>(decimalPowerOfTen(scale));
  }
  char text[kMaxScalarTextLength];
  const char* end = writeDecimal(text, unscaled, scale);
  double value = 0;
  std::from_chars(text, end, value);
  return value;
}

}  // namespace sluice::runtime::decimal
