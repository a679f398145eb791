// The comparison operators = <> < <= > >= on every comparable type, as Flink compares (its
// ScalarOperatorGens.generateComparison): numbers, dates, times, timestamps and intervals as
// primitives (so for DOUBLE NaN equals nothing, not even NaN, and -0.0 = 0.0), BOOLEAN with
// FALSE < TRUE, strings and byte strings byte-wise as unsigned bytes (CHAR values compare their
// bytes as they are, no padding rules), and DECIMAL exactly whatever the two scales.
//
// The binder converts both operands to a common type first, so each kernel takes one type on
// both sides; DECIMAL is the exception it allows, with its two storages and independent scales.
#include <string>

#include "runtime/data/string_ref.h"
#include "runtime/functions/builtins/builtin_library.h"
#include "runtime/functions/builtins/decimal_arithmetic.h"
#include "runtime/functions/scalar_kernel_adapter.h"

namespace sluice::runtime::builtins {
namespace {

enum class Comparison : uint8_t { Equal, NotEqual, Less, LessOrEqual, Greater, GreaterOrEqual };

const char* operatorName(Comparison comparison) {
  switch (comparison) {
    case Comparison::Equal: return "=";
    case Comparison::NotEqual: return "<>";
    case Comparison::Less: return "<";
    case Comparison::LessOrEqual: return "<=";
    case Comparison::Greater: return ">";
    case Comparison::GreaterOrEqual: return ">=";
  }
  return "?";
}

// Whether a three-way ordering (negative, zero, positive) satisfies the comparison.
template <Comparison C>
bool holds(int ordering) {
  switch (C) {
    case Comparison::Equal: return ordering == 0;
    case Comparison::NotEqual: return ordering != 0;
    case Comparison::Less: return ordering < 0;
    case Comparison::LessOrEqual: return ordering <= 0;
    case Comparison::Greater: return ordering > 0;
    case Comparison::GreaterOrEqual: return ordering >= 0;
  }
  return false;
}

// Primitive operators, not a three-way ordering, so that NaN compares false (and <> true).
template <Comparison C, typename T>
bool comparePrimitives(FunctionCall&, T a, T b) {
  switch (C) {
    case Comparison::Equal: return a == b;
    case Comparison::NotEqual: return a != b;
    case Comparison::Less: return a < b;
    case Comparison::LessOrEqual: return a <= b;
    case Comparison::Greater: return a > b;
    case Comparison::GreaterOrEqual: return a >= b;
  }
  return false;
}

template <Comparison C>
bool compareBytes(FunctionCall&, StringRef a, StringRef b) {
  // Equality checks lengths and prefixes before any bytes, cheaper than an ordering.
  if constexpr (C == Comparison::Equal) return a == b;
  if constexpr (C == Comparison::NotEqual) return !(a == b);
  return holds<C>(compare(a, b));
}

// The two operand scales of a DECIMAL comparison, read once per call site.
struct DecimalScales {
  int left = 0;
  int right = 0;
};

std::string bindDecimalScales(CallSite& site) {
  if (site.argumentTypes.size() != 2) return "a comparison takes two operands";
  site.state = DecimalScales{site.argumentTypes[0].scale(), site.argumentTypes[1].scale()};
  return {};
}

template <Comparison C, typename A, typename B>
bool compareDecimals(FunctionCall& call, A a, B b) {
  const DecimalScales& scales = call.state<DecimalScales>();
  if (scales.left == scales.right) return comparePrimitives<C, int128_t>(call, a, b);
  return holds<C>(decimal::compare(a, scales.left, b, scales.right));
}

template <Comparison C, typename T>
void registerPrimitive(ScalarFunctionRegistry& registry, TypeKind kind) {
  const Accepts operand = Accepts::kind(kind);
  registry.add(scalarKernel<&comparePrimitives<C, T>>(operatorName(C), {operand, operand},
                                                      Accepts::kind(TypeKind::Boolean)));
}

template <Comparison C, typename A, typename B>
void registerDecimal(ScalarFunctionRegistry& registry) {
  const Accepts decimal = Accepts::kind(TypeKind::Decimal);
  ScalarKernel kernel = scalarKernel<&compareDecimals<C, A, B>>(operatorName(C), {decimal, decimal},
                                                                Accepts::kind(TypeKind::Boolean));
  kernel.bind = &bindDecimalScales;
  registry.add(std::move(kernel));
}

template <Comparison C>
void registerComparisonOperator(ScalarFunctionRegistry& registry) {
  registerPrimitive<C, bool>(registry, TypeKind::Boolean);
  registerPrimitive<C, int8_t>(registry, TypeKind::TinyInt);
  registerPrimitive<C, int16_t>(registry, TypeKind::SmallInt);
  registerPrimitive<C, int32_t>(registry, TypeKind::Int);
  registerPrimitive<C, int64_t>(registry, TypeKind::BigInt);
  registerPrimitive<C, float>(registry, TypeKind::Float);
  registerPrimitive<C, double>(registry, TypeKind::Double);
  // Time points and intervals are plain integers of one unit per type.
  registerPrimitive<C, int32_t>(registry, TypeKind::Date);
  registerPrimitive<C, int32_t>(registry, TypeKind::Time);
  registerPrimitive<C, int64_t>(registry, TypeKind::Timestamp);
  registerPrimitive<C, int64_t>(registry, TypeKind::TimestampLtz);
  registerPrimitive<C, int32_t>(registry, TypeKind::IntervalYearMonth);
  registerPrimitive<C, int64_t>(registry, TypeKind::IntervalDayTime);
  const Accepts boolean = Accepts::kind(TypeKind::Boolean);
  registry.add(scalarKernel<&compareBytes<C>>(operatorName(C),
                                              {Accepts::strings(), Accepts::strings()}, boolean));
  registry.add(scalarKernel<&compareBytes<C>>(operatorName(C),
                                              {Accepts::binaries(), Accepts::binaries()}, boolean));
  registerDecimal<C, int64_t, int64_t>(registry);
  registerDecimal<C, int64_t, int128_t>(registry);
  registerDecimal<C, int128_t, int64_t>(registry);
  registerDecimal<C, int128_t, int128_t>(registry);
}

}  // namespace

void registerComparison(ScalarFunctionRegistry& registry) {
  registerComparisonOperator<Comparison::Equal>(registry);
  registerComparisonOperator<Comparison::NotEqual>(registry);
  registerComparisonOperator<Comparison::Less>(registry);
  registerComparisonOperator<Comparison::LessOrEqual>(registry);
  registerComparisonOperator<Comparison::Greater>(registry);
  registerComparisonOperator<Comparison::GreaterOrEqual>(registry);
}

}  // namespace sluice::runtime::builtins
