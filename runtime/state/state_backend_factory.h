// The one place that maps the job's `state.backend.type` (Flink's option; also read under its
// older name `state.backend`) to a KeyedStateBackend, so a task creates its operators' backends
// without knowing which kinds exist: 'hashmap' (the default) keeps state in memory, 'rocksdb'
// will keep it on disk.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "runtime/state/keyed_state_backend.h"
#include "runtime/state/state_clock.h"

namespace sluice::runtime {

// Throws StateError for a type that is unknown or not available yet. Case-insensitive.
std::unique_ptr<KeyedStateBackend> createStateBackend(std::string_view type, StateClock clock = {});

// Reads the type from a job's configuration (the plan's SET options).
std::unique_ptr<KeyedStateBackend> createStateBackend(
    const std::map<std::string, std::string>& configuration, StateClock clock = {});

}  // namespace sluice::runtime
