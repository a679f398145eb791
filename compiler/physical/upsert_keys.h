// Upsert keys: sets of output fields that identify a row of a node's changelog, so that a later
// +U or -D with the same key replaces or removes it (Flink's FlinkRelMdUpsertKeys). A source's
// primary key, an aggregate's group keys, a deduplication's key, a TopN's partition key with
// its rank number. They decide whether a consumer can take upserts instead of retractions and
// whether an upsert sink must materialize its input.
#pragma once

#include <string>
#include <vector>

#include "compiler/plan/logical_plan.h"

namespace sluice::physical {

// One key: output field indexes, ascending. The empty key is a real key: the single row of an
// aggregate without GROUP BY.
using UpsertKey = std::vector<int>;
// Every key known for a node, the smallest first; empty when none is known.
using UpsertKeys = std::vector<UpsertKey>;

// The upsert keys of `node` given those of its inputs (`inputs[i]` for `node.inputs[i]`; a
// lookup join's table side may be empty, its keys come from the table's primary key).
UpsertKeys deriveUpsertKeys(const plan::LogicalNode& node, const std::vector<UpsertKeys>& inputs);

// Whether some key of `keys` holds only fields of `fields`.
bool hasKeyWithin(const UpsertKeys& keys, const std::vector<int>& fields);
// Whether some key of `keys` holds every field of `fields`.
bool hasKeyContaining(const UpsertKeys& keys, const std::vector<int>& fields);

// "[[0], [1, 2]]"
std::string formatUpsertKeys(const UpsertKeys& keys);

}  // namespace sluice::physical
