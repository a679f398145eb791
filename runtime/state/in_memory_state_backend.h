// The default state backend (`state.backend.type` = 'hashmap'): every state in hash tables
// and tree maps on the heap, for state that fits in memory. Fast, and what the tests use.
#pragma once

#include <map>
#include <memory>

#include "runtime/state/keyed_state_backend.h"
#include "runtime/state/state_clock.h"
#include "runtime/state/timer_service.h"

namespace sluice::runtime {

struct InMemoryKeyContext;
class InMemoryStateTable;

class InMemoryStateBackend final : public KeyedStateBackend {
 public:
  // `clock` drives state TTL; the system clock when empty.
  explicit InMemoryStateBackend(StateClock clock = {});
  ~InMemoryStateBackend() override;
  InMemoryStateBackend(const InMemoryStateBackend&) = delete;
  InMemoryStateBackend& operator=(const InMemoryStateBackend&) = delete;

  void setCurrentKey(std::string_view key) override;
  std::string_view currentKey() const override;
  TimerService& timers() override { return timers_; }
  std::vector<StateStatistics> statistics() const override;
  void purgeExpired() override;
  std::string snapshot() const override;
  void restore(std::string_view snapshot) override;

 protected:
  KeyedState& state(std::string_view name, StateKind kind, int64_t ttlMillis) override;

 private:
  // Behind a pointer so that this header does not pull in the tables' internals; the states
  // keep a pointer to it, so it must not move anyway.
  std::unique_ptr<InMemoryKeyContext> context_;
  std::map<std::string, std::unique_ptr<InMemoryStateTable>, std::less<>> states_;
  TimerService timers_;
};

}  // namespace sluice::runtime
