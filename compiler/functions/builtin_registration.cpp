// FunctionRegistry::withBuiltins(): every family of built-in functions.
#include "compiler/functions/builtin_families.h"

namespace sluice {

FunctionRegistry FunctionRegistry::withBuiltins() {
  FunctionRegistry registry;
  builtin::registerArithmeticFunctions(registry);
  builtin::registerStringFunctions(registry);
  builtin::registerPatternFunctions(registry);
  builtin::registerTemporalFunctions(registry);
  builtin::registerDatePartFunctions(registry);
  builtin::registerTimeAttributeFunctions(registry);
  builtin::registerConditionalFunctions(registry);
  builtin::registerCollectionFunctions(registry);
  builtin::registerConstructorFunctions(registry);
  builtin::registerJsonFunctions(registry);
  builtin::registerHashFunctions(registry);
  builtin::registerAggregateFunctions(registry);
  builtin::registerGroupingFunctions(registry);
  builtin::registerRankingFunctions(registry);
  builtin::registerSystemFunctions(registry);
  // Blink (Alibaba Realtime Compute) functions last: they only add names Flink lacks.
  builtin::registerBlinkFunctions(registry);
  return registry;
}

}  // namespace sluice
