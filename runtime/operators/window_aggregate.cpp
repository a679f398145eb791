#include "runtime/operators/window_aggregate.h"
#include "runtime/operators/operator_support.h"

#include "runtime/execution/task_clock.h"
#include "runtime/operators/session_window_aggregate.h"
#include "runtime/state/key_encoding.h"

namespace sluice::runtime {
namespace {

// Rows combined in memory before they are merged into state: bounds the buffer between
// watermarks on a stream with many keys.
constexpr size_t kMaxBufferedPartials = 100'000;

std::string sliceKey(int64_t sliceEnd) {
  KeyEncoder encoder;
  encoder.appendInt64(sliceEnd);
  return encoder.take();
}

int64_t decodeSliceKey(std::string_view key) {
  KeyDecoder decoder(key);
  return decoder.readInt64();
}

}  // namespace

WindowAggregateOperator::WindowAggregateOperator(const artifact::Node& node,
                                                 const OperatorContext& context,
                                                 std::unique_ptr<KeyedStateBackend> state)
    : node_(node),
      slices_(node.window, context.timeZone),
      accumulators_(node, context.inputTypes, node.inputUpdates, jobConfiguration(context.plan)),
      state_(std::move(state)),
      writer_(node, context.batchSize) {
  sliceState_ = &state_->sortedMapState("slices");
  if (AggregateBuffer::supports(node, context.inputTypes)) {
    typedBuffer_ =
        std::make_unique<AggregateBuffer>(node, context.inputTypes, context.nativeCode);
  }
}

void WindowAggregateOperator::processBatch(Batch& batch, int /*input*/, Output& /*out*/) {
  const bool eventTime = node_.window.eventTime;
  const Vector* time = eventTime ? &batch.column(node_.window.timeColumn) : nullptr;
  const int64_t now = eventTime ? 0 : wallClockMicros();
  const auto rows = static_cast<size_t>(batch.size());
  rowSlices_.resize(rows);
  rowKept_.assign(rows, 1);
  // Rows of a batch mostly share a slice: its bounds (as instants) are reused until a row falls
  // outside.
  int64_t sliceStart = INT64_MAX;
  int64_t sliceEndInstant = INT64_MIN;
  int64_t sliceEnd = 0;     // on the window's clock
  bool sliceLate = false;  // every window of the slice has fired
  for (size_t row = 0; row < rows; ++row) {
    int64_t timestamp = now;
    if (eventTime) {
      if (time->isNull(static_cast<int>(row))) {
        rowKept_[row] = 0;  // Flink drops rows without a rowtime too
        ++dropped_;
        continue;
      }
      timestamp = time->values<int64_t>()[row];
    }
    if (timestamp < sliceStart || timestamp >= sliceEndInstant) {
      sliceEnd = slices_.sliceEnd(timestamp);
      sliceStart = slices_.fromClock(sliceEnd - slices_.sliceSize());
      sliceEndInstant = slices_.fromClock(sliceEnd);
      sliceLate = eventTime && fireTime(slices_.lastWindowEnd(sliceEnd)) <= watermark_;
    }
    rowSlices_[row] = sliceEnd;
    if (sliceLate) {
      rowKept_[row] = 0;
      ++dropped_;
    }
  }
  if (typedBuffer_) {
    typedBuffer_->add(batch, rowSlices_.data(), rowKept_.data());
  } else {
    for (size_t row = 0; row < rows; ++row) {
      if (!rowKept_[row]) continue;
      const int r = static_cast<int>(row);
      encodeGroupKey(batch, r, node_.keys, key_);
      const size_t keyBytes = key_.size();
      key_.append(sliceKey(rowSlices_[row]));  // 8 bytes: no allocation (short string)
      auto [it, inserted] = buffer_.try_emplace(key_);
      if (inserted) {
        it->second.key = key_.substr(0, keyBytes);
        it->second.sliceEnd = rowSlices_[row];
        it->second.accumulators = accumulators_.create();
        bufferedMinSliceEnd_ = std::min(bufferedMinSliceEnd_, rowSlices_[row]);
      }
      accumulators_.accumulate(it->second.accumulators, batch, r);
    }
  }
  if (buffered() >= kMaxBufferedPartials) flushBuffer();
}

size_t WindowAggregateOperator::buffered() const {
  return typedBuffer_ ? typedBuffer_->size() : buffer_.size();
}

void WindowAggregateOperator::flushIfFiring(int64_t time) {
  const int64_t minSliceEnd = typedBuffer_ ? typedBuffer_->minSliceEnd() : bufferedMinSliceEnd_;
  // A slice's first window ends with it.
  if (buffered() > 0 && fireTime(minSliceEnd) <= time) flushBuffer();
}

void WindowAggregateOperator::flushBuffer() {
  if (typedBuffer_) {
    typedBuffer_->drain([&](std::string_view key, int64_t sliceEnd, std::vector<Value>& partial) {
      mergeIntoState(key, sliceEnd, partial);
    });
    return;
  }
  for (auto& [bufferKey, partial] : buffer_) {
    mergeIntoState(partial.key, partial.sliceEnd, partial.accumulators);
  }
  buffer_.clear();
  bufferedMinSliceEnd_ = INT64_MAX;
}

// Merges a partial into its slice in state, and makes sure a timer waits for every window a new
// slice belongs to.
void WindowAggregateOperator::mergeIntoState(std::string_view key, int64_t sliceEnd,
                                             std::vector<Value>& partial) {
  state_->setCurrentKey(key);
  const std::string slice = sliceKey(sliceEnd);
  if (auto stored = sliceState_->get(slice)) {
    std::vector<Value> merged = accumulators_.decode(*stored);
    accumulators_.merge(merged, partial);
    accumulators_.pack(partial);  // the buffer drops it
    accumulators_.encode(merged, encoded_);
  } else {
    accumulators_.encode(partial, encoded_);
    TimerService& timers = state_->timers();
    slices_.windowEnds(sliceEnd, ends_);
    for (int64_t end : ends_) {
      const int64_t fireAt = fireTime(end);
      // On a local clock two window ends can name one instant (a daylight-saving gap): the
      // timer's namespace keeps the end itself, as Flink's window timers do.
      const std::string ns = slices_.local() ? sliceKey(end) : std::string();
      if (node_.window.eventTime) {
        // A HOP or CUMULATE window that fired before this slice's late rows came stays fired.
        if (fireAt > watermark_) timers.registerEventTimeTimer(fireAt, ns);
      } else {
        timers.registerProcessingTimeTimer(fireAt, ns);
      }
    }
  }
  sliceState_->put(slice, encoded_);
}

int64_t WindowAggregateOperator::fireTime(int64_t windowEnd) const {
  return slices_.fromClock(windowEnd) - kWindowTimePrecisionMicros;
}

void WindowAggregateOperator::fire(const Timer& timer, Output& out) {
  const int64_t windowEnd = timer.ns.empty() ? timer.timestamp + kWindowTimePrecisionMicros
                                             : decodeSliceKey(timer.ns);
  std::vector<int64_t>& sliceEnds = windowSlices_;
  slices_.slicesOf(windowEnd, sliceEnds);
  std::optional<std::vector<Value>> merged;
  for (int64_t sliceEnd : sliceEnds) {
    auto stored = sliceState_->get(sliceKey(sliceEnd));
    if (!stored) continue;
    if (!merged) {
      merged = accumulators_.decode(*stored);
    } else {
      accumulators_.merge(*merged, accumulators_.decode(*stored));
    }
  }
  if (merged) {
    accumulators_.results(*merged, results_);
    accumulators_.pack(*merged);  // dropped: the slices stay in state as they are
    writer_.write(decodeGroupKey(timer.key), results_,
                  slices_.fromClock(slices_.windowStart(windowEnd)), slices_.fromClock(windowEnd),
                  out);
  }
  const int64_t expired = slices_.expiredThrough(windowEnd);
  if (expired != INT64_MIN) {
    if (expired == INT64_MAX) {
      sliceState_->clear();
    } else {
      sliceState_->removeBefore(sliceKey(expired + 1));
    }
  }
}

void WindowAggregateOperator::processWatermark(int64_t watermark, Output& out) {
  if (node_.window.eventTime) {
    flushIfFiring(watermark);
    state_->timers().advanceWatermark(watermark,
                                      [&](const Timer& timer) { fire(timer, out); });
    writer_.flush(out);
  }
  watermark_ = std::max(watermark_, watermark);
  out.emitWatermark(watermark);
}

void WindowAggregateOperator::finish(Output& out) {
  flushBuffer();
  // Processing-time windows still open when a bounded input ends are fired, so a local run
  // shows them (event-time ones fired at the end-of-time watermark already).
  if (!node_.window.eventTime) {
    state_->timers().advanceProcessingTime(INT64_MAX,
                                           [&](const Timer& timer) { fire(timer, out); });
  }
  writer_.flush(out);
}

int64_t WindowAggregateOperator::nextProcessingTime() const {
  if (node_.window.eventTime) return INT64_MAX;
  // Buffered rows wait for the next timer; with none yet, come back soon to flush them.
  auto next = state_->timers().nextProcessingTime();
  if (!next) return buffered() == 0 ? INT64_MAX : wallClockMicros();
  return *next;
}

void WindowAggregateOperator::onProcessingTime(int64_t nowMicros, Output& out) {
  flushBuffer();
  state_->timers().advanceProcessingTime(nowMicros, [&](const Timer& timer) { fire(timer, out); });
  writer_.flush(out);
}

StateSize WindowAggregateOperator::stateSize() const { return stateSizeOf(*state_); }

std::unique_ptr<StreamOperator> makeWindowAggregateOperator(
    const artifact::Node& node, const OperatorContext& context,
    std::unique_ptr<KeyedStateBackend> state) {
  if (node.window.kind == artifact::WindowKind::Session) {
    return std::make_unique<SessionWindowAggregateOperator>(node, context, std::move(state));
  }
  return std::make_unique<WindowAggregateOperator>(node, context, std::move(state));
}

}  // namespace sluice::runtime
