// GROUP BY over a stream (Flink's GroupAggFunction): per group key, a row count and one
// accumulator per aggregate call, kept in keyed state. For every input row it emits what
// changed: +I for a new group, -U/+U when the group's result changes (nothing when it does
// not), -D when the group's last row is retracted. Rows of one key always reach the same
// instance through the hash exchange in front of it.
#pragma once

#include <memory>
#include <vector>

#include "compiler/artifact/job_plan.h"
#include "runtime/execution/stream_operator.h"
#include "runtime/operators/aggregate_functions.h"
#include "runtime/state/keyed_state_backend.h"

namespace sluice::runtime {

class GroupAggregateOperator final : public StreamOperator {
 public:
  GroupAggregateOperator(const artifact::Node& node, const std::vector<DataType>& inputTypes,
                         std::unique_ptr<KeyedStateBackend> state, int batchSize);
  void processBatch(Batch& batch, int input, Output& out) override;
  StateSize stateSize() const override;

 private:
  const artifact::Node& node_;
  std::vector<DataType> inputTypes_;
  std::vector<std::unique_ptr<AggregateFunction>> functions_;
  std::unique_ptr<KeyedStateBackend> state_;
  ValueState* groups_ = nullptr;  // per key: row count and accumulators
  Batch output_;
  std::string key_;
  std::string encoded_;

  void processRow(const Batch& batch, int row, Output& out);
  std::vector<Value> results(const std::vector<Value>& accumulators) const;
  void emit(RowKind kind, const Batch& input, int row, const std::vector<Value>& results,
            Output& out);
};

}  // namespace sluice::runtime
