// The keyed state of one stateful operator instance: its named states, its timers and the
// current key they act on. Operators see only this interface, so the in-memory backend can be
// replaced by RocksDB (`state.backend.type`, state_backend_factory.h) without touching them.
//
// A backend belongs to the task thread that runs the operator: nothing here is thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/state/keyed_state.h"

namespace sluice::runtime {

class TimerService;

class KeyedStateBackend {
 public:
  virtual ~KeyedStateBackend() = default;

  // The key every state handle and every timer registration acts on until the next call:
  // usually the encoded GROUP BY / PARTITION BY / join key of the row being processed.
  virtual void setCurrentKey(std::string_view key) = 0;
  virtual std::string_view currentKey() const = 0;

  // The state named `name`, created empty on first use; later calls, also after restore(),
  // return the same handle, which lives as long as the backend. With ttlMillis > 0 an entry
  // expires ttlMillis after its last write (Flink's table.exec.state.ttl: refreshed on create
  // and write, expired entries are never returned); 0 keeps entries forever. The TTL of the
  // latest call applies, so the operator's replaces the one a restored snapshot carried.
  // Throws StateError if the name is already used by a state of another kind.
  ValueState& valueState(std::string_view name, int64_t ttlMillis = 0);
  MapState& mapState(std::string_view name, int64_t ttlMillis = 0);
  SortedMapState& sortedMapState(std::string_view name, int64_t ttlMillis = 0);

  // Event-time and processing-time timers of this operator; part of the snapshot.
  virtual TimerService& timers() = 0;

  // One entry per state, in name order.
  virtual std::vector<StateStatistics> statistics() const = 0;
  // Drops the expired entries of every state. Reads drop expired entries lazily, but keys that
  // are never read again would stay; the task calls this now and then (e.g. at checkpoints).
  virtual void purgeExpired() = 0;

  // The whole backend (states and timers) as bytes, and back. restore() replaces the contents
  // of every state (handles obtained before stay valid) and throws StateError on a corrupt
  // snapshot, leaving the backend unchanged.
  virtual std::string snapshot() const = 0;
  virtual void restore(std::string_view snapshot) = 0;

 protected:
  // Returns the state `name` of `kind`, creating it if needed; the typed accessors above check
  // the kind and cast.
  virtual KeyedState& state(std::string_view name, StateKind kind, int64_t ttlMillis) = 0;
};

}  // namespace sluice::runtime
