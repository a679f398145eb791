// The rows one input of a regular join keeps, per join key (the backend's current key): Flink's
// JoinRecordStateView and OuterJoinRecordStateView in one. Each entry is a row with how many
// copies of it are live and, for an outer side, with how many rows of the other side it joins
// (its "associations": a row with none is the one padded with NULLs in the output).
//
// The layout follows the side's unique key, as Flink's JoinInputSideSpec does: when the join key
// contains it, one entry per join key; with another unique key, one entry per unique key value;
// without one, one entry per distinct row, counting its copies.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/data/value.h"
#include "runtime/state/keyed_state.h"
#include "runtime/state/keyed_state_backend.h"

namespace sluice::runtime {

struct JoinRecord {
  std::vector<Value> row;
  int64_t copies = 1;        // live copies of the row (always 1 with a unique key)
  int64_t associations = 0;  // rows of the other side it joins (outer sides)
  std::string entryKey;      // where an interval join buffers it (JoinRecordState leaves it empty)
};

class JoinRecordState {
 public:
  enum class Layout : uint8_t { OnePerJoinKey, ByUniqueKey, ByRow };

  // `uniqueKey`: the side's unique key columns (empty: none); `joinKeyHasUniqueKey`: every one
  // of them is a join key column.
  JoinRecordState(KeyedStateBackend& backend, const std::string& name,
                  std::vector<int> uniqueKey, bool joinKeyHasUniqueKey, int64_t ttlMillis);

  Layout layout() const { return layout_; }
  // Adds one copy of `row` with `associations` (a unique key's entry is replaced).
  void add(const std::vector<Value>& row, int64_t associations);
  // Removes one copy of `row`; nothing when it is not there (its state expired).
  void retract(const std::vector<Value>& row);
  // Every entry of the current key.
  void forEach(const std::function<void(JoinRecord&)>& visit);
  void updateAssociations(const JoinRecord& record, int64_t associations);

 private:
  MapState* entries_ = nullptr;
  Layout layout_;
  std::vector<int> uniqueKey_;
  std::string entryKey_;
  std::string encoded_;

  const std::string& entryKeyOf(const std::vector<Value>& row);
  void store(const std::string& entryKey, const std::vector<Value>& row, int64_t copies,
             int64_t associations);
};

}  // namespace sluice::runtime
