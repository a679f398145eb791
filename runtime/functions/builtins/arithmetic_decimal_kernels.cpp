// DECIMAL arithmetic kernels: + - * / % MOD, unary minus, ABS, SIGN, FLOOR, CEIL, ROUND and
// TRUNCATE, with Flink's result types (chosen by the binder) and semantics (decimal_arithmetic.h):
// HALF_UP rounding to the result scale, NULL when the result exceeds the result precision, and a
// failed job on division by zero. Operands and results come as int64 (precision <= 18) or int128,
// so every operator is registered once per storage combination.
#include "runtime/data/value_text.h"
#include "runtime/functions/builtins/arithmetic_families.h"
#include "runtime/functions/scalar_kernel_adapter.h"

namespace sluice::runtime::builtins {
namespace {

using decimal::Rounding;
using DecimalOperation = std::optional<int128_t> (*)(int128_t, int, int128_t, int, decimal::Shape);

// The stored form of a result the helpers computed; results that do not fit are NULL.
template <typename R>
R stored(FunctionCall& call, const std::optional<int128_t>& result) {
  if (!result) {
    call.setNull();
    return 0;
  }
  return static_cast<R>(*result);
}

template <typename R, typename A, typename B, DecimalOperation Operation, bool DividesByB>
R binaryOperator(FunctionCall& call, A a, B b) {
  if constexpr (DividesByB) {
    if (b == 0) {
      call.fail("division by zero");
      return 0;
    }
  }
  const DecimalSite& site = call.state<DecimalSite>();
  return stored<R>(call,
                   Operation(a, site.argumentScales[0], b, site.argumentScales[1], site.result));
}

// Negation and ABS keep precision and scale: the magnitude does not change, so nothing overflows.
template <typename A>
A negated(FunctionCall&, A value) {
  return -value;
}

template <typename A>
A absolute(FunctionCall&, A value) {
  return value < 0 ? -value : value;
}

// SIGN keeps the operand's type: -1, 0 or 1 at its scale (DECIMAL(1, 1) holds 1.0 as Flink does,
// one digit past its precision).
template <typename A>
A sign(FunctionCall& call, A value) {
  if (value == 0) return 0;
  const auto one = static_cast<A>(decimalPowerOfTen(call.state<DecimalSite>().result.scale));
  return value > 0 ? one : -one;
}

// FLOOR and CEIL give DECIMAL(p, 0), stored like the operand.
template <typename A, Rounding Mode>
A toInteger(FunctionCall& call, A value) {
  return static_cast<A>(
      decimal::roundToInteger(value, call.state<DecimalSite>().argumentScales[0], Mode));
}

// ROUND and TRUNCATE may narrow the precision, so the result storage can differ.
template <typename R, typename A, typename Digits, Rounding Mode>
R roundedTo(FunctionCall& call, A value, Digits digits) {
  const DecimalSite& site = call.state<DecimalSite>();
  return stored<R>(
      call, decimal::roundToDigits(value, site.argumentScales[0], digits, Mode, site.result));
}

template <typename R, typename A, Rounding Mode>
R rounded(FunctionCall& call, A value) {
  return roundedTo<R, A, int32_t, Mode>(call, value, 0);
}

Accepts decimals() {
  return Accepts::kind(TypeKind::Decimal);
}

template <typename R, typename A, typename B, DecimalOperation Operation, bool DividesByB>
ScalarKernel operatorKernel(const char* name) {
  return withDecimalSite(scalarKernel<&binaryOperator<R, A, B, Operation, DividesByB>>(
                             name, {decimals(), decimals()}, decimals()),
                         /*mayReturnNull=*/true);
}

template <typename R, typename A, typename B>
void registerOperators(ScalarFunctionRegistry& registry) {
  registry.add(operatorKernel<R, A, B, &decimal::add, false>("+"));
  registry.add(operatorKernel<R, A, B, &decimal::subtract, false>("-"));
  registry.add(operatorKernel<R, A, B, &decimal::multiply, false>("*"));
  registry.add(operatorKernel<R, A, B, &decimal::divide, true>("/"));
  registry.add(operatorKernel<R, A, B, &decimal::modulo, true>("%"));
  registry.add(operatorKernel<R, A, B, &decimal::modulo, true>("MOD"));
}

template <typename R, typename A>
void registerRoundings(ScalarFunctionRegistry& registry) {
  auto add = [&registry](ScalarKernel kernel) {
    registry.add(withDecimalSite(std::move(kernel), /*mayReturnNull=*/true));
  };
  add(scalarKernel<&rounded<R, A, Rounding::HalfUp>>("ROUND", {decimals()}, decimals()));
  add(scalarKernel<&rounded<R, A, Rounding::Down>>("TRUNCATE", {decimals()}, decimals()));
  forEachIntegerFamily([&add]<typename Digits>(Digits) {
    using D = typename Digits::Type;
    const Accepts digits = Accepts::kind(Digits::kind);
    add(scalarKernel<&roundedTo<R, A, D, Rounding::HalfUp>>("ROUND", {decimals(), digits},
                                                            decimals()));
    add(scalarKernel<&roundedTo<R, A, D, Rounding::Down>>("TRUNCATE", {decimals(), digits},
                                                          decimals()));
  });
}

template <typename A>
void registerUnary(ScalarFunctionRegistry& registry) {
  registry.add(scalarKernel<&negated<A>>("-", {decimals()}, decimals()));
  registry.add(scalarKernel<&absolute<A>>("ABS", {decimals()}, decimals()));
  registry.add(withDecimalSite(scalarKernel<&sign<A>>("SIGN", {decimals()}, decimals())));
  registry.add(withDecimalSite(
      scalarKernel<&toInteger<A, Rounding::Floor>>("FLOOR", {decimals()}, decimals())));
  for (const char* name : {"CEIL", "CEILING"}) {
    registry.add(withDecimalSite(
        scalarKernel<&toInteger<A, Rounding::Ceiling>>(name, {decimals()}, decimals())));
  }
}

}  // namespace

std::string bindDecimalSite(CallSite& site) {
  DecimalSite state;
  for (size_t i = 0; i < site.argumentTypes.size() && i < state.argumentScales.size(); ++i) {
    const DataType& type = site.argumentTypes[i];
    if (type.kind() == TypeKind::Decimal) state.argumentScales[i] = type.scale();
  }
  if (site.resultType.kind() == TypeKind::Decimal) {
    state.result = decimal::Shape{site.resultType.precision(), site.resultType.scale()};
  }
  site.state = state;
  return {};
}

ScalarKernel withDecimalSite(ScalarKernel kernel, bool mayReturnNull) {
  kernel.bind = &bindDecimalSite;
  kernel.mayReturnNull = kernel.mayReturnNull || mayReturnNull;
  return kernel;
}

void registerDecimalArithmetic(ScalarFunctionRegistry& registry) {
  forEachFamily<CompactDecimalFamily, WideDecimalFamily>([&registry]<typename Result>(Result) {
    using R = typename Result::Type;
    forEachFamily<CompactDecimalFamily, WideDecimalFamily>([&registry]<typename Left>(Left) {
      using A = typename Left::Type;
      registerRoundings<R, A>(registry);
      forEachFamily<CompactDecimalFamily, WideDecimalFamily>([&registry]<typename Right>(Right) {
        registerOperators<R, A, typename Right::Type>(registry);
      });
    });
    registerUnary<R>(registry);
  });
}

}  // namespace sluice::runtime::builtins
