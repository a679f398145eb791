// CAST and TRY_CAST between all types Flink converts, registered as kernels named "CAST"; the
// call site's function name tells them apart (see cast_call_state.h).
#include "runtime/functions/builtins/builtin_library.h"
#include "runtime/functions/builtins/cast_call_state.h"

namespace sluice::runtime::builtins {

void registerCasts(ScalarFunctionRegistry& registry) {
  cast::registerNumericCasts(registry);
  cast::registerTextCasts(registry);
  cast::registerTemporalCasts(registry);
}

}  // namespace sluice::runtime::builtins
