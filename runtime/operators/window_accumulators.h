// What the window operators share: a row's group key as decodable bytes, and the aggregate
// calls of a node over one vector of boxed accumulators (one per call), kept in keyed state as
// bytes between rows. Updates and merges may leave accumulators in their working form
// (AggregateFunction::pack): `encode` packs them, and `pack` frees those dropped unencoded.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/artifact/job_plan.h"
#include "runtime/data/batch.h"
#include "runtime/operators/aggregate_functions.h"

namespace sluice::runtime {

// The key columns of a row, each as value_codec writes it: equal keys give equal bytes (and
// -0.0 and 0.0 differ, as Flink's binary rows do), and the values can be read back to emit.
void encodeGroupKey(const Batch& batch, int row, const std::vector<int>& keys, std::string& out);
std::vector<Value> decodeGroupKey(std::string_view bytes);

class WindowAccumulators {
 public:
  // `retracts`: the input may carry -U/-D rows (legacy group windows over updating input).
  // `configuration`: the job's SET options, for native functions' `open` (null: none).
  WindowAccumulators(const artifact::Node& node, const std::vector<DataType>& inputTypes,
                     bool retracts,
                     const std::map<std::string, std::string>* configuration = nullptr);

  std::vector<Value> create() const;
  // Adds (or, for -U/-D rows, retracts) one input row; FILTER columns are honoured.
  void accumulate(std::vector<Value>& accumulators, const Batch& batch, int row) const;
  void merge(std::vector<Value>& accumulators, const std::vector<Value>& other) const;
  void results(const std::vector<Value>& accumulators, std::vector<Value>& out) const;

  void pack(std::vector<Value>& accumulators) const;
  // Packs, then writes the accumulators as state keeps them.
  void encode(std::vector<Value>& accumulators, std::string& out) const;
  std::vector<Value> decode(std::string_view bytes) const;

 private:
  const artifact::Node& node_;
  std::vector<std::unique_ptr<AggregateFunction>> functions_;
};

// Appends one output row of a window aggregate: key values, aggregate results, then the
// node's window properties for [start, end). Flushes `output` to `out` first when full.
class WindowRowWriter {
 public:
  WindowRowWriter(const artifact::Node& node, int batchSize);
  void write(const std::vector<Value>& key, const std::vector<Value>& results, int64_t start,
             int64_t end, class Output& out);
  void flush(class Output& out);

 private:
  const artifact::Node& node_;
  Batch output_;
};

}  // namespace sluice::runtime
