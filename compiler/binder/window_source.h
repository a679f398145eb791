// Finds the window table function that produced a node's window_start / window_end fields, so
// a GROUP BY, ROW_NUMBER or join over them is recognized as a window operation (as Flink does).
#pragma once

#include <optional>
#include <string>

#include "compiler/plan/logical_plan.h"

namespace sluice {

struct WindowSource {
  plan::WindowSpec window;
  std::string description;  // e.g. TUMBLE(time_col=[bidtime], size=[10 min])
};

// Whether the first `keyCount` fields of `node` include window_start and window_end that trace
// back (through projections, filters, watermark assigners and other window operations) to one
// WindowTableFunction.
std::optional<WindowSource> findWindowSource(const plan::LogicalNode& node, size_t keyCount);

// The window TVF a field traces back to, if it is that TVF's window_start/window_end/window_time:
// through projections, filters, joins, and window aggregations, TopN and deduplication.
const plan::LogicalNode* windowFieldOrigin(const plan::LogicalNode& node, int field,
                                           std::string* fieldName);

}  // namespace sluice
