// Flink's ReplicateRows table function, which INTERSECT ALL and EXCEPT ALL end in: each input row
// comes out as many times as its last column (a BIGINT count) says, without that column. The
// copies keep the row's kind, so a group whose count drops from 3 to 2 retracts its three copies
// (-U) and inserts two (+U), as Flink's Correlate over the aggregate emits them. Stateless.
#pragma once

#include <cstdint>
#include <vector>

#include "runtime/execution/stream_operator.h"
#include "runtime/operators/operator_factory.h"

namespace sluice::runtime {

class ReplicateRowsOperator final : public StreamOperator {
 public:
  ReplicateRowsOperator(const artifact::Node& node, const OperatorContext& context);
  void processBatch(Batch& batch, int input, Output& out) override;

 private:
  int countColumn_;
  Batch output_;
  std::vector<int32_t> rows_;  // the input row of each output row, the copies of a row together

  void emit(const Batch& input, Output& out);
};

}  // namespace sluice::runtime
