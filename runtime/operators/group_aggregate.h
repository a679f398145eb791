// GROUP BY over a stream (Flink's GroupAggFunction): per group key, a row count and one
// accumulator per aggregate call, kept in keyed state. For every input row it emits what
// changed: +I for a new group, -U/+U when the group's result changes (nothing when it does
// not), -D when the group's last row is retracted. Rows of one key always reach the same
// instance through the hash exchange in front of it.
//
// With table.exec.mini-batch.enabled (Flink's MiniBatchGroupAggFunction) rows are buffered per
// key instead, and each flush reads a key's state once, applies all its rows and emits ONE
// change for the mini-batch (group_aggregate_mini_batch.cpp).
//
// Split in two phases (artifact::AggregatePhase, group_aggregate_two_phase.cpp), the Local one
// keeps no state: each mini-batch flush emits a key's partial accumulators instead of touching
// state, and the Global one merges each partial into state and emits the change.
//
// State layout (Flink's GroupAggFunction with MapViews): ValueState "groups" holds a key's row
// count and accumulators. DISTINCT values (one map per argument, shared by every DISTINCT call
// over it whatever its FILTER), the values of MIN / MAX over updating input and the list of
// LISTAGG over updating input live in map states of their own (group_aggregate_views.h), so a
// row costs O(log n) state operations whatever the group holds. When every call is COUNT /
// SUM / SUM0 / AVG (or MIN / MAX on insert-only input) over fixed-width numbers, "groups" holds a
// fixed-width record of words instead of boxed accumulators (group_aggregate_record.h), updated
// and emitted without boxing. The Local phase keeps the boxed accumulators: they are its output.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "compiler/artifact/job_plan.h"
#include "runtime/execution/stream_operator.h"
#include "runtime/operators/aggregate_buffer.h"
#include "runtime/operators/aggregate_functions.h"
#include "runtime/operators/group_aggregate_record.h"
#include "runtime/operators/group_aggregate_views.h"
#include "runtime/operators/operator_factory.h"
#include "runtime/state/key_encoding.h"
#include "runtime/state/keyed_state_backend.h"

namespace sluice::runtime {

class GroupAggregateOperator final : public StreamOperator {
 public:
  GroupAggregateOperator(const artifact::Node& node, const OperatorContext& context,
                         std::unique_ptr<KeyedStateBackend> state);
  void processBatch(Batch& batch, int input, Output& out) override;
  void processWatermark(int64_t watermark, Output& out) override;
  void finish(Output& out) override;
  int64_t nextProcessingTime() const override;
  void onProcessingTime(int64_t nowMicros, Output& out) override;
  StateSize stateSize() const override;

 private:
  // One group while its rows are applied: what state held, and what it holds after.
  struct Group {
    bool existed = false;
    int64_t rowCount = 0;
    std::vector<Value> accumulators;
    std::vector<Value> before;  // the results state held (when it existed)
  };
  // A key's rows buffered in a mini-batch: per row its kind, its arguments (argumentCalls_) and
  // per call whether the call takes the row (FILTER).
  struct BufferedKey {
    std::string key;
    std::vector<Value> keyValues;
    std::vector<uint8_t> accumulates;
    std::vector<Value> arguments;
    std::vector<uint8_t> applies;
  };

  const artifact::Node& node_;
  std::vector<DataType> inputTypes_;
  std::vector<std::unique_ptr<AggregateFunction>> functions_;
  std::unique_ptr<KeyedStateBackend> state_;
  ValueState* groups_ = nullptr;    // per key: row count and accumulators
  std::vector<KeyedState*> views_;  // the calls' map states, cleared with their group
  // The DISTINCT calls' values, one map per argument (group_aggregate_views.h); sharesDistinct_
  // marks the calls they update (functions_ holds those calls' plain functions).
  std::vector<std::unique_ptr<DistinctValues>> distincts_;
  std::vector<uint8_t> sharesDistinct_;
  Batch output_;
  std::string encoded_;
  // The typed record, when the calls allow it (group_aggregate_record.h): one record's words, and
  // the group's results before and after a row.
  std::unique_ptr<GroupAggregateRecord> record_;
  std::vector<int64_t> recordWords_;
  std::vector<TypedResult> before_;
  std::vector<TypedResult> after_;
  std::vector<int> keyCopyWidths_;  // per key column: bytes copied to the output, -1: a string,
                                    // 0: through a Value
  // per row
  KeyEncoder keyEncoder_;
  Group group_;
  std::vector<Value> afterValues_;
  std::string key_;
  std::vector<Value> keyValues_;
  std::vector<Value> arguments_;    // per argument list (argumentCalls_), read once for its calls
  std::vector<uint8_t> applies_;    // per call: its FILTER holds
  std::vector<int> argumentCalls_;  // per argument list: the first call reading it
  std::vector<int> argumentOf_;     // per call: its argument list, -1 for none (COUNT(*))
  std::vector<Value> partials_;     // a Global phase's row: one partial accumulator per call

  // Mini-batch: the typed combiner when the calls allow it (its last call a hidden COUNT(*), the
  // group's row count), else the rows of each key in arrival order.
  MiniBatchOptions miniBatch_;
  std::unique_ptr<AggregateBuffer> typedBuffer_;
  std::vector<BufferedKey> bufferedKeys_;
  std::unordered_map<std::string, size_t> bufferedIndex_;
  int64_t bufferedRows_ = 0;
  int64_t bufferStartedMicros_ = 0;
  std::vector<int64_t> zeroSlices_;
  std::vector<uint8_t> keep_;

  void readRow(const Batch& batch, int row);
  void processRow(const Batch& batch, int row, Output& out);
  bool load(Group& group);
  void apply(Group& group, bool accumulates, const Value* arguments, const uint8_t* applies);
  // Merges a partial accumulator per call (a Local phase's, a mini-batch combiner's).
  void mergeInto(Group& group, const std::vector<Value>& partials);
  // Packs the group's accumulators (AggregateFunction::pack), as every path that leaves a group
  // must before its accumulators are encoded or dropped.
  void store(Group& group, const std::vector<Value>& keyValues, Output& out);
  void pack(std::vector<Value>& accumulators) const;
  void results(const std::vector<Value>& accumulators, std::vector<Value>& values) const;
  void clearViews();
  void emit(RowKind kind, const std::vector<Value>& keyValues, const std::vector<Value>& results,
            Output& out);
  void emitOutput(Output& out);

  // The typed record: every row of a batch; a group's change once its record is updated (keys
  // from row `keyRow` of `keyBatch`, or keyValues_ when it is null).
  void processTypedRows(const Batch& batch, Output& out);
  void loadRecord(std::string_view stored);
  void storeTyped(bool existed, const Batch* keyBatch, int keyRow, Output& out);
  void emitTyped(RowKind kind, const TypedResult* results, const Batch* keyBatch, int keyRow,
                 Output& out);

  // group_aggregate_mini_batch.cpp
  void bufferBatch(const Batch& batch, Output& out);
  void bufferRows(const Batch& batch, int begin, int end);
  void flush(Output& out);
  void flushTyped(Output& out);
  void flushBoxed(Output& out);

  // group_aggregate_two_phase.cpp
  static std::vector<DataType> argumentTypes(const artifact::Node& node,
                                             const OperatorContext& context);
  void emitPartial(const std::vector<Value>& keyValues, std::vector<Value>& accumulators,
                   int64_t rowCount, Output& out);
  void mergePartials(const Batch& batch, Output& out);
};

}  // namespace sluice::runtime
