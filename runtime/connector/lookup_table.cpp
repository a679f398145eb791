#include "runtime/connector/lookup_table.h"

#include <chrono>
#include <cstring>
#include <string_view>

namespace sluice::runtime {
namespace {

size_t combine(size_t seed, size_t value) {
  return seed ^ (value + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2));
}

size_t hashValue(const Value& value) {
  if (value.isNull) return 0x51ed27;
  size_t h = std::hash<int64_t>()(value.integer);
  h = combine(h, std::hash<int64_t>()(static_cast<int64_t>(value.wide)));
  h = combine(h, std::hash<int64_t>()(static_cast<int64_t>(value.wide >> 64)));
  uint64_t bits = 0;
  std::memcpy(&bits, &value.real, sizeof bits);
  h = combine(h, std::hash<uint64_t>()(bits));
  h = combine(h, std::hash<std::string_view>()(value.bytes));
  for (const Value& child : value.children) h = combine(h, hashValue(child));
  return h;
}

}  // namespace

size_t LookupKeyHash::operator()(const std::vector<Value>& key) const {
  size_t h = key.size();
  for (const Value& value : key) h = combine(h, hashValue(value));
  return h;
}

LookupClock steadyLookupClock() {
  return [] {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
  };
}

void LookupTable::lookupBatch(const std::vector<std::vector<Value>>& keys,
                              std::vector<LookupRows>& results) {
  results.clear();
  results.reserve(keys.size());
  for (const std::vector<Value>& key : keys) results.push_back(lookup(key));
}

}  // namespace sluice::runtime
