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
}

}  // namespace sluice::runtime::builtins
