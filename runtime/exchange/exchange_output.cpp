#include "runtime/exchange/exchange_output.h"

#include <algorithm>

#include "runtime/data/row_hash.h"
#include "runtime/data/vector_copy.h"
#include "runtime/execution/task_clock.h"

namespace sluice::runtime {

ExchangeOutput::ExchangeOutput(const artifact::Node& exchange, int subtask,
                               std::vector<Target> targets, int batchSize,
                               int64_t maxLatencyMicros, std::shared_ptr<OperatorMetrics> metrics,
                               const std::atomic<bool>& cancelled)
    : exchange_(exchange),
      subtask_(subtask),
      targets_(std::move(targets)),
      buffers_(targets_.size()),
      batchSize_(batchSize),
      maxLatencyMicros_(maxLatencyMicros),
      metrics_(std::move(metrics)),
      cancelled_(cancelled),
      rowsPerTarget_(targets_.size()) {
  for (const artifact::Field& field : exchange.schema) types_.push_back(field.type);
  // Spread round robin starting points so that producers do not all hit consumer 0 first.
  nextTarget_ = targets_.empty() ? 0 : subtask % static_cast<int>(targets_.size());
}

void ExchangeOutput::write(const Batch& batch) {
  const int rows = batch.size();
  if (rows == 0) return;
  metrics_->add(metrics_->rowsIn, rows);
  if (idle_) idle(false);
  const int n = static_cast<int>(targets_.size());
  switch (exchange_.distribution) {
    case artifact::Distribution::Forward: appendAll(subtask_ % n, batch); break;
    case artifact::Distribution::Single: appendAll(0, batch); break;
    case artifact::Distribution::Rebalance:
      appendAll(nextTarget_, batch);
      nextTarget_ = (nextTarget_ + 1) % n;
      break;
    case artifact::Distribution::Broadcast:
      for (int target = 0; target < n; ++target) appendAll(target, batch);
      break;
    case artifact::Distribution::Hash: {
      hashes_.resize(rows);
      hashRows(batch, exchange_.keys, hashes_.data());
      for (auto& list : rowsPerTarget_) list.clear();
      for (int row = 0; row < rows; ++row) {
        // The high bits: the low ones also pick hash-table buckets downstream.
        rowsPerTarget_[(hashes_[row] >> 32) % static_cast<uint64_t>(n)].push_back(row);
      }
      for (int target = 0; target < n; ++target) {
        const auto& list = rowsPerTarget_[target];
        if (!list.empty()) append(target, batch, list.data(), static_cast<int>(list.size()));
      }
      break;
    }
  }
}

// Whole batches (forward, rebalance, single, broadcast) copy contiguous ranges: no row list.
void ExchangeOutput::appendAll(int target, const Batch& batch) {
  int from = 0;
  while (from < batch.size()) {
    Batch& out = bufferFor(target);
    const int take = std::min(batch.size() - from, out.capacity() - out.size());
    for (int c = 0; c < out.columnCount(); ++c) {
      copyRows(batch.column(c), from, take, out.column(c), out.size());
    }
    std::copy_n(batch.rowKinds() + from, take, out.rowKinds() + out.size());
    out.shareArenasOf(batch);
    out.setSize(out.size() + take);
    from += take;
    if (out.full()) send(target);
  }
}

Batch& ExchangeOutput::bufferFor(int target) {
  Buffer& buffer = buffers_[target];
  if (!buffer.batch) {
    buffer.batch = std::make_unique<Batch>(types_, batchSize_);
    buffer.oldestRowMicros = steadyMicros();
  }
  return *buffer.batch;
}

void ExchangeOutput::append(int target, const Batch& batch, const int32_t* rows, int count) {
  while (count > 0) {
    Batch& out = bufferFor(target);
    const int take = std::min(count, out.capacity() - out.size());
    for (int c = 0; c < out.columnCount(); ++c) {
      gatherRows(batch.column(c), rows, take, out.column(c), out.size());
    }
    for (int k = 0; k < take; ++k) out.rowKinds()[out.size() + k] = batch.rowKind(rows[k]);
    // Strings stay views into the producer's arenas, which this batch now keeps alive.
    out.shareArenasOf(batch);
    out.setSize(out.size() + take);
    rows += take;
    count -= take;
    if (out.full()) send(target);
  }
}

void ExchangeOutput::send(int target) {
  Buffer& buffer = buffers_[target];
  if (!buffer.batch || buffer.batch->size() == 0) return;
  const int rows = buffer.batch->size();
  ChannelEvent event;
  event.kind = ChannelEvent::Kind::Data;
  event.channel = targets_[target].channel;
  event.batch = std::move(buffer.batch);
  metrics_->add(metrics_->backPressuredNanos, targets_[target].gate->push(std::move(event), cancelled_));
  metrics_->add(metrics_->rowsOut, rows);
  metrics_->add(metrics_->batches, 1);
}

void ExchangeOutput::flushIfDue() {
  const int64_t now = steadyMicros();
  for (int target = 0; target < static_cast<int>(buffers_.size()); ++target) {
    const Buffer& buffer = buffers_[target];
    if (buffer.batch && buffer.batch->size() > 0 && now - buffer.oldestRowMicros >= maxLatencyMicros_) {
      send(target);
    }
  }
}

void ExchangeOutput::sendControl(ChannelEvent::Kind kind, int64_t watermark) {
  for (int target = 0; target < static_cast<int>(targets_.size()); ++target) {
    send(target);
    ChannelEvent event;
    event.kind = kind;
    event.channel = targets_[target].channel;
    event.watermark = watermark;
    targets_[target].gate->push(std::move(event), cancelled_);
  }
}

void ExchangeOutput::watermark(int64_t watermark) {
  metrics_->watermarkMicros.store(watermark, std::memory_order_relaxed);
  sendControl(ChannelEvent::Kind::Watermark, watermark);
}

void ExchangeOutput::idle(bool isIdle) {
  if (idle_ == isIdle) return;
  idle_ = isIdle;
  sendControl(isIdle ? ChannelEvent::Kind::Idle : ChannelEvent::Kind::Active);
}

void ExchangeOutput::finish() { sendControl(ChannelEvent::Kind::End); }

}  // namespace sluice::runtime
