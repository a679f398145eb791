// Small pieces every stateful operator needs: its output types, its keys as bytes, and its
// state size for the run summary.
#pragma once

#include <vector>

#include "compiler/artifact/job_plan.h"
#include "runtime/data/value.h"
#include "runtime/execution/stream_operator.h"
#include "runtime/state/key_encoding.h"
#include "runtime/state/keyed_state_backend.h"

namespace sluice::runtime {

// The types of a node's output columns, in order.
std::vector<DataType> nodeTypes(const artifact::Node& node);

// One key column's value as bytes of a group or partition key. Flink keys state by binary rows,
// so -0.0 and 0.0 are two keys (their bits differ); the hash exchange still sends both to one
// instance, which is all it must do.
void appendKeyValue(const Value& value, PhysicalType type, KeyEncoder& key);
// appendKeyValue of the value at `row` of `column`, without boxing the common types.
void appendKeyCell(const Vector& column, int row, KeyEncoder& key);

// Keys holding state (the largest state's count: an operator's states share its keys) and the
// bytes of all its states.
StateSize stateSizeOf(const KeyedStateBackend& state);

}  // namespace sluice::runtime
