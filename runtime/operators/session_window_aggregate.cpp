#include "runtime/operators/session_window_aggregate.h"
#include "runtime/operators/operator_support.h"

#include "runtime/execution/task_clock.h"
#include "runtime/operators/window_slices.h"
#include "runtime/state/key_encoding.h"
#include "runtime/state/value_codec.h"

namespace sluice::runtime {
namespace {

std::string startKey(int64_t start) {
  KeyEncoder encoder;
  encoder.appendInt64(start);
  return encoder.take();
}

}  // namespace

SessionWindowAggregateOperator::SessionWindowAggregateOperator(
    const artifact::Node& node, const OperatorContext& context,
    std::unique_ptr<KeyedStateBackend> state)
    : node_(node),
      accumulators_(node, context.inputTypes, node.inputUpdates, jobConfiguration(context.plan)),
      state_(std::move(state)),
      writer_(node, context.batchSize) {
  sessions_ = &state_->sortedMapState("sessions");
}

void SessionWindowAggregateOperator::processBatch(Batch& batch, int /*input*/, Output& /*out*/) {
  const bool eventTime = node_.window.eventTime;
  const Vector* time = eventTime ? &batch.column(node_.window.timeColumn) : nullptr;
  const int64_t now = eventTime ? 0 : wallClockMicros();
  for (int row = 0; row < batch.size(); ++row) {
    if (eventTime && time->isNull(row)) {
      ++dropped_;
      continue;
    }
    processRow(batch, row, eventTime ? time->values<int64_t>()[row] : now);
  }
}

void SessionWindowAggregateOperator::processRow(const Batch& batch, int row, int64_t timestamp) {
  encodeGroupKey(batch, row, node_.keys, key_);
  state_->setCurrentKey(key_);
  // The sessions this row's [t, t + gap) overlaps or touches (Flink's TimeWindow.intersects).
  Session merged{timestamp, timestamp + node_.window.gapMicros, {}};
  std::vector<Session> overlapping;
  sessions_->forEach([&](std::string_view userKey, std::string_view value) {
    const int64_t start = KeyDecoder(userKey).readInt64();
    std::string_view rest = value;
    const int64_t end = decodeValue(rest).integer;
    if (start <= merged.end && end >= merged.start) {
      overlapping.push_back({start, end, accumulators_.decode(rest)});
    }
    return Visit::Continue;
  });
  for (const Session& s : overlapping) {
    merged.start = std::min(merged.start, s.start);
    merged.end = std::max(merged.end, s.end);
  }
  const int64_t fireAt = merged.end - kWindowTimePrecisionMicros;
  if (node_.window.eventTime && fireAt <= watermark_) {
    ++dropped_;
    return;
  }
  merged.accumulators = accumulators_.create();
  for (const Session& s : overlapping) {  // in start order, so FIRST/LAST_VALUE keep theirs
    accumulators_.merge(merged.accumulators, s.accumulators);
    const std::string ns = startKey(s.start);
    sessions_->remove(ns);
    deleteTimer(s.end - kWindowTimePrecisionMicros, ns);
  }
  accumulators_.accumulate(merged.accumulators, batch, row);
  encoded_.clear();
  encodeValue(Value::ofInteger(merged.end), encoded_);
  std::string accumulators;
  accumulators_.encode(merged.accumulators, accumulators);
  encoded_ += accumulators;
  const std::string ns = startKey(merged.start);
  sessions_->put(ns, encoded_);
  registerTimer(fireAt, ns);
}

void SessionWindowAggregateOperator::registerTimer(int64_t fireAt, const std::string& ns) {
  if (node_.window.eventTime) {
    state_->timers().registerEventTimeTimer(fireAt, ns);
  } else {
    state_->timers().registerProcessingTimeTimer(fireAt, ns);
  }
}

void SessionWindowAggregateOperator::deleteTimer(int64_t fireAt, const std::string& ns) {
  if (node_.window.eventTime) {
    state_->timers().deleteEventTimeTimer(fireAt, ns);
  } else {
    state_->timers().deleteProcessingTimeTimer(fireAt, ns);
  }
}

void SessionWindowAggregateOperator::fire(const Timer& timer, Output& out) {
  auto stored = sessions_->get(timer.ns);
  if (!stored) return;
  std::string_view rest = *stored;
  const int64_t end = decodeValue(rest).integer;
  const int64_t start = KeyDecoder(timer.ns).readInt64();
  accumulators_.results(accumulators_.decode(rest), results_);
  writer_.write(decodeGroupKey(timer.key), results_, start, end, out);
  sessions_->remove(timer.ns);
}

void SessionWindowAggregateOperator::processWatermark(int64_t watermark, Output& out) {
  if (node_.window.eventTime) {
    state_->timers().advanceWatermark(watermark, [&](const Timer& timer) { fire(timer, out); });
    writer_.flush(out);
  }
  watermark_ = std::max(watermark_, watermark);
  out.emitWatermark(watermark);
}

void SessionWindowAggregateOperator::finish(Output& out) {
  if (!node_.window.eventTime) {
    state_->timers().advanceProcessingTime(INT64_MAX,
                                           [&](const Timer& timer) { fire(timer, out); });
  }
  writer_.flush(out);
}

int64_t SessionWindowAggregateOperator::nextProcessingTime() const {
  if (node_.window.eventTime) return INT64_MAX;
  return state_->timers().nextProcessingTime().value_or(INT64_MAX);
}

void SessionWindowAggregateOperator::onProcessingTime(int64_t nowMicros, Output& out) {
  state_->timers().advanceProcessingTime(nowMicros, [&](const Timer& timer) { fire(timer, out); });
  writer_.flush(out);
}

StateSize SessionWindowAggregateOperator::stateSize() const { return stateSizeOf(*state_); }

}  // namespace sluice::runtime
