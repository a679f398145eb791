#include "runtime/operators/aggregate_update_code.h"

#include <fmt/format.h>

namespace sluice::runtime {

std::string AggregateUpdateLayout::digest() const {
  std::string text = "columns";
  for (PhysicalType type : inputTypes) text += fmt::format(" {}", static_cast<int>(type));
  text += " keys";
  for (int key : keyColumns) text += fmt::format(" {}", key);
  text += " calls";
  for (const Call& call : calls) {
    text += fmt::format(" {}/{}/{}/{}/{}/{}", static_cast<int>(call.update), call.argument,
                        call.filter, call.real, call.roundsToFloat, call.slot);
  }
  return text + fmt::format(" words {} {}", keyWords, accumulatorWords);
}

}  // namespace sluice::runtime
