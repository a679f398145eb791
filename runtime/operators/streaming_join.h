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
#include "runtime/state/key_encoding.h"

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
    bool outer = false;     // its rows are kept when nothing joins them (padded with NULLs)
    int firstColumn = 0;    // where its columns start in joined_ and in the output
  };
  // One side of an output row: row `row` of `batch`, from its column `firstColumn`; no batch
  // means NULLs.
  struct RowSource {
    const Batch* batch = nullptr;
    int row = 0;
    int firstColumn = 0;
  };

  const artifact::Node& node_;
  std::unique_ptr<KeyedStateBackend> state_;
  Side left_;
  Side right_;
  bool semiOrAnti_ = false;
  JoinCondition condition_;
  Batch output_;
  // The row being processed: row inputRow_ of the batch input_.
  const Batch* input_ = nullptr;
  int inputRow_ = 0;
  KeyEncoder key_;
  // The other side's rows under the current key, as stored (candidates_, their bytes in
  // candidateBytes_) and decoded into joined_: row i is the input row next to candidate i, left
  // columns then right ones, which the condition reads and pairs are emitted from. Their long
  // strings go to candidateStrings_, which the output keeps alive while it refers to them.
  std::vector<StoredJoinRow> candidates_;
  std::string candidateBytes_;
  std::shared_ptr<Arena> candidateStrings_;
  Batch joined_;
  std::vector<uint8_t> joins_;
  std::vector<int32_t> associated_;  // the candidates that join the input row
  // scratch
  std::vector<int32_t> repeatedRow_;
  std::vector<int32_t> selection_;

  Side& sideOf(bool left) { return left ? left_ : right_; }
  // Sets the current key to the input row's join key; false when a key column is NULL (it
  // joins nothing, as `=` says).
  bool selectKey(const Side& side);
  // The other side's rows that the input row joins, into associated_.
  void associate(bool inputIsLeft, bool keyed);
  void decodeCandidates(bool inputIsLeft);
  void processRow(RowKind kind, bool inputIsLeft, bool keyed, Output& out);
  void processSemiAntiRow(RowKind kind, bool inputIsLeft, bool keyed, Output& out);
  RowSource inputRow() const { return {input_, inputRow_, 0}; }
  RowSource candidate(int index, bool isLeft) const {
    return {&joined_, index, isLeft ? left_.firstColumn : right_.firstColumn};
  }
  // One output row from a left and a right source.
  void emit(RowKind kind, RowSource left, RowSource right, Output& out);
  // `row` padded with NULLs on the other side.
  void emitPadded(RowKind kind, bool rowIsLeft, RowSource row, Output& out);
  // Rows of joined_ (the input row with a candidate), in order.
  void emitJoined(RowKind kind, const std::vector<int32_t>& rows, Output& out);
  // Emits what the output holds and keeps the strings the next rows refer to alive.
  void flush(Output& out);
  void renewCandidateStrings();
};

}  // namespace sluice::runtime
