#include "runtime/state/keyed_state.h"

namespace sluice::runtime {

const char* stateKindName(StateKind kind) {
  switch (kind) {
    case StateKind::Value: return "ValueState";
    case StateKind::Map: return "MapState";
    case StateKind::SortedMap: return "SortedMapState";
  }
  return "unknown state kind";
}

}  // namespace sluice::runtime
