// The datagen source instance: one generator per column, at most this subtask's share of
// 'rows-per-second' (rows are due as time passes; a read returns what is due, Idle when nothing
// is), ending after its share of 'number-of-rows' or when a sequence column is exhausted.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "connectors/datagen/value_generator.h"
#include "runtime/connector/connector.h"

namespace sluice::connectors {

class DatagenSourceReader : public runtime::SourceReader {
 public:
  // `rowsPerSecond` may be fractional (a share of a small rate); `rowLimit` unset is unbounded.
  DatagenSourceReader(std::vector<std::unique_ptr<ValueGenerator>> columns, double rowsPerSecond,
                      std::optional<int64_t> rowLimit, uint64_t seed);

  runtime::ReadStatus read(runtime::Batch& batch) override;
  int64_t rowsGenerated() const { return rowsGenerated_; }

 private:
  using Clock = std::chrono::steady_clock;

  // Rows the rate allows by now, counting from the first read: the first row and a tenth of a
  // second's worth are due at once.
  int64_t rowsDue();
  bool exhausted() const;

  std::vector<std::unique_ptr<ValueGenerator>> columns_;
  double rowsPerSecond_;
  std::optional<int64_t> rowLimit_;
  GenerationState state_;
  std::optional<Clock::time_point> startedAt_;
  int64_t rowsGenerated_ = 0;
};

}  // namespace sluice::connectors
