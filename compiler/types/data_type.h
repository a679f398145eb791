// The SQL type system of the front end, modelled on Flink's LogicalType: every type carries its
// nullability, and TIMESTAMP types may carry a time attribute (rowtime or proctime) that the
// binder propagates so windows and temporal joins can be recognized.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace sluice {

enum class TypeKind : uint8_t {
  Null,  // the type of an untyped NULL literal
  Boolean,
  TinyInt,
  SmallInt,
  Int,
  BigInt,
  Float,
  Double,
  Decimal,  // precision 1..38, scale 0..precision
  Char,     // CHAR(n)
  VarChar,  // VARCHAR(n); STRING is VARCHAR(kMaxLength)
  Binary,
  VarBinary,  // BYTES is VARBINARY(kMaxLength)
  Date,
  Time,          // TIME(p)
  Timestamp,     // TIMESTAMP(p) WITHOUT TIME ZONE
  TimestampLtz,  // TIMESTAMP(p) WITH LOCAL TIME ZONE
  IntervalYearMonth,
  IntervalDayTime,
  Array,
  Multiset,
  Map,
  Row,
  Raw,         // opaque values of user functions
  Symbol,      // a keyword operand of a special call: EXTRACT(YEAR FROM ..), TIMESTAMPADD(DAY, ..)
  Descriptor,  // DESCRIPTOR(col) operand of window table functions
};

enum class TimeAttribute : uint8_t { None, Rowtime, Proctime };

class DataType;

struct RowField {
  std::string name;
  // Stored behind a pointer because DataType is incomplete here.
  std::shared_ptr<const DataType> type;
  std::string description;
};

class DataType {
 public:
  static constexpr int32_t kMaxLength = 2147483647;
  static constexpr int kMaxDecimalPrecision = 38;
  static constexpr int kDefaultTimestampPrecision = 6;

  DataType();  // NULL type

  static DataType null();
  static DataType boolean();
  static DataType tinyInt();
  static DataType smallInt();
  static DataType integer();
  static DataType bigInt();
  static DataType floatType();
  static DataType doubleType();
  static DataType decimal(int precision, int scale);
  static DataType charType(int32_t length);
  static DataType varchar(int32_t length);
  static DataType string();  // VARCHAR(kMaxLength)
  static DataType binary(int32_t length);
  static DataType varbinary(int32_t length);
  static DataType bytes();  // VARBINARY(kMaxLength)
  static DataType date();
  static DataType time(int precision = 0);
  static DataType timestamp(int precision = kDefaultTimestampPrecision);
  static DataType timestampLtz(int precision = kDefaultTimestampPrecision);
  static DataType intervalYearMonth();
  static DataType intervalDayTime(int fractionalPrecision = 3);
  static DataType array(DataType element);
  static DataType multiset(DataType element);
  static DataType map(DataType key, DataType value);
  static DataType row(std::vector<RowField> fields);
  static DataType row(const std::vector<std::pair<std::string, DataType>>& fields);
  static DataType raw(std::string className);
  static DataType symbol();
  static DataType descriptor();

  TypeKind kind() const { return kind_; }
  bool nullable() const { return nullable_; }
  DataType withNullable(bool nullable) const;
  DataType notNull() const { return withNullable(false); }

  // DECIMAL precision, TIME/TIMESTAMP fractional precision, interval fractional precision.
  int precision() const { return precision_; }
  int scale() const { return scale_; }
  // CHAR/VARCHAR/BINARY/VARBINARY length.
  int32_t length() const { return precision_; }

  const DataType& elementType() const;  // ARRAY, MULTISET
  const DataType& keyType() const;      // MAP
  const DataType& valueType() const;    // MAP
  const std::vector<RowField>& fields() const;  // ROW
  const std::string& rawClassName() const { return rawClassName_; }
  // Index of a ROW field by case-insensitive name, or -1.
  int fieldIndex(const std::string& name) const;

  TimeAttribute timeAttribute() const { return timeAttribute_; }
  DataType withTimeAttribute(TimeAttribute attribute) const;
  bool isRowtime() const { return timeAttribute_ == TimeAttribute::Rowtime; }
  bool isProctime() const { return timeAttribute_ == TimeAttribute::Proctime; }
  bool isTimeAttribute() const { return timeAttribute_ != TimeAttribute::None; }

  bool isNumeric() const;        // exact or approximate number
  bool isExactNumeric() const;   // integers and DECIMAL
  bool isInteger() const;        // TINYINT..BIGINT
  bool isApproximate() const;    // FLOAT, DOUBLE
  bool isCharacterString() const;  // CHAR, VARCHAR
  bool isBinaryString() const;     // BINARY, VARBINARY
  bool isDatetime() const;         // DATE, TIME, TIMESTAMP, TIMESTAMP_LTZ
  bool isTimestamp() const;        // TIMESTAMP or TIMESTAMP_LTZ
  bool isInterval() const;
  bool isConstructed() const;  // ARRAY, MULTISET, MAP, ROW

  // Equality including nullability but ignoring time attributes and field descriptions.
  bool operator==(const DataType& other) const;
  bool operator!=(const DataType& other) const { return !(*this == other); }
  // Equality ignoring nullability (and time attributes).
  bool sameTypeIgnoringNullability(const DataType& other) const;

  // Flink's summary string: "BIGINT NOT NULL", "STRING", "DECIMAL(23, 3)",
  // "TIMESTAMP(3) *ROWTIME*", "ROW<`id` BIGINT, `name` STRING>", "ARRAY<INT>".
  std::string toString() const;

 private:
  TypeKind kind_ = TypeKind::Null;
  bool nullable_ = true;
  TimeAttribute timeAttribute_ = TimeAttribute::None;
  int32_t precision_ = 0;
  int32_t scale_ = 0;
  std::shared_ptr<const std::vector<RowField>> children_;  // element / key+value / row fields
  std::string rawClassName_;

  DataType(TypeKind kind, int32_t precision = 0, int32_t scale = 0);
};

// Precision of each integer type expressed as DECIMAL (TINYINT -> 3, ..., BIGINT -> 19), as Flink.
int integerDecimalPrecision(TypeKind kind);

}  // namespace sluice
