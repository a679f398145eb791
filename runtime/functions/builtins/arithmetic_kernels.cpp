// Arithmetic on integers and FLOAT/DOUBLE with Flink's (that is, Java's) semantics: integer
// results wrap on overflow, integer division and remainder by zero fail the job, floating-point
// division by zero gives Infinity or NaN. The other arithmetic families (DECIMAL, the
// DOUBLE-valued math functions, ROUND/TRUNCATE, datetime and interval arithmetic) live in the
// arithmetic_*_kernels.cpp files and are registered from here.
#include <cmath>
#include <functional>
#include <numbers>
#include <string_view>
#include <type_traits>

#include "runtime/functions/builtins/arithmetic_families.h"
#include "runtime/functions/builtins/builtin_library.h"
#include "runtime/functions/scalar_kernel_adapter.h"

namespace sluice::runtime::builtins {
namespace {

// Integer arithmetic runs on an unsigned type at least as wide as int, where overflow is defined
// (and no operand promotes to signed int), then converts back modulo 2^n, as Java narrows.
template <typename T>
using Unsigned = std::conditional_t<sizeof(T) <= 4, uint32_t, uint64_t>;

template <typename T>
T wrapped(Unsigned<T> value) {
  return static_cast<T>(value);
}

template <typename T>
T negate(T value) {
  if constexpr (std::is_integral_v<T>) {
    return wrapped<T>(Unsigned<T>{0} - static_cast<Unsigned<T>>(value));
  } else {
    return -value;
  }
}

// a + b, a - b, a * b (Op is std::plus, std::minus or std::multiplies).
template <template <typename> class Op, typename T>
T arithmetic(FunctionCall&, T a, T b) {
  if constexpr (std::is_integral_v<T>) {
    using U = Unsigned<T>;
    return wrapped<T>(Op<U>{}(static_cast<U>(a), static_cast<U>(b)));
  } else {
    return Op<T>{}(a, b);
  }
}

template <typename T>
T divide(FunctionCall& call, T a, T b) {
  if constexpr (std::is_integral_v<T>) {
    if (b == 0) {
      call.fail("division by zero");
      return 0;
    }
    // MIN / -1 overflows: Java wraps it back to MIN, which C++ leaves undefined.
    if (b == -1) return negate(a);
    return static_cast<T>(a / b);
  } else {
    return a / b;
  }
}

// '%' and MOD on integers keep the divisor's type (Calcite's rule) while the dividend keeps its
// own; like Java, the remainder takes the dividend's sign and MIN % -1 is 0.
template <typename Dividend, typename Divisor>
Divisor remainder(FunctionCall& call, Dividend a, Divisor b) {
  if (b == 0) {
    call.fail("division by zero");
    return 0;
  }
  if (b == -1) return 0;
  return static_cast<Divisor>(static_cast<int64_t>(a) % static_cast<int64_t>(b));
}

template <typename T>
T unaryMinus(FunctionCall&, T value) {
  return negate(value);
}

// Math.abs: the most negative integer stays negative (Java), floats lose their sign bit.
template <typename T>
T absolute(FunctionCall&, T value) {
  if constexpr (std::is_integral_v<T>) {
    return value < 0 ? negate(value) : value;
  } else {
    return std::fabs(value);
  }
}

// Integer.signum / Math.signum: NaN and signed zeros come back unchanged.
template <typename T>
T sign(FunctionCall&, T value) {
  if (value > 0) return 1;
  if (value < 0) return -1;
  return value;
}

// FLOOR/CEIL of an integer is the integer itself.
template <typename T>
T floorOf(FunctionCall&, T value) {
  if constexpr (std::is_integral_v<T>) {
    return value;
  } else {
    return std::floor(value);
  }
}

template <typename T>
T ceilOf(FunctionCall&, T value) {
  if constexpr (std::is_integral_v<T>) {
    return value;
  } else {
    return std::ceil(value);
  }
}

// BIN and HEX print the two's complement of the value widened to BIGINT without leading zeros,
// as Long.toBinaryString / Long.toHexString (upper-cased) do.
template <int BitsPerDigit>
StringRef unsignedDigits(FunctionCall& call, int64_t value) {
  constexpr char kDigits[] = "0123456789ABCDEF";
  char text[64];
  int start = 64;
  auto bits = static_cast<uint64_t>(value);
  do {
    text[--start] = kDigits[bits & ((1U << BitsPerDigit) - 1)];
    bits >>= BitsPerDigit;
  } while (bits != 0);
  return call.arena().copy(std::string_view(text + start, 64 - start));
}

template <typename T>
StringRef binaryText(FunctionCall& call, T value) {
  return unsignedDigits<1>(call, value);
}

template <typename T>
StringRef hexText(FunctionCall& call, T value) {
  return unsignedDigits<4>(call, value);
}

double pi(FunctionCall&) {
  return std::numbers::pi;
}
double euler(FunctionCall&) {
  return std::numbers::e;
}

template <typename Family>
void registerSameTypeOperators(ScalarFunctionRegistry& registry) {
  using T = typename Family::Type;
  registry.add(sameTypeKernel<&arithmetic<std::plus, T>, Family>("+", 2));
  registry.add(sameTypeKernel<&arithmetic<std::minus, T>, Family>("-", 2));
  registry.add(sameTypeKernel<&arithmetic<std::multiplies, T>, Family>("*", 2));
  registry.add(sameTypeKernel<&divide<T>, Family>("/", 2));
  registry.add(sameTypeKernel<&unaryMinus<T>, Family>("-", 1));
  registry.add(sameTypeKernel<&absolute<T>, Family>("ABS", 1));
  registry.add(sameTypeKernel<&sign<T>, Family>("SIGN", 1));
  registry.add(sameTypeKernel<&floorOf<T>, Family>("FLOOR", 1));
  registry.add(sameTypeKernel<&ceilOf<T>, Family>("CEIL", 1));
  registry.add(sameTypeKernel<&ceilOf<T>, Family>("CEILING", 1));
}

template <typename Dividend>
void registerRemainders(ScalarFunctionRegistry& registry) {
  forEachIntegerFamily([&registry]<typename Divisor>(Divisor) {
    for (const char* name : {"%", "MOD"}) {
      registry.add(scalarKernel<&remainder<typename Dividend::Type, typename Divisor::Type>>(
          name, {Accepts::kind(Dividend::kind), Accepts::kind(Divisor::kind)},
          Accepts::kind(Divisor::kind)));
    }
  });
}

}  // namespace

void registerArithmetic(ScalarFunctionRegistry& registry) {
  forEachFamily<TinyIntFamily, SmallIntFamily, IntFamily, BigIntFamily, FloatFamily, DoubleFamily>(
      [&registry]<typename Family>(Family) { registerSameTypeOperators<Family>(registry); });
  forEachIntegerFamily([&registry]<typename Family>(Family) {
    using T = typename Family::Type;
    registerRemainders<Family>(registry);
    registry.add(
        scalarKernel<&binaryText<T>>("BIN", {Accepts::kind(Family::kind)}, Accepts::strings()));
    registry.add(
        scalarKernel<&hexText<T>>("HEX", {Accepts::kind(Family::kind)}, Accepts::strings()));
  });
  registry.add(scalarKernel<&pi>("PI", {}, Accepts::kind(TypeKind::Double)));
  registry.add(scalarKernel<&euler>("E", {}, Accepts::kind(TypeKind::Double)));

  registerDecimalArithmetic(registry);
  registerMathFunctions(registry);
  registerRoundingFunctions(registry);
  registerIntervalArithmetic(registry);
  registerBitwiseFunctions(registry);
  registerBaseConversion(registry);
  registerRandomFunctions(registry);
}

}  // namespace sluice::runtime::builtins
