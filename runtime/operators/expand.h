// Flink's Expand (ExpandOperator): every input row becomes one output row per projection list of
// the node, in list order, each output column an input column or a literal. GROUPING SETS plan
// it before a GroupAggregate keyed by the grouping columns and the set's id `$e`: each copy of a
// row carries the columns of one grouping set, the others NULL. Stateless; row kinds pass
// through.
#pragma once

#include <cstdint>
#include <vector>

#include "runtime/data/value.h"
#include "runtime/execution/stream_operator.h"
#include "runtime/operators/operator_factory.h"

namespace sluice::runtime {

class ExpandOperator final : public StreamOperator {
 public:
  ExpandOperator(const artifact::Node& node, const OperatorContext& context);
  void processBatch(Batch& batch, int input, Output& out) override;

 private:
  // One output column, per copy: the input column it reads, or -1 and the literal it holds.
  struct Column {
    std::vector<int> sources;
    std::vector<Value> literals;
    int shared = -1;  // the one input column every reading copy reads, gathered for all at once
  };

  int copies_;
  std::vector<Column> columns_;
  Batch output_;
  std::vector<int32_t> rows_;  // the input row of each output row, copies of a row together

  void emit(const Batch& input, Output& out);
};

}  // namespace sluice::runtime
