#include "compiler/types/data_type.h"

#include <cassert>
#include <fmt/format.h>

#include "compiler/types/identifier_case.h"

namespace sluice {

DataType::DataType() = default;

DataType::DataType(TypeKind kind, int32_t precision, int32_t scale)
    : kind_(kind), precision_(precision), scale_(scale) {}

DataType DataType::null() { return DataType(TypeKind::Null); }
DataType DataType::boolean() { return DataType(TypeKind::Boolean); }
DataType DataType::tinyInt() { return DataType(TypeKind::TinyInt); }
DataType DataType::smallInt() { return DataType(TypeKind::SmallInt); }
DataType DataType::integer() { return DataType(TypeKind::Int); }
DataType DataType::bigInt() { return DataType(TypeKind::BigInt); }
DataType DataType::floatType() { return DataType(TypeKind::Float); }
DataType DataType::doubleType() { return DataType(TypeKind::Double); }
DataType DataType::decimal(int precision, int scale) {
  return DataType(TypeKind::Decimal, precision, scale);
}
DataType DataType::charType(int32_t length) { return DataType(TypeKind::Char, length); }
DataType DataType::varchar(int32_t length) { return DataType(TypeKind::VarChar, length); }
DataType DataType::string() { return varchar(kMaxLength); }
DataType DataType::binary(int32_t length) { return DataType(TypeKind::Binary, length); }
DataType DataType::varbinary(int32_t length) { return DataType(TypeKind::VarBinary, length); }
DataType DataType::bytes() { return varbinary(kMaxLength); }
DataType DataType::date() { return DataType(TypeKind::Date); }
DataType DataType::time(int precision) { return DataType(TypeKind::Time, precision); }
DataType DataType::timestamp(int precision) { return DataType(TypeKind::Timestamp, precision); }
DataType DataType::timestampLtz(int precision) {
  return DataType(TypeKind::TimestampLtz, precision);
}
DataType DataType::intervalYearMonth() { return DataType(TypeKind::IntervalYearMonth); }
DataType DataType::intervalDayTime(int fractionalPrecision) {
  return DataType(TypeKind::IntervalDayTime, fractionalPrecision);
}

static std::shared_ptr<const std::vector<RowField>> childList(std::vector<RowField> fields) {
  return std::make_shared<const std::vector<RowField>>(std::move(fields));
}
static RowField unnamed(DataType type) {
  return RowField{"", std::make_shared<const DataType>(std::move(type)), ""};
}

DataType DataType::array(DataType element) {
  DataType t(TypeKind::Array);
  t.children_ = childList({unnamed(std::move(element))});
  return t;
}
DataType DataType::multiset(DataType element) {
  DataType t(TypeKind::Multiset);
  t.children_ = childList({unnamed(std::move(element))});
  return t;
}
DataType DataType::map(DataType key, DataType value) {
  DataType t(TypeKind::Map);
  t.children_ = childList({unnamed(std::move(key)), unnamed(std::move(value))});
  return t;
}
DataType DataType::row(std::vector<RowField> fields) {
  DataType t(TypeKind::Row);
  t.children_ = childList(std::move(fields));
  return t;
}
DataType DataType::row(const std::vector<std::pair<std::string, DataType>>& fields) {
  std::vector<RowField> list;
  list.reserve(fields.size());
  for (const auto& [name, type] : fields) {
    list.push_back(RowField{name, std::make_shared<const DataType>(type), ""});
  }
  return row(std::move(list));
}
DataType DataType::raw(std::string className) {
  DataType t(TypeKind::Raw);
  t.rawClassName_ = std::move(className);
  return t;
}
DataType DataType::symbol() { return DataType(TypeKind::Symbol).notNull(); }
DataType DataType::descriptor() { return DataType(TypeKind::Descriptor).notNull(); }

DataType DataType::withNullable(bool nullable) const {
  DataType copy = *this;
  copy.nullable_ = nullable;
  return copy;
}

DataType DataType::withTimeAttribute(TimeAttribute attribute) const {
  DataType copy = *this;
  copy.timeAttribute_ = attribute;
  return copy;
}

const DataType& DataType::elementType() const {
  assert((kind_ == TypeKind::Array || kind_ == TypeKind::Multiset) && "not a collection type");
  return *(*children_)[0].type;
}
const DataType& DataType::keyType() const {
  assert(kind_ == TypeKind::Map && "not a MAP type");
  return *(*children_)[0].type;
}
const DataType& DataType::valueType() const {
  assert(kind_ == TypeKind::Map && "not a MAP type");
  return *(*children_)[1].type;
}
const std::vector<RowField>& DataType::fields() const {
  static const std::vector<RowField> kNoFields;
  return kind_ == TypeKind::Row ? *children_ : kNoFields;
}

int DataType::fieldIndex(const std::string& name) const {
  const auto& list = fields();
  for (size_t i = 0; i < list.size(); ++i) {
    if (list[i].name == name) return static_cast<int>(i);
  }
  for (size_t i = 0; i < list.size(); ++i) {
    if (equalsIgnoreCase(list[i].name, name)) return static_cast<int>(i);
  }
  return -1;
}

bool DataType::isInteger() const {
  return kind_ == TypeKind::TinyInt || kind_ == TypeKind::SmallInt || kind_ == TypeKind::Int ||
         kind_ == TypeKind::BigInt;
}
bool DataType::isExactNumeric() const { return isInteger() || kind_ == TypeKind::Decimal; }
bool DataType::isApproximate() const {
  return kind_ == TypeKind::Float || kind_ == TypeKind::Double;
}
bool DataType::isNumeric() const { return isExactNumeric() || isApproximate(); }
bool DataType::isCharacterString() const {
  return kind_ == TypeKind::Char || kind_ == TypeKind::VarChar;
}
bool DataType::isBinaryString() const {
  return kind_ == TypeKind::Binary || kind_ == TypeKind::VarBinary;
}
bool DataType::isDatetime() const {
  return kind_ == TypeKind::Date || kind_ == TypeKind::Time || isTimestamp();
}
bool DataType::isTimestamp() const {
  return kind_ == TypeKind::Timestamp || kind_ == TypeKind::TimestampLtz;
}
bool DataType::isInterval() const {
  return kind_ == TypeKind::IntervalYearMonth || kind_ == TypeKind::IntervalDayTime;
}
bool DataType::isConstructed() const {
  return kind_ == TypeKind::Array || kind_ == TypeKind::Multiset || kind_ == TypeKind::Map ||
         kind_ == TypeKind::Row;
}

bool DataType::sameTypeIgnoringNullability(const DataType& other) const {
  if (kind_ != other.kind_ || precision_ != other.precision_ || scale_ != other.scale_ ||
      rawClassName_ != other.rawClassName_) {
    return false;
  }
  if (!children_ || !other.children_) return children_ == other.children_;
  if (children_->size() != other.children_->size()) return false;
  for (size_t i = 0; i < children_->size(); ++i) {
    const auto& a = (*children_)[i];
    const auto& b = (*other.children_)[i];
    if (a.name != b.name || !(*a.type == *b.type)) return false;
  }
  return true;
}

bool DataType::operator==(const DataType& other) const {
  return nullable_ == other.nullable_ && sameTypeIgnoringNullability(other);
}

int integerDecimalPrecision(TypeKind kind) {
  switch (kind) {
    case TypeKind::TinyInt: return 3;
    case TypeKind::SmallInt: return 5;
    case TypeKind::Int: return 10;
    case TypeKind::BigInt: return 19;
    default: return 0;
  }
}

static std::string lengthType(const char* name, const char* maxName, int32_t length) {
  if (maxName != nullptr && length == DataType::kMaxLength) return maxName;
  return fmt::format("{}({})", name, length);
}

static std::string baseName(const DataType& t) {
  switch (t.kind()) {
    case TypeKind::Null: return "NULL";
    case TypeKind::Boolean: return "BOOLEAN";
    case TypeKind::TinyInt: return "TINYINT";
    case TypeKind::SmallInt: return "SMALLINT";
    case TypeKind::Int: return "INT";
    case TypeKind::BigInt: return "BIGINT";
    case TypeKind::Float: return "FLOAT";
    case TypeKind::Double: return "DOUBLE";
    case TypeKind::Decimal: return fmt::format("DECIMAL({}, {})", t.precision(), t.scale());
    case TypeKind::Char: return lengthType("CHAR", nullptr, t.length());
    case TypeKind::VarChar: return lengthType("VARCHAR", "STRING", t.length());
    case TypeKind::Binary: return lengthType("BINARY", nullptr, t.length());
    case TypeKind::VarBinary: return lengthType("VARBINARY", "BYTES", t.length());
    case TypeKind::Date: return "DATE";
    case TypeKind::Time: return fmt::format("TIME({})", t.precision());
    case TypeKind::Timestamp: return fmt::format("TIMESTAMP({})", t.precision());
    case TypeKind::TimestampLtz: return fmt::format("TIMESTAMP_LTZ({})", t.precision());
    case TypeKind::IntervalYearMonth: return "INTERVAL YEAR TO MONTH";
    case TypeKind::IntervalDayTime:
      return fmt::format("INTERVAL DAY TO SECOND({})", t.precision());
    case TypeKind::Array: return "ARRAY<" + t.elementType().toString() + ">";
    case TypeKind::Multiset: return "MULTISET<" + t.elementType().toString() + ">";
    case TypeKind::Map:
      return "MAP<" + t.keyType().toString() + ", " + t.valueType().toString() + ">";
    case TypeKind::Row: {
      std::string out = "ROW<";
      bool first = true;
      for (const auto& f : t.fields()) {
        if (!first) out += ", ";
        first = false;
        out += "`" + f.name + "` " + f.type->toString();
      }
      return out + ">";
    }
    case TypeKind::Raw: return "RAW('" + t.rawClassName() + "')";
    case TypeKind::Symbol: return "SYMBOL";
    case TypeKind::Descriptor: return "DESCRIPTOR";
  }
  return "?";
}

std::string DataType::toString() const {
  std::string out = baseName(*this);
  if (!nullable_ && kind_ != TypeKind::Symbol && kind_ != TypeKind::Descriptor) {
    out += " NOT NULL";
  }
  if (timeAttribute_ == TimeAttribute::Rowtime) out += " *ROWTIME*";
  if (timeAttribute_ == TimeAttribute::Proctime) out += " *PROCTIME*";
  return out;
}

}  // namespace sluice
