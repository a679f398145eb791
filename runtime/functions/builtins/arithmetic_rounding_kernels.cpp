// ROUND and TRUNCATE on integers, FLOAT and DOUBLE (DECIMAL is in arithmetic_decimal_kernels).
// Flink rounds through BigDecimal: an integer rounds to tens, hundreds, ... for a negative digit
// count and narrows back modulo 2^n; a FLOAT or DOUBLE rounds its shortest decimal form (what
// BigDecimal.valueOf(double) sees), HALF_UP for ROUND and toward zero for TRUNCATE, so
// ROUND(2.675, 2) is 2.68 although the double 2.675 lies below it.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <string>
#include <type_traits>

#include "runtime/functions/builtins/arithmetic_families.h"
#include "runtime/functions/scalar_kernel_adapter.h"

namespace sluice::runtime::builtins {
namespace {

using decimal::Rounding;

// Rounding a double to more fractional digits than this changes nothing, and to fewer (a
// negative count) leaves zero; clamping keeps the digit arithmetic from overflowing.
constexpr int64_t kDigitsBeyondDouble = 1000;

template <typename T, Rounding Mode>
T roundInteger(T value, int64_t digits) {
  if (digits >= 0) return value;
  const std::optional<int128_t> rounded =
      decimal::roundToDigits(value, 0, digits, Mode, decimal::Shape{decimal::kMaxPrecision, 0});
  // Rounding a 64-bit value never needs 38 digits; the narrowing wraps like Java's intValue().
  return static_cast<T>(rounded.value_or(0));
}

// value = ±digits * 10^exponent.
struct DecimalText {
  bool negative = false;
  std::string digits;  // without leading zeros, "0" for zero
  int64_t exponent = 0;
};

// The shortest decimal that reads back as `value` (finite): Double.toString's digits.
DecimalText shortestDecimal(double value) {
  char buffer[40];
  const auto [end, error] =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
  DecimalText text;
  const char* cursor = buffer;
  if (*cursor == '-') {
    text.negative = true;
    ++cursor;
  }
  int64_t fractionDigits = 0;
  bool afterPoint = false;
  for (; cursor < end && *cursor != 'e'; ++cursor) {
    if (*cursor == '.') {
      afterPoint = true;
      continue;
    }
    text.digits.push_back(*cursor);
    if (afterPoint) ++fractionDigits;
  }
  int exponent = 0;
  if (cursor + 1 < end) {
    const char* exponentStart = cursor + 1 + (cursor[1] == '+' ? 1 : 0);
    std::from_chars(exponentStart, end, exponent);
  }
  text.exponent = exponent - fractionDigits;
  return text;
}

// `text` with at most `fractionDigits` digits after the point (negative: rounded to tens, ...).
DecimalText roundDecimal(DecimalText text, int64_t fractionDigits, Rounding rounding) {
  fractionDigits = std::clamp(fractionDigits, -kDigitsBeyondDouble, kDigitsBeyondDouble);
  if (-text.exponent <= fractionDigits) return text;
  const int64_t dropped = -text.exponent - fractionDigits;
  const auto kept = static_cast<int64_t>(text.digits.size()) - dropped;
  const char firstDropped = kept >= 0 ? text.digits[kept] : '0';
  text.digits.resize(static_cast<size_t>(std::max<int64_t>(kept, 0)));
  text.exponent = -fractionDigits;
  if (rounding == Rounding::HalfUp && firstDropped >= '5') {
    // Decimal increment: trailing nines become zeros and carry.
    size_t position = text.digits.size();
    while (position > 0 && text.digits[position - 1] == '9') text.digits[--position] = '0';
    if (position == 0) {
      text.digits.insert(text.digits.begin(), '1');
    } else {
      ++text.digits[position - 1];
    }
  }
  if (text.digits.empty()) text.digits = "0";
  return text;
}

// The nearest T, as BigDecimal.doubleValue / floatValue (which have no negative zero).
template <typename T>
T parseDecimal(const DecimalText& text) {
  if (text.digits.find_first_not_of('0') == std::string::npos) return T{0};
  const std::string literal =
      (text.negative ? "-" : "") + text.digits + "e" + std::to_string(text.exponent);
  T value = 0;
  const auto [end, error] = std::from_chars(literal.data(), literal.data() + literal.size(), value);
  if (error == std::errc::result_out_of_range) {
    const bool tooLarge = text.exponent + static_cast<int64_t>(text.digits.size()) > 0;
    value = tooLarge ? std::numeric_limits<T>::infinity() : T{0};
    if (text.negative) value = -value;
  }
  return value;
}

template <typename T, Rounding Mode>
T roundFloating(T value, int64_t digits) {
  // BigDecimal cannot hold NaN or Infinity (Flink's job would fail); they pass unchanged.
  if (!std::isfinite(value)) return value;
  DecimalText text = shortestDecimal(static_cast<double>(value));
  if constexpr (std::is_same_v<T, float> && Mode == Rounding::Down) {
    // Flink truncates a FLOAT through DECIMAL(38, 18) and back through double.
    text = roundDecimal(text, 18, Rounding::HalfUp);
    return static_cast<float>(parseDecimal<double>(roundDecimal(text, digits, Mode)));
  } else {
    return parseDecimal<T>(roundDecimal(text, digits, Mode));
  }
}

template <typename T, typename Digits, Rounding Mode>
T roundedTo(FunctionCall&, T value, Digits digits) {
  if constexpr (std::is_integral_v<T>) {
    return roundInteger<T, Mode>(value, digits);
  } else {
    return roundFloating<T, Mode>(value, digits);
  }
}

template <typename T, Rounding Mode>
T rounded(FunctionCall& call, T value) {
  return roundedTo<T, int32_t, Mode>(call, value, 0);
}

template <typename Family>
void registerFor(ScalarFunctionRegistry& registry) {
  using T = typename Family::Type;
  const Accepts value = Accepts::kind(Family::kind);
  registry.add(scalarKernel<&rounded<T, Rounding::HalfUp>>("ROUND", {value}, value));
  registry.add(scalarKernel<&rounded<T, Rounding::Down>>("TRUNCATE", {value}, value));
  forEachIntegerFamily([&registry, &value]<typename Digits>(Digits) {
    using D = typename Digits::Type;
    const Accepts digits = Accepts::kind(Digits::kind);
    registry.add(scalarKernel<&roundedTo<T, D, Rounding::HalfUp>>("ROUND", {value, digits}, value));
    registry.add(
        scalarKernel<&roundedTo<T, D, Rounding::Down>>("TRUNCATE", {value, digits}, value));
  });
}

}  // namespace

void registerRoundingFunctions(ScalarFunctionRegistry& registry) {
  forEachFamily<TinyIntFamily, SmallIntFamily, IntFamily, BigIntFamily, FloatFamily, DoubleFamily>(
      [&registry]<typename Family>(Family) { registerFor<Family>(registry); });
}

}  // namespace sluice::runtime::builtins
