// OVER aggregation (Flink's over/*PrecedingFunction): every input row leaves with the values of
// the node's aggregate calls over its frame appended, as an insert. There is one operator per
// time domain and frame kind (over_event_time.cpp, over_event_time_bounded.cpp,
// over_processing_time.cpp), and one for updating input that revises what it sent
// (over_updating_input.cpp); this base holds what they share: the partition key, rows and
// accumulators as state bytes, and the output batch. Rows of one partition always reach the
// same instance through the hash exchange in front of it.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/data/row_kind.h"
#include "runtime/execution/stream_operator.h"
#include "runtime/operators/aggregate_functions.h"
#include "runtime/operators/operator_factory.h"
#include "runtime/state/keyed_state_backend.h"
#include "runtime/state/timer_service.h"

namespace sluice::runtime {

class OverAggregateOperator : public StreamOperator {
 public:
  // `retracts`: the frame is bounded, so rows leave it again (MIN/MAX keep their values).
  OverAggregateOperator(const artifact::Node& node, const OperatorContext& context,
                        std::unique_ptr<KeyedStateBackend> state, bool retracts);
  void processBatch(Batch& batch, int input, Output& out) final;
  StateSize stateSize() const final;
  int64_t droppedRows() const final { return dropped_; }

 protected:
  using Row = std::vector<Value>;
  using Accumulators = std::vector<Value>;

  // One input row, with its partition key current in the backend. Its kind (rowKind()) is an
  // insert unless the node's input updates (node.inputUpdates).
  virtual void processRow(const Row& row, Output& out) = 0;
  RowKind rowKind() const { return kind_; }

  // The row's event time; NULL drops it (counted), as it belongs to no frame.
  std::optional<int64_t> eventTimeOf(const Row& row);

  Accumulators load(ValueState& state) const;  // fresh accumulators when there are none
  // Packs the accumulators (AggregateFunction::pack): read results before.
  void store(ValueState& state, Accumulators& accumulators);
  void accumulate(Accumulators& accumulators, const Row& row) const;
  void retract(Accumulators& accumulators, const Row& row) const;
  Row results(const Accumulators& accumulators) const;
  Accumulators fresh() const;
  void discard(Accumulators& accumulators) const;  // packs what is dropped without storing

  // Appends the row with `results`; hands the batch on when it is full.
  void emit(const Row& row, const Row& results, Output& out, RowKind kind = RowKind::Insert);
  void flush(Output& out);

  // Rows and small numbers as state bytes; user keys of the sorted row buffers.
  static std::string encodeRow(const Row& row);
  static Row decodeRow(std::string_view bytes);
  static std::optional<int64_t> loadInt64(ValueState& state);
  static void storeInt64(ValueState& state, int64_t value);
  // (time, sequence) in byte order; rowsAt(t) is a key before every (t, sequence) and after
  // every (t - 1, sequence), so [rowsAt(a), rowsAt(b)) holds the rows of times a .. b - 1.
  static std::string rowKey(int64_t time, int64_t sequence);
  static std::string rowsAt(int64_t time);

  // A row of a sorted row buffer, copied out of the state.
  struct BufferedRow {
    int64_t time = 0;
    std::string key;
    Row row;
  };
  // The rows of `rows` with keys in [from, to) (no `to`: to the end), in key order.
  static std::vector<BufferedRow> bufferedRows(SortedMapState& rows, std::string_view from,
                                               std::optional<std::string_view> to);

  const artifact::Node& node_;
  std::unique_ptr<KeyedStateBackend> state_;
  int64_t dropped_ = 0;
  // Tells rows of one timestamp apart in arrival order (user keys are (time, sequence)).
  int64_t sequence_ = 0;

 private:
  void update(Accumulators& accumulators, const Row& row, bool adds) const;

  int timeColumn_;
  RowKind kind_ = RowKind::Insert;
  std::vector<std::unique_ptr<AggregateFunction>> functions_;
  Batch output_;
  std::string key_;
  std::string bytes_;
};

// One per time domain and frame kind.
std::unique_ptr<StreamOperator> makeEventTimeUnboundedOver(
    const artifact::Node& node, const OperatorContext& context,
    std::unique_ptr<KeyedStateBackend> state);
std::unique_ptr<StreamOperator> makeEventTimeRangeOver(const artifact::Node& node,
                                                       const OperatorContext& context,
                                                       std::unique_ptr<KeyedStateBackend> state);
std::unique_ptr<StreamOperator> makeEventTimeRowsOver(const artifact::Node& node,
                                                      const OperatorContext& context,
                                                      std::unique_ptr<KeyedStateBackend> state);
std::unique_ptr<StreamOperator> makeProcessingTimeOver(const artifact::Node& node,
                                                       const OperatorContext& context,
                                                       std::unique_ptr<KeyedStateBackend> state);
std::unique_ptr<StreamOperator> makeUpdatingInputOver(const artifact::Node& node,
                                                      const OperatorContext& context,
                                                      std::unique_ptr<KeyedStateBackend> state);

}  // namespace sluice::runtime
