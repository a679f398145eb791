#include "runtime/state/state_clock.h"

#include <chrono>

namespace sluice::runtime {

int64_t systemTimeMillis() {
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  return std::chrono::duration_cast<std::chrono::milliseconds>(now).count();
}

}  // namespace sluice::runtime
