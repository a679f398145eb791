// Regular joins: both inputs kept in keyed state by their join key (Flink's StreamingJoinOperator
// for INNER, LEFT, RIGHT and FULL OUTER, StreamingSemiAntiJoinOperator for SEMI and ANTI). A row
// of either input is matched against the other side's rows under its key, through the residual
// condition; rows and retractions come from both sides in any order, and the output changelog is
// Flink's: an outer side's row joined by nothing appears padded with NULLs, and the padded row is
// deleted (-D) when its first match arrives and inserted again (+I) when its last match goes.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "runtime/execution/stream_operator.h"
#include "runtime/operators/join_condition.h"
#include "runtime/operators/join_record_state.h"
#include "runtime/operators/operator_factory.h"

namespace sluice::runtime {

class StreamingJoinOperator final : public StreamOperator {
 public:
  StreamingJoinOperator(const artifact::Node& node, const OperatorContext& context,
                        std::unique_ptr<KeyedStateBackend> state);
  void processBatch(Batch& batch, int input, Output& out) override;
  StateSize stateSize() const override;

 private:
  struct Side {
    std::vector<int> keys;
    std::vector<DataType> types;
    std::unique_ptr<JoinRecordState> records;
    bool outer = false;  // its rows are kept when nothing joins them (padded with NULLs)
  };

  const artifact::Node& node_;
  std::unique_ptr<KeyedStateBackend> state_;
  Side left_;
  Side right_;
  bool semiOrAnti_ = false;
  JoinCondition condition_;
  Batch output_;
  // scratch
  std::vector<Value> row_;
  std::vector<JoinRecord> candidates_;
  std::vector<uint8_t> joins_;
  std::vector<JoinRecord> associated_;

  // Sets the current key to row_'s join key; false when a key column is NULL (it joins
  // nothing, as `=` says).
  bool selectKey(const Side& side);
  // The other side's rows that `row_` joins, into associated_.
  void associate(bool inputIsLeft, bool keyed);
  void processRow(RowKind kind, bool inputIsLeft, bool keyed, Output& out);
  void processSemiAntiRow(RowKind kind, bool inputIsLeft, bool keyed, Output& out);
  // One output row: the left row and the right row, either missing (NULLs).
  void emit(RowKind kind, const std::vector<Value>* left, const std::vector<Value>* right,
            Output& out);
  // `row_` joined with `other`, the input on its own side.
  void emitPair(RowKind kind, bool inputIsLeft, const std::vector<Value>& other, Output& out);
  void emitPadded(RowKind kind, bool rowIsLeft, const std::vector<Value>& row, Output& out);
  void flush(Output& out);
};

}  // namespace sluice::runtime
