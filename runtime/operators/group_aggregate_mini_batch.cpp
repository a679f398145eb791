// Mini-batch group aggregation (Flink's MiniBatchGroupAggFunction behind a MapBundleOperator):
// rows are buffered per key and, when the mini-batch ends, each key's state is read once, its
// rows applied in arrival order and one change emitted for the whole mini-batch. A mini-batch
// ends when it holds table.exec.mini-batch.size rows (counted per row, as Flink's
// CountBundleTrigger does, so a batch may be split), when its first row has waited
// table.exec.mini-batch.allow-latency, on a watermark and at the end of the input. Keys are
// flushed in the order they first appeared in the mini-batch.
#include <cstring>

#include "runtime/execution/task_clock.h"
#include "runtime/operators/group_aggregate.h"
#include "runtime/operators/operator_support.h"
#include "runtime/state/key_encoding.h"
#include "runtime/state/value_codec.h"

namespace sluice::runtime {

void GroupAggregateOperator::bufferBatch(const Batch& batch, Output& out) {
  const int rows = batch.size();
  int row = 0;
  while (row < rows) {
    const int64_t room = miniBatch_.size - bufferedRows_;
    const int end = room >= rows - row ? rows : row + static_cast<int>(room);
    if (bufferedRows_ == 0) bufferStartedMicros_ = wallClockMicros();
    bufferRows(batch, row, end);
    bufferedRows_ += end - row;
    row = end;
    if (bufferedRows_ >= miniBatch_.size) flush(out);
  }
}

void GroupAggregateOperator::bufferRows(const Batch& batch, int begin, int end) {
  const int rows = batch.size();
  if (typedBuffer_) {
    // One constant slice: the combiner's slice end is of no use to a group aggregate.
    if (zeroSlices_.size() < static_cast<size_t>(rows)) zeroSlices_.assign(rows, 0);
    const uint8_t* keep = nullptr;
    if (begin > 0 || end < rows) {
      keep_.assign(static_cast<size_t>(rows), 0);
      std::fill(keep_.begin() + begin, keep_.begin() + end, 1);
      keep = keep_.data();
    }
    typedBuffer_->add(batch, zeroSlices_.data(), keep);
    return;
  }
  for (int row = begin; row < end; ++row) {
    readRow(batch, row);
    auto [it, inserted] = bufferedIndex_.try_emplace(key_, bufferedKeys_.size());
    if (inserted) bufferedKeys_.push_back({key_, keyValues_, {}, {}, {}});
    BufferedKey& buffered = bufferedKeys_[it->second];
    buffered.accumulates.push_back(isAccumulate(batch.rowKind(row)));
    buffered.arguments.insert(buffered.arguments.end(), std::make_move_iterator(arguments_.begin()),
                              std::make_move_iterator(arguments_.end()));
    buffered.applies.insert(buffered.applies.end(), applies_.begin(), applies_.end());
  }
}

void GroupAggregateOperator::flush(Output& out) {
  if (bufferedRows_ == 0) return;
  if (typedBuffer_) {
    flushTyped(out);
  } else {
    flushBoxed(out);
  }
  bufferedRows_ = 0;
}

// The combiner's partial accumulators merge into the stored ones; its last call counted the
// rows. Its input is insert-only, so every group ends up with rows.
void GroupAggregateOperator::flushTyped(Output& out) {
  typedBuffer_->drain([&](std::string_view bufferKey, int64_t, std::vector<Value>& partial) {
    keyEncoder_.clear();
    keyValues_.clear();
    const int64_t partialRows = partial.back().integer;
    for (int column : node_.keys) {
      keyValues_.push_back(decodeValue(bufferKey));
      appendKeyValue(keyValues_.back(), physicalTypeOf(inputTypes_[column]), keyEncoder_);
    }
    if (node_.aggregatePhase == artifact::AggregatePhase::Local) {
      partial.pop_back();  // the row count, a column of its own
      emitPartial(keyValues_, partial, partialRows, out);
      return;
    }
    state_->setCurrentKey(keyEncoder_.bytes());
    if (record_) {
      int64_t* record = recordWords_.data();
      const std::optional<std::string_view> stored = groups_->get();
      if (stored) {
        loadRecord(*stored);
      } else {
        record_->init(record);
      }
      record_->merge(record, partial);
      storeTyped(stored.has_value(), nullptr, 0, out);
      return;
    }
    load(group_);
    mergeInto(group_, partial);
    group_.rowCount += partialRows;
    store(group_, keyValues_, out);
  });
}

void GroupAggregateOperator::flushBoxed(Output& out) {
  const size_t calls = functions_.size();
  const size_t arguments = argumentCalls_.size();
  const bool local = node_.aggregatePhase == artifact::AggregatePhase::Local;
  Group& group = group_;
  for (const BufferedKey& buffered : bufferedKeys_) {
    const size_t rows = buffered.accumulates.size();
    size_t first = 0;
    if (!local) state_->setCurrentKey(buffered.key);
    if (local) {
      // No state: the partial starts fresh and keeps the retractions for the Global to apply.
      group.existed = false;
      group.rowCount = 0;
      group.accumulators.clear();
      for (const auto& function : functions_) group.accumulators.push_back(function->create());
    } else if (!load(group)) {
      // As Flink, no group is created for the retractions that come first (their group's state
      // expired): there is nothing to undo.
      while (first < rows && !buffered.accumulates[first]) ++first;
      if (first == rows) continue;
    }
    for (size_t row = first; row < rows; ++row) {
      apply(group, buffered.accumulates[row], buffered.arguments.data() + row * arguments,
            buffered.applies.data() + row * calls);
    }
    if (local) {
      emitPartial(buffered.keyValues, group.accumulators, group.rowCount, out);
    } else {
      store(group, buffered.keyValues, out);
    }
  }
  bufferedKeys_.clear();
  bufferedIndex_.clear();
}

void GroupAggregateOperator::processWatermark(int64_t watermark, Output& out) {
  flush(out);
  emitOutput(out);
  out.emitWatermark(watermark);
}

void GroupAggregateOperator::finish(Output& out) {
  flush(out);
  emitOutput(out);
}

int64_t GroupAggregateOperator::nextProcessingTime() const {
  return bufferedRows_ > 0 ? bufferStartedMicros_ + miniBatch_.allowLatencyMicros : INT64_MAX;
}

void GroupAggregateOperator::onProcessingTime(int64_t nowMicros, Output& out) {
  if (bufferedRows_ == 0 || nowMicros < nextProcessingTime()) return;
  flush(out);
  emitOutput(out);
}

}  // namespace sluice::runtime
