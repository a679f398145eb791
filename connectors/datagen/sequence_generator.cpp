// Sequences per Flink's SequenceGeneratorVisitor: every number from 'start' to 'end' once, as a
// number of the column's type, as its decimal text for CHAR/VARCHAR, or as 8 big-endian bytes
// for BINARY/VARBINARY. Subtask i of p yields start + i, start + i + p, ... (Flink's split).
#include <algorithm>
#include <limits>

#include "connectors/datagen/value_generator.h"
#include "runtime/connector/connector.h"
#include "runtime/data/value_text.h"

namespace sluice::connectors {

namespace {

using runtime::Value;

class SequenceGenerator : public ValueGenerator {
 public:
  SequenceGenerator(DataType type, int64_t first, int64_t last, int64_t step)
      : type_(std::move(type)), next_(first), last_(last), step_(step) {}

  bool hasNext() const override { return !done_ && next_ <= last_; }

  Value next(GenerationState& state) override {
    (void)state;
    const int64_t value = next_;
    // Stepping past the end of int64 would wrap around; the sequence is over instead.
    if (next_ > std::numeric_limits<int64_t>::max() - step_) {
      done_ = true;
    } else {
      next_ += step_;
    }
    return valueOf(value);
  }

 private:
  Value valueOf(int64_t number) const {
    switch (type_.kind()) {
      case TypeKind::Float:
      case TypeKind::Double: return Value::ofReal(static_cast<double>(number));
      case TypeKind::Decimal: {
        const runtime::int128_t unscaled =
            runtime::int128_t{number} * runtime::decimalPowerOfTen(type_.scale());
        return type_.precision() <= runtime::kMaxInt64DecimalPrecision
                   ? Value::ofInteger(static_cast<int64_t>(unscaled))
                   : Value::ofWide(unscaled);
      }
      case TypeKind::Char:
      case TypeKind::VarChar: return Value::ofBytes(std::to_string(number));
      case TypeKind::Binary:
      case TypeKind::VarBinary: {
        std::string bytes(8, '\0');
        for (int i = 0; i < 8; ++i) {
          bytes[i] = static_cast<char>((static_cast<uint64_t>(number) >> (56 - 8 * i)) & 0xFF);
        }
        return Value::ofBytes(std::move(bytes));
      }
      default: return Value::ofInteger(number);
    }
  }

  DataType type_;
  int64_t next_;
  int64_t last_;
  int64_t step_;
  bool done_ = false;
};

// The values a column of the type can hold: a sequence must stay within them.
std::pair<int64_t, int64_t> sequenceRange(const DataType& type) {
  switch (type.kind()) {
    case TypeKind::TinyInt: return {INT8_MIN, INT8_MAX};
    case TypeKind::SmallInt: return {INT16_MIN, INT16_MAX};
    case TypeKind::Int: return {INT32_MIN, INT32_MAX};
    case TypeKind::Decimal: {
      if (type.precision() - type.scale() >= 18) return {INT64_MIN, INT64_MAX};
      const auto limit =
          static_cast<int64_t>(runtime::decimalPowerOfTen(type.precision() - type.scale())) - 1;
      return {-limit, limit};
    }
    default: return {INT64_MIN, INT64_MAX};
  }
}

bool supportsSequence(TypeKind kind) {
  switch (kind) {
    case TypeKind::TinyInt:
    case TypeKind::SmallInt:
    case TypeKind::Int:
    case TypeKind::BigInt:
    case TypeKind::Float:
    case TypeKind::Double:
    case TypeKind::Decimal:
    case TypeKind::Char:
    case TypeKind::VarChar:
    case TypeKind::Binary:
    case TypeKind::VarBinary: return true;
    default: return false;
  }
}

}  // namespace

std::unique_ptr<ValueGenerator> makeSequenceGenerator(const std::string& path, const DataType& type,
                                                      const TableOptions& options, int subtask,
                                                      int parallelism) {
  if (!supportsSequence(type.kind())) {
    throw runtime::ConnectorError("datagen table " + options.table() + ": field " + path +
                                  " of type " + type.toString() + " cannot be a sequence");
  }
  const std::string startKey = fieldOption(path, "start");
  const std::string endKey = fieldOption(path, "end");
  if (!options.find(startKey) || !options.find(endKey)) {
    throw runtime::ConnectorError("datagen table " + options.table() + ": sequence field " + path +
                                  " needs options '" + startKey + "' and '" + endKey + "'");
  }
  const auto [lowest, highest] = sequenceRange(type);
  const int64_t start = options.integer(startKey, 0);
  const int64_t end = options.integer(endKey, 0);
  if (start < lowest || start > highest) options.invalid(startKey, "a value of " + type.toString());
  if (end < lowest || end > highest) options.invalid(endKey, "a value of " + type.toString());
  if (start > end) options.invalid(startKey, "a start no larger than the end");
  const int64_t step = std::max(parallelism, 1);
  // Fewer values than subtasks: this one has none.
  const bool empty = runtime::int128_t{end} - start < subtask;
  return std::make_unique<SequenceGenerator>(type, empty ? 1 : start + subtask, empty ? 0 : end,
                                             step);
}

std::unique_ptr<ValueGenerator> makeColumnGenerator(const std::string& name, const DataType& type,
                                                    const TableOptions& options, int subtask,
                                                    int parallelism) {
  const std::string kindKey = fieldOption(name, "kind");
  const std::string kind = options.text(kindKey, "random");
  if (kind == "sequence") {
    return makeSequenceGenerator(name, type, options, subtask, parallelism);
  }
  if (kind != "random") options.invalid(kindKey, "'random' or 'sequence'");
  return makeRandomGenerator(name, type, options);
}

}  // namespace sluice::connectors
