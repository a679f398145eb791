#include "connectors/datagen/datagen_source.h"

#include <algorithm>
#include <cmath>

namespace sluice::connectors {

DatagenSourceReader::DatagenSourceReader(std::vector<std::unique_ptr<ValueGenerator>> columns,
                                         double rowsPerSecond, std::optional<int64_t> rowLimit,
                                         uint64_t seed)
    : columns_(std::move(columns)), rowsPerSecond_(rowsPerSecond), rowLimit_(rowLimit) {
  state_.random.seed(seed);
}

bool DatagenSourceReader::exhausted() const {
  if (rowLimit_ && rowsGenerated_ >= *rowLimit_) return true;
  return std::any_of(columns_.begin(), columns_.end(),
                     [](const auto& column) { return !column->hasNext(); });
}

int64_t DatagenSourceReader::rowsDue() {
  const Clock::time_point now = Clock::now();
  if (!startedAt_) startedAt_ = now;
  const double seconds = std::chrono::duration<double>(now - *startedAt_).count();
  // A lead of a tenth of a second's rows lets fast sources fill whole batches; slow ones still
  // start with one row at once.
  const double due = std::floor(seconds * rowsPerSecond_) + 1 + std::floor(rowsPerSecond_ / 10);
  return due >= 9.0e18 ? INT64_MAX : static_cast<int64_t>(due);
}

runtime::ReadStatus DatagenSourceReader::read(runtime::Batch& batch) {
  if (exhausted()) return runtime::ReadStatus::End;
  int64_t allowed = rowsDue() - rowsGenerated_;
  if (rowLimit_) allowed = std::min(allowed, *rowLimit_ - rowsGenerated_);
  if (allowed <= 0) return runtime::ReadStatus::Idle;
  const int rows = static_cast<int>(std::min<int64_t>(allowed, batch.capacity() - batch.size()));
  state_.nowMillis = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
  for (int i = 0; i < rows && !exhausted(); ++i) {
    const int row = batch.size();
    for (size_t c = 0; c < columns_.size(); ++c) {
      runtime::writeValue(batch.column(static_cast<int>(c)), row, columns_[c]->next(state_),
                          batch.arena());
    }
    batch.rowKinds()[row] = runtime::RowKind::Insert;
    batch.setSize(row + 1);
    ++rowsGenerated_;
  }
  return runtime::ReadStatus::Data;
}

}  // namespace sluice::connectors
