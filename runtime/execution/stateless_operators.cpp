#include "runtime/execution/stateless_operators.h"

namespace sluice::runtime {

CalcStreamOperator::CalcStreamOperator(std::unique_ptr<CalcOperator> calc,
                                       const std::vector<DataType>& outputTypes, int batchSize)
    : calc_(std::move(calc)), output_(outputTypes, batchSize) {}

void CalcStreamOperator::processBatch(Batch& batch, int /*input*/, Output& out) {
  output_.clear();
  calc_->process(batch, output_);
  if (output_.size() > 0) out.emit(output_);
}

WatermarkAssignerOperator::WatermarkAssignerOperator(std::unique_ptr<WatermarkGenerator> generator)
    : generator_(std::move(generator)) {}

void WatermarkAssignerOperator::processBatch(Batch& batch, int /*input*/, Output& out) {
  const bool advanced = generator_->observe(batch);
  out.emit(batch);
  if (advanced) out.emitWatermark(generator_->current());
}

void WatermarkAssignerOperator::processWatermark(int64_t watermark, Output& out) {
  if (watermark == WatermarkGenerator::kEndOfTime) out.emitWatermark(watermark);
}

}  // namespace sluice::runtime
