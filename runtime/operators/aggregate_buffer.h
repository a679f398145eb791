// The hot loop of window aggregation: partial aggregates per (group key, slice) in memory, over
// typed columns. Rows of a batch are hashed and probed into an open-addressing table of
// fixed-width keys (the key columns widened to 64 bits, their null flags, the slice end), then
// each aggregate call updates its accumulator column in one tight loop over the batch. Nothing is
// boxed per row; the window operator drains the buffer into keyed state only when a window may
// fire (Flink's WindowBuffer + combiner), so state is touched once per key and slice.
//
// It takes what most aggregations are: fixed-width keys (integers, temporal types, booleans,
// doubles by their bits, as Flink's binary keys compare them), insert-only input, and COUNT, SUM,
// SUM0, AVG, MIN, MAX over integer or floating-point arguments, with FILTER; `supports` says when
// it applies, and the operator falls back to boxed accumulators otherwise.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/artifact/job_plan.h"
#include "runtime/data/batch.h"
#include "runtime/data/value.h"

namespace sluice::runtime {

class AggregateBuffer {
 public:
  static bool supports(const artifact::Node& node, const std::vector<DataType>& inputTypes);
  AggregateBuffer(const artifact::Node& node, const std::vector<DataType>& inputTypes);

  // Adds the rows of `batch` whose `keep` flag is set (all when null), row r to slice
  // sliceEnds[r].
  void add(const Batch& batch, const int64_t* sliceEnds, const uint8_t* keep);
  bool empty() const { return entries_ == 0; }
  size_t size() const { return entries_; }
  int64_t minSliceEnd() const { return minSliceEnd_; }

  // Hands every entry to `visit` as the window operator stores it: the group key as
  // encodeGroupKey writes it, the slice end, and one boxed accumulator per call in the form
  // makeAggregateFunction's functions use (so they merge with stored ones); then empties the
  // buffer.
  using Visitor =
      std::function<void(std::string_view key, int64_t sliceEnd, std::vector<Value>& accumulators)>;
  void drain(const Visitor& visit);

 private:
  enum class Update : uint8_t { CountRows, CountValues, SumInteger, SumReal, Min, Max };
  enum class Boxing : uint8_t { Count, SumInteger, SumReal, AvgWide, AvgReal, ExtremeInteger, ExtremeReal };
  struct Call {
    Update update;
    Boxing boxing;
    int argument = -1;        // input column
    int filter = -1;          // input column of FILTER, -1: none
    bool real = false;        // the argument is FLOAT/DOUBLE (read as double)
    bool roundsToFloat = false;  // a FLOAT SUM rounds at every step
    int slot = 0;             // first accumulator word of the call in an entry
  };

  std::vector<int> keyColumns_;
  std::vector<PhysicalType> keyTypes_;
  std::vector<PhysicalType> inputTypes_;
  std::vector<Call> calls_;
  int keyWords_ = 0;    // key values, a null mask, the slice end
  int accWords_ = 0;    // accumulator words per entry (int64 or double bits)

  // Open addressing: slot -> entry + 1 (0: empty). Entries are appended to data_, each its key
  // words then its accumulator words.
  std::vector<uint32_t> table_;
  std::vector<int64_t> data_;
  size_t entries_ = 0;
  int64_t minSliceEnd_ = INT64_MAX;

  // per batch
  std::vector<int64_t> columnValues_;  // key column k of row r at k * rows + r
  std::vector<uint8_t> columnNulls_;
  std::vector<uint32_t> rowEntry_;
  std::vector<uint64_t> hashes_;
  std::vector<int64_t> argumentValues_;  // a call's argument column widened to 64 bits
  std::vector<int64_t> probeKey_;

  size_t stride() const { return static_cast<size_t>(keyWords_ + accWords_); }
  int64_t* keyOf(size_t entry) { return data_.data() + entry * stride(); }
  int64_t* accumulatorsOf(size_t entry) { return keyOf(entry) + keyWords_; }
  void initAccumulators(size_t entry);
  uint32_t findOrInsert(const int64_t* key, uint64_t hash);
  void grow();
  void updateCall(const Call& call, const Batch& batch, int rows, const uint8_t* keep);
};

}  // namespace sluice::runtime
