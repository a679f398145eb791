// How a TopN (Rank, or ORDER BY ... LIMIT) keeps its state, chosen by what its input sends, as
// Flink's RankProcessStrategy: over an insert-only input it keeps just the top rows
// (AppendFast); over an updating input whose sort fields only move towards the top, with a
// unique key, it takes upserts and keeps the top rows by key (UpdateFast); otherwise it needs -U
// and keeps every input row to fall back on (Retract).
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "compiler/physical/upsert_keys.h"
#include "compiler/plan/logical_plan.h"

namespace sluice::physical {

enum class RankStrategy : uint8_t { AppendFast, UpdateFast, Retract };

// "AppendFastStrategy", "UpdateFastStrategy", "RetractStrategy"
const char* rankStrategyName(RankStrategy strategy);

// Whether a node's output is insert-only (from the changelog pass's first phase).
using InsertOnlyQuery = std::function<bool(const plan::LogicalNode&)>;

// The strategies a TopN over `input`, ordered by `order`, can run with, the preferred first.
std::vector<RankStrategy> rankStrategies(const plan::LogicalNode& input,
                                         const std::vector<plan::SortKey>& order,
                                         const UpsertKeys& inputKeys,
                                         const InsertOnlyQuery& isInsertOnly);

}  // namespace sluice::physical
