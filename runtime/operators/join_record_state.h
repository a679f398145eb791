// The rows one input of a regular join keeps, per join key (the backend's current key): Flink's
// JoinRecordStateView and OuterJoinRecordStateView in one. Each entry is a row with how many
// copies of it are live and, for an outer side, with how many rows of the other side it joins
// (its "associations": a row with none is the one padded with NULLs in the output).
//
// The layout follows the side's unique key, as Flink's JoinInputSideSpec does: when the join key
// contains it, one entry per join key; with another unique key, one entry per unique key value;
// without one, one entry per distinct row, counting its copies.
//
// Rows go in from a batch's columns and come out as their encoded bytes (value_codec.h), which
// the join decodes straight into the columns it evaluates and emits: no row is boxed.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/data/batch.h"
#include "runtime/data/value.h"
#include "runtime/state/keyed_state.h"
#include "runtime/state/keyed_state_backend.h"

namespace sluice::runtime {

// A row of an interval or window join's buffer, or of a lookup, boxed.
struct JoinRecord {
  std::vector<Value> row;
  int64_t copies = 1;        // live copies of the row (always 1 with a unique key)
  int64_t associations = 0;  // rows of the other side it joins (outer sides)
  std::string entryKey;      // where an interval join buffers it
};

// One stored entry of the current key, its bytes in the buffer `collect` filled.
struct StoredJoinRow {
  int64_t copies = 1;
  int64_t associations = 0;
  uint32_t entryKeyOffset = 0;
  uint32_t entryKeySize = 0;
  uint32_t rowOffset = 0;  // the row's columns, encoded one after the other
  uint32_t rowSize = 0;
};

class JoinRecordState {
 public:
  enum class Layout : uint8_t { OnePerJoinKey, ByUniqueKey, ByRow };

  // `uniqueKey`: the side's unique key columns (empty: none); `joinKeyHasUniqueKey`: every one
  // of them is a join key column.
  JoinRecordState(KeyedStateBackend& backend, const std::string& name,
                  std::vector<int> uniqueKey, bool joinKeyHasUniqueKey, int64_t ttlMillis);

  Layout layout() const { return layout_; }
  // Adds one copy of row `row` of `batch` with `associations` (a unique key's entry is replaced).
  void add(const Batch& batch, int row, int64_t associations);
  // Removes one copy of the row; nothing when it is not there (its state expired).
  void retract(const Batch& batch, int row);
  // Appends every entry of the current key to `rows`, their bytes to `bytes`.
  void collect(std::vector<StoredJoinRow>& rows, std::string& bytes);
  // Stores `associations` for an entry `collect` returned (its bytes in `bytes`).
  void updateAssociations(const StoredJoinRow& stored, std::string_view bytes,
                          int64_t associations);

 private:
  MapState* entries_ = nullptr;
  Layout layout_;
  std::vector<int> uniqueKey_;
  std::string entryKey_;
  std::string rowBytes_;
  std::string encoded_;

  void encodeEntryKey(const Batch& batch, int row);
  void encodeRow(const Batch& batch, int row);
  void store(std::string_view entryKey, std::string_view rowBytes, int64_t copies,
             int64_t associations);
};

}  // namespace sluice::runtime
