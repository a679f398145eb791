// The stateless operators of a pipeline: a Calc (filter + projection, interpreted or compiled)
// and a watermark assigner placed after a source's computed columns.
#pragma once

#include <memory>

#include "runtime/execution/calc_operator.h"
#include "runtime/execution/stream_operator.h"
#include "runtime/execution/watermark_generator.h"

namespace sluice::runtime {

class CalcStreamOperator final : public StreamOperator {
 public:
  CalcStreamOperator(std::unique_ptr<CalcOperator> calc, const std::vector<DataType>& outputTypes,
                     int batchSize);
  void processBatch(Batch& batch, int input, Output& out) override;

 private:
  std::unique_ptr<CalcOperator> calc_;
  Batch output_;
};

// Flink's watermark assigner: its own watermark replaces the ones from upstream, and follows the
// rows it was computed from. At the end of the input the end-of-time watermark passes through.
class WatermarkAssignerOperator final : public StreamOperator {
 public:
  explicit WatermarkAssignerOperator(std::unique_ptr<WatermarkGenerator> generator);
  void processBatch(Batch& batch, int input, Output& out) override;
  void processWatermark(int64_t watermark, Output& out) override;

 private:
  std::unique_ptr<WatermarkGenerator> generator_;
};

}  // namespace sluice::runtime
