// The TUMBLE / HOP / CUMULATE table functions on their own (Flink's WindowTableFunctionOperator):
// each row is copied once per window it falls in, with window_start, window_end and
// window_time appended. Used when the windowed rows feed something other than a window
// aggregate (a window TopN, deduplication or join, or the client); a window aggregate reads
// the time column itself and shares slices instead. Rows without a rowtime are dropped and
// counted, as in Flink.
#pragma once

#include <vector>

#include "runtime/execution/stream_operator.h"
#include "runtime/operators/operator_factory.h"
#include "runtime/operators/window_slices.h"

namespace sluice::runtime {

class WindowTableFunctionOperator final : public StreamOperator {
 public:
  WindowTableFunctionOperator(const artifact::Node& node, const OperatorContext& context);
  void processBatch(Batch& batch, int input, Output& out) override;
  int64_t droppedRows() const override { return dropped_; }

 private:
  struct Window {
    int64_t start;
    int64_t end;
  };

  const artifact::Node& node_;
  WindowSlices aligner_;
  int inputWidth_;
  Batch output_;
  std::vector<int32_t> rows_;      // the input row of each output row
  std::vector<Window> windows_;    // and its window
  int64_t dropped_ = 0;

  void assign(int64_t timestamp, std::vector<Window>& windows) const;
  void emit(const Batch& input, Output& out);
};

}  // namespace sluice::runtime
