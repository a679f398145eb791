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
// it applies, and the operator falls back to boxed accumulators otherwise. Under the JIT the
// hashing, probing and updates run as one generated loop (aggregate_update_code.h).
#pragma once

#include <cstdint>
#include <functional>
#include <future>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/artifact/job_plan.h"
#include "runtime/data/batch.h"
#include "runtime/data/value.h"
#include "runtime/operators/aggregate_update_code.h"
#include "runtime/operators/native_code_options.h"

namespace sluice::runtime {

class AggregateBuffer {
 public:
  static bool supports(const artifact::Node& node, const std::vector<DataType>& inputTypes);
  // With `native.compiler` and a compiled or adaptive mode, the update loop is generated as
  // native code (aggregate_update_code.h): waited for when compiled, switched to once ready when
  // adaptive. Until then, and when the code generator declines, the C++ loops run.
  AggregateBuffer(const artifact::Node& node, const std::vector<DataType>& inputTypes,
                  const NativeCodeOptions& native = {});

  // Adds the rows of `batch` whose `keep` flag is set (all when null), row r to slice
  // sliceEnds[r].
  void add(const Batch& batch, const int64_t* sliceEnds, const uint8_t* keep);
  bool empty() const { return entries_ == 0; }
  size_t size() const { return entries_; }
  int64_t minSliceEnd() const { return minSliceEnd_; }
  // Whether rows now go through generated code.
  bool native() const { return nativeCode_ != nullptr; }
  const AggregateUpdateLayout& layout() const { return layout_; }

  // Hands every entry to `visit` as the window operator stores it: the group key as
  // encodeGroupKey writes it, the slice end, and one boxed accumulator per call in the form
  // makeAggregateFunction's functions use (so they merge with stored ones); then empties the
  // buffer.
  using Visitor =
      std::function<void(std::string_view key, int64_t sliceEnd, std::vector<Value>& accumulators)>;
  void drain(const Visitor& visit);

 private:
  enum class Boxing : uint8_t { Count, SumInteger, SumReal, AvgWide, AvgReal, ExtremeInteger, ExtremeReal };
  using Call = AggregateUpdateLayout::Call;

  AggregateUpdateLayout layout_;
  std::vector<Boxing> boxing_;  // per call: how drain boxes its accumulator
  std::vector<PhysicalType> keyTypes_;

  // Open addressing: slot -> entry + 1 (0: empty). Entries are appended to data_, each its key
  // words then its accumulator words.
  std::vector<uint32_t> table_;
  std::vector<int64_t> data_;
  size_t entries_ = 0;
  int64_t minSliceEnd_ = INT64_MAX;

  // Generated code, once ready; `pendingCode_` while it compiles (adaptive mode).
  std::shared_ptr<const CompiledAggregateUpdate> nativeCode_;
  std::shared_future<std::shared_ptr<const CompiledAggregateUpdate>> pendingCode_;

  // per batch
  std::vector<int64_t> columnValues_;  // key column k of row r at k * rows + r
  std::vector<uint32_t> rowEntry_;
  std::vector<uint64_t> hashes_;
  std::vector<int64_t> argumentValues_;  // a call's argument column widened to 64 bits
  std::vector<int64_t> probeKey_;
  std::vector<ColumnAbi> columnsAbi_;
  std::vector<uint8_t> keepAll_;
  AggregateTableAbi* tableView_ = nullptr;  // native code's view of the table, during addNative

  size_t keyCount() const { return layout_.keyColumns.size(); }
  size_t stride() const { return static_cast<size_t>(layout_.stride()); }
  int64_t* keyOf(size_t entry) { return data_.data() + entry * stride(); }
  int64_t* accumulatorsOf(size_t entry) { return keyOf(entry) + layout_.keyWords; }
  void initAccumulators(size_t entry);
  uint32_t findOrInsert(const int64_t* key, uint64_t hash);
  uint32_t insertAt(size_t slot, const int64_t* key);
  void grow();
  void addInterpreted(const Batch& batch, const int64_t* sliceEnds, const uint8_t* keep);
  void addNative(const Batch& batch, const int64_t* sliceEnds, const uint8_t* keep);
  void updateCall(const Call& call, const Batch& batch, int rows, const uint8_t* keep);
  // The `insert` of AggregateTableAbi.
  static uint32_t insertFromNative(void* buffer, const int64_t* key, uint64_t slot);
  void requestNativeCode(const NativeCodeOptions& native);
  void pollNativeCode();
};

}  // namespace sluice::runtime
