#include "runtime/state/keyed_state_backend.h"

namespace sluice::runtime {
namespace {

// Every backend gets the same check: a name means one state of one kind, whichever operator
// code (or restored snapshot) created it first.
KeyedState& checkKind(KeyedState& state, StateKind requested) {
  if (state.kind() == requested) return state;
  throw StateError("state '" + state.name() + "' is a " + stateKindName(state.kind()) + ", not a " +
                   stateKindName(requested));
}

}  // namespace

ValueState& KeyedStateBackend::valueState(std::string_view name, int64_t ttlMillis) {
  return static_cast<ValueState&>(
      checkKind(state(name, StateKind::Value, ttlMillis), StateKind::Value));
}

MapState& KeyedStateBackend::mapState(std::string_view name, int64_t ttlMillis) {
  return static_cast<MapState&>(checkKind(state(name, StateKind::Map, ttlMillis), StateKind::Map));
}

SortedMapState& KeyedStateBackend::sortedMapState(std::string_view name, int64_t ttlMillis) {
  return static_cast<SortedMapState&>(
      checkKind(state(name, StateKind::SortedMap, ttlMillis), StateKind::SortedMap));
}

}  // namespace sluice::runtime
