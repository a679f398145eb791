// The DOUBLE-valued math functions (SQRT, EXP, LN, LOG*, trigonometry, DEGREES, RADIANS, POWER,
// ATAN2) on every numeric argument type. Flink widens each argument to double (a DECIMAL through
// DecimalDataUtils.doubleValue) and calls java.lang.Math, so domain errors give NaN or Infinity
// rather than failing; the binder keeps the argument types, so a kernel exists per type.
#include <cmath>
#include <limits>

#include "runtime/functions/builtins/arithmetic_families.h"
#include "runtime/functions/scalar_kernel_adapter.h"

namespace sluice::runtime::builtins {
namespace {

// Calcite rewrites SQRT(x) into POWER(x, 0.5), which differs from a square root only at -0
// (giving +0) and at -Infinity (giving +Infinity).
double squareRoot(double x) {
  if (x == 0) return 0.0;
  if (std::isinf(x)) return std::numeric_limits<double>::infinity();
  return std::sqrt(x);
}

// Flink's log2 divides natural logarithms, which is not always std::log2's exact result.
double log2Of(double x) {
  return std::log(x) / std::log(2.0);
}
double cotangent(double x) {
  return 1.0 / std::tan(x);
}
// Math.toDegrees / toRadians multiply by these rounded constants (since Java 9).
double degrees(double angle) {
  return angle * 57.29577951308232;
}
double radians(double angle) {
  return angle * 0.017453292519943295;
}

// LOG(base, x), base first, as Flink's SqlFunctionUtils.log(base, x).
double logarithm(double base, double x) {
  return std::log(x) / std::log(base);
}

// Function: a double(double) or double(double, double) function, or a captureless lambda.
template <auto Function, typename Family>
double unaryMath(FunctionCall& call, typename Family::Type x) {
  return Function(widenToDouble<Family, 0>(call, x));
}

template <auto Function, typename Left, typename Right>
double binaryMath(FunctionCall& call, typename Left::Type a, typename Right::Type b) {
  return Function(widenToDouble<Left, 0>(call, a), widenToDouble<Right, 1>(call, b));
}

// Decimal arguments need their scale, read once per call site.
ScalarKernel withScalesIfDecimal(ScalarKernel kernel, bool hasDecimalArgument) {
  return hasDecimalArgument ? withDecimalSite(std::move(kernel)) : kernel;
}

template <auto Function>
void registerUnary(ScalarFunctionRegistry& registry, const char* name) {
  forEachNumericFamily([&registry, name]<typename Family>(Family) {
    registry.add(withScalesIfDecimal(
        scalarKernel<&unaryMath<Function, Family>>(name, {Accepts::kind(Family::kind)},
                                                   Accepts::kind(TypeKind::Double)),
        Family::isDecimal));
  });
}

template <auto Function>
void registerBinary(ScalarFunctionRegistry& registry, const char* name) {
  forEachNumericFamily([&registry, name]<typename Left>(Left) {
    forEachNumericFamily([&registry, name]<typename Right>(Right) {
      registry.add(
          withScalesIfDecimal(scalarKernel<&binaryMath<Function, Left, Right>>(
                                  name, {Accepts::kind(Left::kind), Accepts::kind(Right::kind)},
                                  Accepts::kind(TypeKind::Double)),
                              Left::isDecimal || Right::isDecimal));
    });
  });
}

}  // namespace

void registerMathFunctions(ScalarFunctionRegistry& registry) {
  // The plain java.lang.Math functions are the C library's.
  registerUnary<&squareRoot>(registry, "SQRT");
  registerUnary<[](double x) { return std::exp(x); }>(registry, "EXP");
  for (const char* name : {"LN", "LOG"}) {
    registerUnary<[](double x) { return std::log(x); }>(registry, name);
  }
  registerUnary<[](double x) { return std::log10(x); }>(registry, "LOG10");
  registerUnary<&log2Of>(registry, "LOG2");
  registerUnary<[](double x) { return std::sin(x); }>(registry, "SIN");
  registerUnary<[](double x) { return std::cos(x); }>(registry, "COS");
  registerUnary<[](double x) { return std::tan(x); }>(registry, "TAN");
  registerUnary<&cotangent>(registry, "COT");
  registerUnary<[](double x) { return std::asin(x); }>(registry, "ASIN");
  registerUnary<[](double x) { return std::acos(x); }>(registry, "ACOS");
  registerUnary<[](double x) { return std::atan(x); }>(registry, "ATAN");
  registerUnary<[](double x) { return std::sinh(x); }>(registry, "SINH");
  registerUnary<[](double x) { return std::cosh(x); }>(registry, "COSH");
  registerUnary<[](double x) { return std::tanh(x); }>(registry, "TANH");
  registerUnary<&degrees>(registry, "DEGREES");
  registerUnary<&radians>(registry, "RADIANS");
  registerBinary<[](double x, double y) { return std::pow(x, y); }>(registry, "POWER");
  registerBinary<[](double y, double x) { return std::atan2(y, x); }>(registry, "ATAN2");
  registerBinary<&logarithm>(registry, "LOG");
}

}  // namespace sluice::runtime::builtins
