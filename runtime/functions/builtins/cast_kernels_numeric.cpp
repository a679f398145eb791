// CAST between numbers (and BOOLEAN), with Java's conversions as Flink generates them:
// integers narrow by wrapping ((byte) 300 = 44), FLOAT/DOUBLE to integers saturate and NaN is 0,
// DECIMAL to integers truncates toward zero, and every DECIMAL result is rounded HALF_UP to its
// scale. A DECIMAL result with more digits than its precision fails the CAST (TRY_CAST: NULL);
// Flink yields NULL there, which a NOT NULL result type could not hold.
#include <cfloat>
#include <cmath>

#include "runtime/data/value_text.h"
#include "runtime/functions/builtins/builtin_library.h"
#include "runtime/functions/builtins/cast_call_state.h"
#include "runtime/functions/builtins/decimal_arithmetic.h"

namespace sluice::runtime::builtins::cast {
namespace {

enum class Num { Bool, I8, I16, I32, I64, F32, F64, Dec64, Dec128 };

template <Num N>
struct NumTraits;
template <>
struct NumTraits<Num::Bool> {
  using Cpp = bool;
  static Accepts accepts() { return Accepts::kind(TypeKind::Boolean); }
};
#define SLUICE_NUM_TRAITS(Tag, CppType, Kind)                \
  template <>                                                \
  struct NumTraits<Num::Tag> {                               \
    using Cpp = CppType;                                     \
    static Accepts accepts() { return Accepts::kind(Kind); } \
  };
SLUICE_NUM_TRAITS(I8, int8_t, TypeKind::TinyInt)
SLUICE_NUM_TRAITS(I16, int16_t, TypeKind::SmallInt)
SLUICE_NUM_TRAITS(I32, int32_t, TypeKind::Int)
SLUICE_NUM_TRAITS(I64, int64_t, TypeKind::BigInt)
SLUICE_NUM_TRAITS(F32, float, TypeKind::Float)
SLUICE_NUM_TRAITS(F64, double, TypeKind::Double)
SLUICE_NUM_TRAITS(Dec64, int64_t, TypeKind::Decimal)
SLUICE_NUM_TRAITS(Dec128, int128_t, TypeKind::Decimal)
#undef SLUICE_NUM_TRAITS

constexpr bool isInteger(Num n) {
  return n == Num::I8 || n == Num::I16 || n == Num::I32 || n == Num::I64;
}
constexpr bool isReal(Num n) {
  return n == Num::F32 || n == Num::F64;
}
constexpr bool isDecimal(Num n) {
  return n == Num::Dec64 || n == Num::Dec128;
}

// Java's (long) d: NaN is 0, out-of-range values saturate.
int64_t saturatingToLong(double value) {
  if (std::isnan(value)) return 0;
  if (value >= 9223372036854775807.0) return INT64_MAX;
  if (value <= -9223372036854775808.0) return INT64_MIN;
  return static_cast<int64_t>(value);
}

// Java's (int) d; (short) d and (byte) d narrow the int further by wrapping.
int32_t saturatingToInt(double value) {
  if (std::isnan(value)) return 0;
  if (value >= 2147483647.0) return INT32_MAX;
  if (value <= -2147483648.0) return INT32_MIN;
  return static_cast<int32_t>(value);
}

// Rounding to the nearest float; values past the largest float become infinite (a plain
// conversion of such a double is undefined in C++).
float doubleToFloat(double value) {
  // Halfway between FLT_MAX and 2^128: doubles from here on round to infinity.
  constexpr double kFloatOverflow = 340282356779733661637539395458142568448.0;
  if (value >= kFloatOverflow) return INFINITY;
  if (value <= -kFloatOverflow) return -INFINITY;
  return static_cast<float>(value);
}

// Toward zero, then the low 64 bits (BigDecimal.longValue()).
int64_t decimalToLong(int128_t unscaled, int scale) {
  return static_cast<int64_t>(unscaled / decimalPowerOfTen(scale));
}

void overflow(FunctionCall& call, const std::string& shownValue) {
  castFailed(call,
             "numeric overflow: " + shownValue + " does not fit " + castState(call).toTypeName);
}

template <Num From>
std::string describe(FunctionCall& call, typename NumTraits<From>::Cpp value) {
  char text[kMaxScalarTextLength];
  char* end = text;
  if constexpr (isDecimal(From)) {
    end = writeDecimal(text, value, castState(call).fromScale);
  } else if constexpr (From == Num::F32) {
    end = writeFloat(text, value);
  } else if constexpr (From == Num::F64) {
    end = writeDouble(text, value);
  } else {
    end = writeInteger(text, static_cast<int64_t>(value));
  }
  return std::string(text, end);
}

template <Num From, Num To>
typename NumTraits<To>::Cpp castNumber(FunctionCall& call, typename NumTraits<From>::Cpp value) {
  using Target = typename NumTraits<To>::Cpp;
  if constexpr (To == Num::Bool) {
    return value != 0;
  } else if constexpr (isInteger(To)) {
    if constexpr (From == Num::Bool || isInteger(From)) {
      return static_cast<Target>(value);
    } else if constexpr (isReal(From)) {
      if constexpr (To == Num::I64) return saturatingToLong(value);
      return static_cast<Target>(saturatingToInt(value));
    } else {
      return static_cast<Target>(decimalToLong(value, castState(call).fromScale));
    }
  } else if constexpr (isReal(To)) {
    // Integers convert in one rounding step, as Java's (float) long does.
    if constexpr (From == Num::Bool || isInteger(From)) return static_cast<Target>(value);
    double asDouble = 0;
    if constexpr (isDecimal(From)) {
      // BigDecimal.doubleValue(), exactly rounded whatever the storage.
      asDouble = decimal::toDouble(int128_t{value}, castState(call).fromScale);
    } else {
      asDouble = static_cast<double>(value);
    }
    if constexpr (To == Num::F32) return doubleToFloat(asDouble);
    return asDouble;
  } else {
    const CastState& state = castState(call);
    const decimal::Shape target{state.toPrecision, state.toScale};
    std::optional<int128_t> result;
    if constexpr (From == Num::Bool || isInteger(From)) {
      result = decimal::rescale(static_cast<int128_t>(value), 0, target);
    } else if constexpr (isDecimal(From)) {
      result = decimal::rescale(value, state.fromScale, target);
    } else {
      // BigDecimal.valueOf(double): the decimal digits Double.toString prints, rounded HALF_UP.
      if (!std::isfinite(value)) {
        castFailed(call, "cannot cast " + describe<From>(call, value) + " to " + state.toTypeName);
        return 0;
      }
      char text[kMaxScalarTextLength];
      char* end = writeDouble(text, static_cast<double>(value));
      result = parseDecimal(std::string_view(text, end - text), state.toPrecision, state.toScale);
    }
    if (!result) {
      overflow(call, describe<From>(call, value));
      return 0;
    }
    return static_cast<Target>(*result);
  }
}

template <Num From, Num... Tos>
void addCastsFrom(ScalarFunctionRegistry& registry) {
  (addCast<&castNumber<From, Tos>>(registry, NumTraits<From>::accepts(), NumTraits<Tos>::accepts(),
                                   isDecimal(Tos)),
   ...);
}

template <Num... Froms>
void addNumericMatrix(ScalarFunctionRegistry& registry) {
  (addCastsFrom<Froms, Num::I8, Num::I16, Num::I32, Num::I64, Num::F32, Num::F64, Num::Dec64,
                Num::Dec128>(registry),
   ...);
}

}  // namespace

void registerNumericCasts(ScalarFunctionRegistry& registry) {
  addNumericMatrix<Num::I8, Num::I16, Num::I32, Num::I64, Num::F32, Num::F64, Num::Dec64,
                   Num::Dec128, Num::Bool>(registry);
  // Only integers (and strings) become BOOLEAN, as in Flink: nonzero is TRUE.
  addCastsFrom<Num::I8, Num::Bool>(registry);
  addCastsFrom<Num::I16, Num::Bool>(registry);
  addCastsFrom<Num::I32, Num::Bool>(registry);
  addCastsFrom<Num::I64, Num::Bool>(registry);
  addCastsFrom<Num::Bool, Num::Bool>(registry);
}

}  // namespace sluice::runtime::builtins::cast
