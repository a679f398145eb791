// The values Flink's table.optimizer.* options that change the plan may take. They are checked
// where they are SET, so that `sqlc check` refuses a bad one at its statement, and again by the
// physical planner, which reads them (a value may also arrive with `sqlc run --set`).
#pragma once

#include <optional>
#include <string>

namespace sluice {

inline constexpr const char* kDistinctSplitEnabled = "table.optimizer.distinct-agg.split.enabled";
inline constexpr const char* kDistinctSplitBuckets =
    "table.optimizer.distinct-agg.split.bucket-num";
inline constexpr const char* kReuseSourceEnabled = "table.optimizer.reuse-source-enabled";
inline constexpr const char* kReuseSubPlanEnabled = "table.optimizer.reuse-sub-plan-enabled";

// Why `value` is not a valid value of the option `key`; nullopt when it is, or when `key` is not
// one of the options above.
std::optional<std::string> optimizerOptionError(const std::string& key, const std::string& value);

}  // namespace sluice
