// The generators of one datagen column: random values per Flink's RandomGeneratorVisitor, or a
// sequence per its SequenceGeneratorVisitor. Options are looked up by the column's path:
// 'fields.<column>.min' for a column, 'fields.<column>.<field>.max' for a nested ROW field,
// 'fields.<column>.element.length', '.key.min' and '.value.null-rate' beneath ARRAY, MULTISET
// and MAP columns, as Flink names them.
#pragma once

#include <cstdint>
#include <memory>
#include <random>
#include <string>

#include "compiler/types/data_type.h"
#include "connectors/options/table_options.h"
#include "runtime/data/value.h"

namespace sluice::connectors {

// What a generator draws from: the source instance's seeded random numbers, and the wall-clock
// time of the row (for date-time columns, which are "now" unless 'max-past' is given).
struct GenerationState {
  std::mt19937_64 random;
  int64_t nowMillis = 0;
};

class ValueGenerator {
 public:
  virtual ~ValueGenerator() = default;
  // False once a sequence is exhausted: the source then ends.
  virtual bool hasNext() const { return true; }
  virtual runtime::Value next(GenerationState& state) = 0;
};

// The generator of column `name` of `type` per 'fields.<name>.kind' ('random' by default or
// 'sequence'); a sequence yields this subtask's share of its values (every parallelism-th one
// from start + subtask, as Flink splits it). A ConnectorError for bad options or unsupported
// types.
std::unique_ptr<ValueGenerator> makeColumnGenerator(const std::string& name, const DataType& type,
                                                    const TableOptions& options, int subtask,
                                                    int parallelism);

std::unique_ptr<ValueGenerator> makeRandomGenerator(const std::string& path, const DataType& type,
                                                    const TableOptions& options);
std::unique_ptr<ValueGenerator> makeSequenceGenerator(const std::string& path, const DataType& type,
                                                      const TableOptions& options, int subtask,
                                                      int parallelism);

// 'fields.<path>.<setting>'
inline std::string fieldOption(const std::string& path, const std::string& setting) {
  return "fields." + path + "." + setting;
}

}  // namespace sluice::connectors
