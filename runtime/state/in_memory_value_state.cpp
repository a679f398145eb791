// ValueState of the in-memory backend: one StoredValue per key in a hash table.
#include <cassert>
#include <utility>

#include "runtime/state/in_memory_state_table.h"

namespace sluice::runtime {
namespace {

class InMemoryValueState final : public ValueState, public InMemoryStateTable {
 public:
  InMemoryValueState(std::string name, int64_t ttlMillis, const InMemoryKeyContext& context)
      : core_(std::move(name), StateKind::Value, ttlMillis, context), keys_(context) {}

  // ValueState
  const std::string& name() const override { return core_.name(); }
  StateKind kind() const override { return StateKind::Value; }
  std::optional<std::string_view> get() override;
  void put(std::string_view value) override;
  void clear() override;
  std::vector<std::string> keys() const override;
  StateStatistics statistics() const override { return core_.statistics(); }

  // InMemoryStateTable
  KeyedState& handle() override { return *this; }
  StateTableCore& core() override { return core_; }
  void purgeExpired() override;
  void clearAll() override;
  void writeTo(SnapshotWriter& writer) const override;
  void readFrom(SnapshotReader& reader) override;
  void swapContents(InMemoryStateTable& other) override;

 private:
  StateTableCore core_;
  KeyTable<StoredValue> keys_;
};

std::optional<std::string_view> InMemoryValueState::get() {
  const StoredValue* stored = keys_.findCurrent();
  if (stored == nullptr) return std::nullopt;
  if (StateTableCore::expired(*stored, core_.now())) {
    clear();
    return std::nullopt;
  }
  return stored->bytes;
}

void InMemoryValueState::put(std::string_view value) {
  StoredValue* stored = keys_.findCurrent();
  if (stored == nullptr) {
    stored = &keys_.createCurrent();
    core_.keyAdded(core_.context().currentKey);
    core_.entryAdded(value.size());
  } else {
    core_.entryResized(stored->bytes.size(), value.size());
  }
  stored->bytes.assign(value);
  stored->expiresAt = core_.expiryOfWrite();
}

void InMemoryValueState::clear() {
  const StoredValue* stored = keys_.findCurrent();
  if (stored == nullptr) return;
  core_.entryRemoved(stored->bytes.size());
  core_.keyRemoved(core_.context().currentKey);
  keys_.eraseCurrent();
}

std::vector<std::string> InMemoryValueState::keys() const {
  const int64_t now = core_.now();
  std::vector<std::string> live;
  for (const auto& [key, stored] : keys_.all()) {
    if (!StateTableCore::expired(stored, now)) live.push_back(key);
  }
  return live;
}

void InMemoryValueState::purgeExpired() {
  const int64_t now = core_.now();
  auto& all = keys_.all();
  for (auto it = all.begin(); it != all.end();) {
    if (!StateTableCore::expired(it->second, now)) {
      ++it;
      continue;
    }
    core_.entryRemoved(it->second.bytes.size());
    core_.keyRemoved(it->first);
    it = all.erase(it);
  }
  keys_.forget();
}

void InMemoryValueState::clearAll() {
  keys_.all().clear();
  keys_.forget();
  core_.resetCounts();
}

void InMemoryValueState::writeTo(SnapshotWriter& writer) const {
  writer.putCount(keys_.all().size());
  for (const auto& [key, stored] : keys_.all()) {
    writer.putBytes(key);
    writer.putBytes(stored.bytes);
    writer.putInt64(stored.expiresAt);
  }
}

void InMemoryValueState::readFrom(SnapshotReader& reader) {
  const uint64_t count = reader.readCount();
  auto& all = keys_.all();
  all.reserve(count);
  for (uint64_t i = 0; i < count; ++i) {
    const std::string_view key = reader.readBytes();
    StoredValue stored{std::string(reader.readBytes()), 0};
    stored.expiresAt = reader.readInt64();
    const size_t bytes = stored.bytes.size();
    if (!all.try_emplace(std::string(key), std::move(stored)).second) {
      throw StateError("corrupt state snapshot: key repeated in state '" + core_.name() + "'");
    }
    core_.keyAdded(key);
    core_.entryAdded(bytes);
  }
  keys_.forget();
}

void InMemoryValueState::swapContents(InMemoryStateTable& other) {
  assert(other.core().kind() == StateKind::Value && "swapping contents of different kinds");
  auto& same = static_cast<InMemoryValueState&>(other);
  keys_.swap(same.keys_);
  core_.swapCounts(same.core_);
}

}  // namespace

std::unique_ptr<InMemoryStateTable> makeInMemoryValueState(std::string name, int64_t ttlMillis,
                                                           const InMemoryKeyContext& context) {
  return std::make_unique<InMemoryValueState>(std::move(name), ttlMillis, context);
}

}  // namespace sluice::runtime
