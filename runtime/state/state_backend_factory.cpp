#include "runtime/state/state_backend_factory.h"

#include <algorithm>
#include <cctype>

#include "runtime/state/in_memory_state_backend.h"

namespace sluice::runtime {
namespace {

std::string lowerCase(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower;
}

}  // namespace

std::unique_ptr<KeyedStateBackend> createStateBackend(std::string_view type, StateClock clock) {
  const std::string name = lowerCase(type);
  if (name == "hashmap") return std::make_unique<InMemoryStateBackend>(std::move(clock));
  if (name == "rocksdb") {
    throw StateError("state.backend.type 'rocksdb' is not available yet");
  }
  throw StateError("unknown state.backend.type '" + std::string(type) +
                   "' (expected 'hashmap' or 'rocksdb')");
}

std::unique_ptr<KeyedStateBackend> createStateBackend(
    const std::map<std::string, std::string>& configuration, StateClock clock) {
  for (const char* option : {"state.backend.type", "state.backend"}) {
    const auto found = configuration.find(option);
    if (found != configuration.end()) return createStateBackend(found->second, std::move(clock));
  }
  return createStateBackend("hashmap", std::move(clock));
}

}  // namespace sluice::runtime
