#include "runtime/functions/builtins/builtin_library.h"

#include "runtime/functions/builtins/nested_elements.h"

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
  registerCollections(registry);
}

void registerCollections(ScalarFunctionRegistry& registry) {
  registerCollectionConstructors(registry);
  registerCollectionAccess(registry);
  registerArraySearch(registry);
  registerArrayReshaping(registry);
  registerArrayOrdering(registry);
  registerMaps(registry);
}

}  // namespace sluice::runtime::builtins
