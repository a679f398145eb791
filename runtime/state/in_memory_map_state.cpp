#include "runtime/state/in_memory_map_state.h"

#include <cassert>
#include <utility>

namespace sluice::runtime {
namespace {

size_t payloadBytes(std::string_view userKey, const StoredValue& stored) {
  return userKey.size() + stored.bytes.size();
}

}  // namespace

template <class Entries, class Interface>
InMemoryMapStateBase<Entries, Interface>::InMemoryMapStateBase(std::string name, StateKind kind,
                                                               int64_t ttlMillis,
                                                               const InMemoryKeyContext& context)
    : core_(std::move(name), kind, ttlMillis, context), keys_(context) {}

template <class Entries, class Interface>
std::optional<std::string_view> InMemoryMapStateBase<Entries, Interface>::get(
    std::string_view userKey) {
  Entries* entries = keys_.findCurrent();
  if (entries == nullptr) return std::nullopt;
  const auto found = entries->find(userKey);
  if (found == entries->end()) return std::nullopt;
  if (StateTableCore::expired(found->second, core_.now())) {
    eraseEntry(*entries, found);
    dropKeyIfEmpty(*entries);
    return std::nullopt;
  }
  return found->second.bytes;
}

template <class Entries, class Interface>
void InMemoryMapStateBase<Entries, Interface>::put(std::string_view userKey,
                                                   std::string_view value) {
  Entries* entries = keys_.findCurrent();
  if (entries == nullptr) {
    entries = &keys_.createCurrent();
    core_.keyAdded(core_.context().currentKey);
  }
  const int64_t expiresAt = core_.expiryOfWrite();
  const auto found = entries->find(userKey);
  if (found != entries->end()) {
    core_.entryResized(found->second.bytes.size(), value.size());
    found->second.bytes.assign(value);
    found->second.expiresAt = expiresAt;
    return;
  }
  entries->emplace(std::string(userKey), StoredValue{std::string(value), expiresAt});
  core_.entryAdded(userKey.size() + value.size());
}

template <class Entries, class Interface>
void InMemoryMapStateBase<Entries, Interface>::remove(std::string_view userKey) {
  Entries* entries = keys_.findCurrent();
  if (entries == nullptr) return;
  const auto found = entries->find(userKey);
  if (found == entries->end()) return;
  eraseEntry(*entries, found);
  dropKeyIfEmpty(*entries);
}

template <class Entries, class Interface>
bool InMemoryMapStateBase<Entries, Interface>::isEmpty() {
  Entries* entries = keys_.findCurrent();
  if (entries == nullptr) return true;
  const int64_t now = core_.now();
  for (const auto& [userKey, stored] : *entries) {
    if (!StateTableCore::expired(stored, now)) return false;
  }
  clear();  // every entry has expired
  return true;
}

template <class Entries, class Interface>
void InMemoryMapStateBase<Entries, Interface>::forEach(const EntryVisitor& visitor) {
  Entries* entries = keys_.findCurrent();
  if (entries == nullptr) return;
  visitRange(*entries, entries->begin(), entries->end(), visitor);
}

template <class Entries, class Interface>
void InMemoryMapStateBase<Entries, Interface>::clear() {
  Entries* entries = keys_.findCurrent();
  if (entries == nullptr) return;
  for (const auto& [userKey, stored] : *entries) core_.entryRemoved(payloadBytes(userKey, stored));
  core_.keyRemoved(core_.context().currentKey);
  keys_.eraseCurrent();
}

template <class Entries, class Interface>
std::vector<std::string> InMemoryMapStateBase<Entries, Interface>::keys() const {
  const int64_t now = core_.now();
  std::vector<std::string> live;
  for (const auto& [key, entries] : keys_.all()) {
    for (const auto& [userKey, stored] : entries) {
      if (StateTableCore::expired(stored, now)) continue;
      live.push_back(key);
      break;
    }
  }
  return live;
}

template <class Entries, class Interface>
void InMemoryMapStateBase<Entries, Interface>::purgeExpired() {
  const int64_t now = core_.now();
  auto& all = keys_.all();
  for (auto key = all.begin(); key != all.end();) {
    Entries& entries = key->second;
    for (auto entry = entries.begin(); entry != entries.end();) {
      if (!StateTableCore::expired(entry->second, now)) {
        ++entry;
        continue;
      }
      core_.entryRemoved(payloadBytes(entry->first, entry->second));
      entry = entries.erase(entry);
    }
    if (!entries.empty()) {
      ++key;
      continue;
    }
    core_.keyRemoved(key->first);
    key = all.erase(key);
  }
  keys_.forget();
}

template <class Entries, class Interface>
void InMemoryMapStateBase<Entries, Interface>::clearAll() {
  keys_.all().clear();
  keys_.forget();
  core_.resetCounts();
}

template <class Entries, class Interface>
void InMemoryMapStateBase<Entries, Interface>::writeTo(SnapshotWriter& writer) const {
  writer.putCount(keys_.all().size());
  for (const auto& [key, entries] : keys_.all()) {
    writer.putBytes(key);
    writer.putCount(entries.size());
    for (const auto& [userKey, stored] : entries) {
      writer.putBytes(userKey);
      writer.putBytes(stored.bytes);
      writer.putInt64(stored.expiresAt);
    }
  }
}

template <class Entries, class Interface>
void InMemoryMapStateBase<Entries, Interface>::readFrom(SnapshotReader& reader) {
  const auto repeated = [&](const char* what) {
    return StateError(std::string("corrupt state snapshot: ") + what + " repeated in state '" +
                      core_.name() + "'");
  };
  auto& all = keys_.all();
  const uint64_t keyCount = reader.readCount();
  for (uint64_t i = 0; i < keyCount; ++i) {
    const std::string_view key = reader.readBytes();
    const auto [slot, added] = all.try_emplace(std::string(key));
    if (!added) throw repeated("key");
    core_.keyAdded(key);
    const uint64_t entryCount = reader.readCount();
    for (uint64_t j = 0; j < entryCount; ++j) {
      const std::string_view userKey = reader.readBytes();
      StoredValue stored{std::string(reader.readBytes()), 0};
      stored.expiresAt = reader.readInt64();
      core_.entryAdded(payloadBytes(userKey, stored));
      if (!slot->second.try_emplace(std::string(userKey), std::move(stored)).second) {
        throw repeated("user key");
      }
    }
    if (slot->second.empty()) throw StateError("corrupt state snapshot: a key without entries");
  }
  keys_.forget();
}

template <class Entries, class Interface>
void InMemoryMapStateBase<Entries, Interface>::swapContents(InMemoryStateTable& other) {
  assert(other.core().kind() == core_.kind() && "swapping contents of different kinds");
  auto& same = static_cast<InMemoryMapStateBase&>(other);
  keys_.swap(same.keys_);
  core_.swapCounts(same.core_);
}

template <class Entries, class Interface>
void InMemoryMapStateBase<Entries, Interface>::visitRange(Entries& entries, Iterator first,
                                                          Iterator last,
                                                          const EntryVisitor& visitor) {
  const int64_t now = core_.now();
  bool skippedExpired = false;
  Iterator entry = first;
  for (; entry != last; ++entry) {
    if (StateTableCore::expired(entry->second, now)) {
      skippedExpired = true;
      continue;
    }
    if (visitor(entry->first, entry->second.bytes) == Visit::Stop) break;
  }
  if (!skippedExpired) return;
  // The visitor is done with its views: now the skipped entries can go. `entry` (where the
  // visit ended) stays valid, as erasing other elements of a node container keeps it.
  for (Iterator drop = first; drop != entry;) {
    drop = StateTableCore::expired(drop->second, now) ? eraseEntry(entries, drop) : std::next(drop);
  }
  dropKeyIfEmpty(entries);
}

template <class Entries, class Interface>
auto InMemoryMapStateBase<Entries, Interface>::eraseEntry(Entries& entries, Iterator entry)
    -> Iterator {
  core_.entryRemoved(payloadBytes(entry->first, entry->second));
  return entries.erase(entry);
}

template <class Entries, class Interface>
void InMemoryMapStateBase<Entries, Interface>::dropKeyIfEmpty(const Entries& entries) {
  if (!entries.empty()) return;
  core_.keyRemoved(core_.context().currentKey);
  keys_.eraseCurrent();
}

template class InMemoryMapStateBase<HashEntries, MapState>;
template class InMemoryMapStateBase<SortedEntries, SortedMapState>;

namespace {

class InMemoryMapState final : public InMemoryMapStateBase<HashEntries, MapState> {
 public:
  using InMemoryMapStateBase::InMemoryMapStateBase;
};

}  // namespace

std::unique_ptr<InMemoryStateTable> makeInMemoryMapState(std::string name, int64_t ttlMillis,
                                                         const InMemoryKeyContext& context) {
  return std::make_unique<InMemoryMapState>(std::move(name), StateKind::Map, ttlMillis, context);
}

}  // namespace sluice::runtime
