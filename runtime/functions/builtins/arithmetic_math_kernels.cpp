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

using UnaryMath = double (*)(double);
using BinaryMath = double (*)(double, double);

// Calcite rewrites SQRT(x) into POWER(x, 0.5), which differs from a square root only at -0
// (giving +0) and at -Infinity (giving +Infinity).
double squareRoot(double x) {
  if (x == 0) return 0.0;
  if (std::isinf(x)) return std::numeric_limits<double>::infinity();
  return std::sqrt(x);
}

double exponential(double x) {
  return std::exp(x);
}
double naturalLog(double x) {
  return std::log(x);
}
double log10Of(double x) {
  return std::log10(x);
}
// Flink's log2 divides natural logarithms, which is not always std::log2's exact result.
double log2Of(double x) {
  return std::log(x) / std::log(2.0);
}
double sine(double x) {
  return std::sin(x);
}
double cosine(double x) {
  return std::cos(x);
}
double tangent(double x) {
  return std::tan(x);
}
double cotangent(double x) {
  return 1.0 / std::tan(x);
}
double arcSine(double x) {
  return std::asin(x);
}
double arcCosine(double x) {
  return std::acos(x);
}
double arcTangent(double x) {
  return std::atan(x);
}
double hyperbolicSine(double x) {
  return std::sinh(x);
}
double hyperbolicCosine(double x) {
  return std::cosh(x);
}
double hyperbolicTangent(double x) {
  return std::tanh(x);
}
// Math.toDegrees / toRadians multiply by these rounded constants (since Java 9).
double degrees(double angle) {
  return angle * 57.29577951308232;
}
double radians(double angle) {
  return angle * 0.017453292519943295;
}

double power(double base, double exponent) {
  return std::pow(base, exponent);
}
double arcTangent2(double y, double x) {
  return std::atan2(y, x);
}
// LOG(base, x), base first, as Flink's SqlFunctionUtils.log(base, x).
double logarithm(double base, double x) {
  return std::log(x) / std::log(base);
}

template <UnaryMath Function, typename Family>
double unaryMath(FunctionCall& call, typename Family::Type x) {
  return Function(widenToDouble<Family, 0>(call, x));
}

template <BinaryMath Function, typename Left, typename Right>
double binaryMath(FunctionCall& call, typename Left::Type a, typename Right::Type b) {
  return Function(widenToDouble<Left, 0>(call, a), widenToDouble<Right, 1>(call, b));
}

// Decimal arguments need their scale, read once per call site.
ScalarKernel withScalesIfDecimal(ScalarKernel kernel, bool hasDecimalArgument) {
  return hasDecimalArgument ? withDecimalSite(std::move(kernel)) : kernel;
}

template <UnaryMath Function>
void registerUnary(ScalarFunctionRegistry& registry, const char* name) {
  forEachNumericFamily([&registry, name]<typename Family>(Family) {
    registry.add(withScalesIfDecimal(
        scalarKernel<&unaryMath<Function, Family>>(name, {Accepts::kind(Family::kind)},
                                                   Accepts::kind(TypeKind::Double)),
        Family::isDecimal));
  });
}

template <BinaryMath Function>
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
  registerUnary<&squareRoot>(registry, "SQRT");
  registerUnary<&exponential>(registry, "EXP");
  registerUnary<&naturalLog>(registry, "LN");
  registerUnary<&naturalLog>(registry, "LOG");
  registerUnary<&log10Of>(registry, "LOG10");
  registerUnary<&log2Of>(registry, "LOG2");
  registerUnary<&sine>(registry, "SIN");
  registerUnary<&cosine>(registry, "COS");
  registerUnary<&tangent>(registry, "TAN");
  registerUnary<&cotangent>(registry, "COT");
  registerUnary<&arcSine>(registry, "ASIN");
  registerUnary<&arcCosine>(registry, "ACOS");
  registerUnary<&arcTangent>(registry, "ATAN");
  registerUnary<&hyperbolicSine>(registry, "SINH");
  registerUnary<&hyperbolicCosine>(registry, "COSH");
  registerUnary<&hyperbolicTangent>(registry, "TANH");
  registerUnary<&degrees>(registry, "DEGREES");
  registerUnary<&radians>(registry, "RADIANS");
  registerBinary<&power>(registry, "POWER");
  registerBinary<&arcTangent2>(registry, "ATAN2");
  registerBinary<&logarithm>(registry, "LOG");
}

}  // namespace sluice::runtime::builtins
