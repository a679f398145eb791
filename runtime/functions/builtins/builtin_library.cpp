#include "runtime/functions/builtins/builtin_library.h"

namespace sluice::runtime::builtins {

void registerAll(ScalarFunctionRegistry& registry) {
  registerArithmetic(registry);
  registerComparison(registry);
  registerCasts(registry);
  registerStrings(registry);
  registerRegex(registry);
  registerTemporal(registry);
  registerJson(registry);
  registerHashing(registry);
  registerConditional(registry);
  registerTypeOf(registry);
}

}  // namespace sluice::runtime::builtins
