// Shared by the arithmetic kernel files (internal to runtime/functions/builtins): the numeric
// argument families kernels are stamped out for, the per-call-site state of kernels with DECIMAL
// operands, and each file's registration entry point (registerArithmetic calls them all).
#pragma once

#include <array>
#include <string>
#include <vector>

#include "runtime/functions/builtins/decimal_arithmetic.h"
#include "runtime/functions/scalar_kernel.h"

namespace sluice::runtime::builtins {

// One numeric argument family: its SQL kind and C++ storage. DECIMAL has two families because
// its storage depends on the precision; the registry picks by kind and storage together.
template <typename T, TypeKind Kind>
struct NumericFamily {
  using Type = T;
  static constexpr TypeKind kind = Kind;
  static constexpr bool isDecimal = Kind == TypeKind::Decimal;
};
using TinyIntFamily = NumericFamily<int8_t, TypeKind::TinyInt>;
using SmallIntFamily = NumericFamily<int16_t, TypeKind::SmallInt>;
using IntFamily = NumericFamily<int32_t, TypeKind::Int>;
using BigIntFamily = NumericFamily<int64_t, TypeKind::BigInt>;
using FloatFamily = NumericFamily<float, TypeKind::Float>;
using DoubleFamily = NumericFamily<double, TypeKind::Double>;
using CompactDecimalFamily = NumericFamily<int64_t, TypeKind::Decimal>;  // precision <= 18
using WideDecimalFamily = NumericFamily<int128_t, TypeKind::Decimal>;    // precision > 18

// Calls fn(Family{}) for each family, so one generic lambda registers a kernel per family.
template <typename... Families, typename Fn>
void forEachFamily(Fn&& fn) {
  (fn(Families{}), ...);
}
template <typename Fn>
void forEachIntegerFamily(Fn&& fn) {
  forEachFamily<TinyIntFamily, SmallIntFamily, IntFamily, BigIntFamily>(fn);
}
template <typename Fn>
void forEachNumericFamily(Fn&& fn) {
  forEachFamily<TinyIntFamily, SmallIntFamily, IntFamily, BigIntFamily, FloatFamily, DoubleFamily,
                CompactDecimalFamily, WideDecimalFamily>(fn);
}

// What a kernel with DECIMAL operands or result needs of its call site, read once at bind time
// so rows never inspect types.
struct DecimalSite {
  std::array<int, 2> argumentScales{};  // 0 for operands that are not DECIMAL
  decimal::Shape result;                // DECIMAL results only
};

// Bind hook filling a DecimalSite into the call site's state.
std::string bindDecimalSite(CallSite& site);
// `kernel` with that bind hook; decimal results may be NULL on overflow.
ScalarKernel withDecimalSite(ScalarKernel kernel, bool mayReturnNull = false);

// Widens argument `Index` to double as Flink's math functions do (DecimalDataUtils.doubleValue
// for DECIMAL); decimal operands need a DecimalSite.
template <typename Family, size_t Index>
double widenToDouble(const FunctionCall& call, typename Family::Type value) {
  if constexpr (Family::isDecimal) {
    return decimal::toDouble(value, call.state<DecimalSite>().argumentScales[Index]);
  } else {
    return static_cast<double>(value);
  }
}

// A kernel whose `arity` arguments and result all have Family's type.
template <auto F, typename Family>
ScalarKernel sameTypeKernel(const char* name, size_t arity) {
  std::vector<Accepts> arguments(arity, Accepts::kind(Family::kind));
  return scalarKernel<F>(name, std::move(arguments), Accepts::kind(Family::kind));
}

void registerDecimalArithmetic(ScalarFunctionRegistry& registry);   // arithmetic_decimal_kernels
void registerMathFunctions(ScalarFunctionRegistry& registry);       // arithmetic_math_kernels
void registerRoundingFunctions(ScalarFunctionRegistry& registry);   // arithmetic_rounding_kernels
void registerIntervalArithmetic(ScalarFunctionRegistry& registry);  // arithmetic_interval_kernels
void registerBitwiseFunctions(ScalarFunctionRegistry& registry);    // arithmetic_bitwise_kernels
void registerBaseConversion(ScalarFunctionRegistry& registry);      // arithmetic_conv_kernels
void registerRandomFunctions(ScalarFunctionRegistry& registry);     // arithmetic_random_kernels

}  // namespace sluice::runtime::builtins
