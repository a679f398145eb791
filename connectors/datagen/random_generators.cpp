// Random values per type, as Flink's datagen draws them: integers uniform in [min, max] (the
// type's range by default), FLOAT/DOUBLE uniform in [min, max] (Java's MIN_VALUE..MAX_VALUE by
// default), DECIMAL uniform within what the precision holds, strings of random lower-case hex
// digits ('length' long, 100 for STRING, random in [1, length] with 'var-len'), random bytes,
// date-times at "now" minus a random part of 'max-past', collections of 'length' (3) entries.
#include <cfloat>
#include <limits>

#include "connectors/datagen/random_value_generators.h"
#include "runtime/connector/connector.h"

namespace sluice::connectors {

namespace {

using runtime::Value;

std::pair<int64_t, int64_t> integerRange(TypeKind kind) {
  switch (kind) {
    case TypeKind::TinyInt: return {INT8_MIN, INT8_MAX};
    case TypeKind::SmallInt: return {INT16_MIN, INT16_MAX};
    case TypeKind::Int: return {INT32_MIN, INT32_MAX};
    case TypeKind::IntervalYearMonth: return {0, 120'000};
    default: return {INT64_MIN, INT64_MAX};
  }
}

// 'length' of a string or binary column: CHAR(n) and BINARY(n) are n long; VARCHAR(n) and
// VARBINARY(n) n by default, and 100 for STRING and BYTES.
int64_t randomLength(const std::string& path, const DataType& type, const TableOptions& options) {
  if (type.kind() == TypeKind::Char || type.kind() == TypeKind::Binary) return type.length();
  const int64_t declared = type.length() == DataType::kMaxLength ? 100 : type.length();
  const std::string key = fieldOption(path, "length");
  const int64_t length = options.integer(key, declared);
  if (length < 1 || length > type.length()) {
    options.invalid(key, "a length from 1 to " + std::to_string(type.length()));
  }
  return length;
}

int64_t collectionLength(const std::string& path, const TableOptions& options) {
  const std::string key = fieldOption(path, "length");
  const int64_t length = options.integer(key, 3);
  if (length < 0) options.invalid(key, "a length of 0 or more");
  return length;
}

}  // namespace

std::unique_ptr<ValueGenerator> makeRandomGenerator(const std::string& path, const DataType& type,
                                                    const TableOptions& options) {
  const std::string nullRateKey = fieldOption(path, "null-rate");
  const double nullRate = options.number(nullRateKey, 0);
  if (nullRate < 0 || nullRate > 1) options.invalid(nullRateKey, "a rate from 0 to 1");
  const bool varLen = options.flag(fieldOption(path, "var-len"), false);
  switch (type.kind()) {
    case TypeKind::Boolean: return std::make_unique<RandomBoolean>(nullRate);
    case TypeKind::TinyInt:
    case TypeKind::SmallInt:
    case TypeKind::Int:
    case TypeKind::BigInt:
    case TypeKind::IntervalYearMonth:
    case TypeKind::IntervalDayTime: {
      const auto [lowest, highest] = integerRange(type.kind());
      const int64_t min = options.integer(fieldOption(path, "min"), lowest);
      const int64_t max = options.integer(fieldOption(path, "max"), highest);
      if (min < lowest || min > max) {
        options.invalid(fieldOption(path, "min"),
                        "a value of " + type.toString() + " no larger than the maximum");
      }
      if (max > highest) options.invalid(fieldOption(path, "max"), "a value of " + type.toString());
      return std::make_unique<RandomInteger>(nullRate, min, max);
    }
    case TypeKind::Float:
    case TypeKind::Double: {
      const bool isFloat = type.kind() == TypeKind::Float;
      const double min = options.number(fieldOption(path, "min"), isFloat ? FLT_MIN : DBL_MIN);
      const double max = options.number(fieldOption(path, "max"), isFloat ? FLT_MAX : DBL_MAX);
      if (min > max) {
        options.invalid(fieldOption(path, "min"), "a value no larger than the maximum");
      }
      return std::make_unique<RandomFloating>(nullRate, min, max, isFloat);
    }
    case TypeKind::Decimal: {
      const double min = options.number(fieldOption(path, "min"), DBL_MIN);
      const double max = options.number(fieldOption(path, "max"), DBL_MAX);
      if (min > max) {
        options.invalid(fieldOption(path, "min"), "a value no larger than the maximum");
      }
      return std::make_unique<RandomDecimal>(nullRate, type.precision(), type.scale(), min, max);
    }
    case TypeKind::Char:
    case TypeKind::VarChar:
      return std::make_unique<RandomHexString>(nullRate, randomLength(path, type, options), varLen);
    case TypeKind::Binary:
    case TypeKind::VarBinary:
      return std::make_unique<RandomBytes>(nullRate, randomLength(path, type, options), varLen);
    case TypeKind::Date:
    case TypeKind::Time:
    case TypeKind::Timestamp:
    case TypeKind::TimestampLtz: {
      const int64_t maxPast = options.durationMillis(fieldOption(path, "max-past"), 0);
      return std::make_unique<RandomPastTime>(nullRate, type, maxPast);
    }
    case TypeKind::Array:
      return std::make_unique<RandomArray>(
          nullRate, makeRandomGenerator(path + ".element", type.elementType(), options),
          collectionLength(path, options), false);
    case TypeKind::Multiset:
      return std::make_unique<RandomArray>(
          nullRate, makeRandomGenerator(path + ".element", type.elementType(), options),
          collectionLength(path, options), true);
    case TypeKind::Map:
      return std::make_unique<RandomMap>(
          nullRate, makeRandomGenerator(path + ".key", type.keyType(), options),
          makeRandomGenerator(path + ".value", type.valueType(), options),
          collectionLength(path, options));
    case TypeKind::Row: {
      std::vector<std::unique_ptr<ValueGenerator>> fields;
      for (const RowField& field : type.fields()) {
        fields.push_back(makeRandomGenerator(path + "." + field.name, *field.type, options));
      }
      return std::make_unique<RandomRow>(nullRate, std::move(fields));
    }
    default:
      throw runtime::ConnectorError("datagen table " + options.table() +
                                    " cannot generate values of type " + type.toString() +
                                    " for field " + path);
  }
}

}  // namespace sluice::connectors
