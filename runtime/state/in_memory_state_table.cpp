#include "runtime/state/in_memory_state_table.h"

#include <utility>

namespace sluice::runtime {
namespace {

// Rough heap cost of the containers around the payload bytes: a hash or tree node, the
// std::string headers and the expiry. Statistics are for sizing and trends, not accounting.
constexpr int64_t kKeyOverheadBytes = 80;
constexpr int64_t kEntryOverheadBytes = 80;

}  // namespace

StateTableCore::StateTableCore(std::string name, StateKind kind, int64_t ttlMillis,
                               const InMemoryKeyContext& context)
    : name_(std::move(name)), kind_(kind), ttlMillis_(ttlMillis), context_(&context) {}

int64_t StateTableCore::now() const {
  return ttlMillis_ > 0 ? context_->clock() : INT64_MIN;
}

int64_t StateTableCore::expiryOfWrite() const {
  if (ttlMillis_ <= 0) return kNoExpiry;
  const int64_t time = context_->clock();
  return time > kNoExpiry - ttlMillis_ ? kNoExpiry : time + ttlMillis_;
}

void StateTableCore::keyAdded(std::string_view key) {
  counts_.keys += 1;
  counts_.bytes += static_cast<int64_t>(key.size()) + kKeyOverheadBytes;
}

void StateTableCore::keyRemoved(std::string_view key) {
  counts_.keys -= 1;
  counts_.bytes -= static_cast<int64_t>(key.size()) + kKeyOverheadBytes;
}

void StateTableCore::entryAdded(size_t payloadBytes) {
  counts_.entries += 1;
  counts_.bytes += static_cast<int64_t>(payloadBytes) + kEntryOverheadBytes;
}

void StateTableCore::entryRemoved(size_t payloadBytes) {
  counts_.entries -= 1;
  counts_.bytes -= static_cast<int64_t>(payloadBytes) + kEntryOverheadBytes;
}

void StateTableCore::entryResized(size_t oldPayloadBytes, size_t newPayloadBytes) {
  counts_.bytes += static_cast<int64_t>(newPayloadBytes) - static_cast<int64_t>(oldPayloadBytes);
}

void StateTableCore::swapCounts(StateTableCore& other) {
  std::swap(counts_, other.counts_);
}

StateStatistics StateTableCore::statistics() const {
  return StateStatistics{name_, kind_, counts_.keys, counts_.entries, counts_.bytes};
}

}  // namespace sluice::runtime
