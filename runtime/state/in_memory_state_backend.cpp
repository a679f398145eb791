#include "runtime/state/in_memory_state_backend.h"

#include <utility>

#include "runtime/state/in_memory_state_table.h"
#include "runtime/state/snapshot_format.h"

namespace sluice::runtime {
namespace {

// Snapshot layout: magic, version, the states (name, kind, TTL, then the table's own layout:
// keys with their entries and expiry times), then the timers.
constexpr int64_t kSnapshotMagic = 0x5453454349554C53;  // "SLUICEST" as little-endian bytes
constexpr uint8_t kSnapshotVersion = 1;

std::unique_ptr<InMemoryStateTable> makeTable(std::string name, StateKind kind, int64_t ttlMillis,
                                              const InMemoryKeyContext& context) {
  switch (kind) {
    case StateKind::Value: return makeInMemoryValueState(std::move(name), ttlMillis, context);
    case StateKind::Map: return makeInMemoryMapState(std::move(name), ttlMillis, context);
    case StateKind::SortedMap:
      return makeInMemorySortedMapState(std::move(name), ttlMillis, context);
  }
  throw StateError("corrupt state snapshot: unknown state kind");
}

}  // namespace

InMemoryStateBackend::InMemoryStateBackend(StateClock clock)
    : context_(std::make_unique<InMemoryKeyContext>()), timers_(*this) {
  context_->clock = clock ? std::move(clock) : StateClock(systemTimeMillis);
}

InMemoryStateBackend::~InMemoryStateBackend() = default;

void InMemoryStateBackend::setCurrentKey(std::string_view key) {
  context_->currentKey.assign(key);
  context_->generation += 1;
}

std::string_view InMemoryStateBackend::currentKey() const {
  return context_->currentKey;
}

KeyedState& InMemoryStateBackend::state(std::string_view name, StateKind kind, int64_t ttlMillis) {
  const auto found = states_.find(name);
  if (found != states_.end()) {
    // The operator's TTL wins over the one a restored snapshot carried; a state of another
    // kind is left alone for the caller to refuse.
    if (found->second->core().kind() == kind) found->second->core().setTtlMillis(ttlMillis);
    return found->second->handle();
  }
  auto table = makeTable(std::string(name), kind, ttlMillis, *context_);
  KeyedState& handle = table->handle();
  states_.emplace(std::string(name), std::move(table));
  return handle;
}

std::vector<StateStatistics> InMemoryStateBackend::statistics() const {
  std::vector<StateStatistics> all;
  all.reserve(states_.size());
  for (const auto& [name, table] : states_) all.push_back(table->handle().statistics());
  return all;
}

void InMemoryStateBackend::purgeExpired() {
  for (auto& [name, table] : states_) table->purgeExpired();
}

std::string InMemoryStateBackend::snapshot() const {
  SnapshotWriter writer;
  writer.putInt64(kSnapshotMagic);
  writer.putByte(kSnapshotVersion);
  writer.putCount(states_.size());
  for (const auto& [name, table] : states_) {
    writer.putBytes(name);
    writer.putByte(static_cast<uint8_t>(table->core().kind()));
    writer.putInt64(table->core().ttlMillis());
    table->writeTo(writer);
  }
  timers_.writeTo(writer);
  return writer.take();
}

void InMemoryStateBackend::restore(std::string_view snapshot) {
  // Everything is read aside first, so that a corrupt snapshot leaves the backend unchanged.
  SnapshotReader reader(snapshot);
  if (reader.readInt64() != kSnapshotMagic) throw StateError("not a state snapshot");
  const uint8_t version = reader.readByte();
  if (version != kSnapshotVersion) {
    throw StateError("unsupported state snapshot version " + std::to_string(version));
  }
  std::map<std::string, std::unique_ptr<InMemoryStateTable>, std::less<>> restored;
  const uint64_t stateCount = reader.readCount();
  for (uint64_t i = 0; i < stateCount; ++i) {
    std::string name(reader.readBytes());
    const uint8_t kind = reader.readByte();
    if (kind > static_cast<uint8_t>(StateKind::SortedMap)) {
      throw StateError("corrupt state snapshot: unknown kind of state '" + name + "'");
    }
    const int64_t ttlMillis = reader.readInt64();
    auto table = makeTable(name, static_cast<StateKind>(kind), ttlMillis, *context_);
    table->readFrom(reader);
    if (!restored.emplace(std::move(name), std::move(table)).second) {
      throw StateError("corrupt state snapshot: state repeated");
    }
  }
  TimerService timers(*this);
  timers.readFrom(reader);
  reader.expectEnd();

  for (const auto& [name, table] : restored) {
    const auto existing = states_.find(name);
    if (existing == states_.end() || existing->second->core().kind() == table->core().kind()) {
      continue;
    }
    throw StateError("state '" + name + "' of the snapshot is a " +
                     stateKindName(table->core().kind()) + ", but the operator uses a " +
                     stateKindName(existing->second->core().kind()));
  }

  // Commit. Existing handles keep their identity and their operator's TTL; they only get the
  // snapshot's contents (or none).
  for (auto& [name, table] : states_) {
    const auto fresh = restored.find(name);
    if (fresh == restored.end()) {
      table->clearAll();
      continue;
    }
    table->swapContents(*fresh->second);
    restored.erase(fresh);
  }
  for (auto& [name, table] : restored) states_.emplace(name, std::move(table));
  timers_ = std::move(timers);
}

}  // namespace sluice::runtime
