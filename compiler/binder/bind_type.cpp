// SQL type names to DataTypes, with Flink's defaults (VARCHAR without a length is STRING in DDL,
// TIMESTAMP without a precision is TIMESTAMP(6), DECIMAL is DECIMAL(10, 0)) and range checks.
#include <fmt/format.h>

#include "compiler/binder/binder.h"
#include "compiler/types/identifier_case.h"

namespace sluice {

static int parameter(const ast::TypeName& type, size_t i, int fallback) {
  return i < type.parameters.size() ? static_cast<int>(type.parameters[i]) : fallback;
}

static void checkRange(const ast::TypeName& type, int value, int low, int high, const char* what) {
  if (value < low || value > high) {
    throw UserError(type.location, fmt::format("{} of {} must be between {} and {}, got {}", what,
                                               type.name, low, high, value));
  }
}

DataType Binder::resolveType(const ast::TypeName& type) {
  const std::string& n = type.name;
  DataType result;
  if (n == "BOOLEAN" || n == "BOOL") {
    result = DataType::boolean();
  } else if (n == "TINYINT") {
    result = DataType::tinyInt();
  } else if (n == "SMALLINT") {
    result = DataType::smallInt();
  } else if (n == "INT" || n == "INTEGER") {
    result = DataType::integer();
  } else if (n == "BIGINT") {
    result = DataType::bigInt();
  } else if (n == "FLOAT" || n == "REAL") {
    result = DataType::floatType();
  } else if (n == "DOUBLE" || n == "DOUBLE PRECISION") {
    result = DataType::doubleType();
  } else if (n == "DECIMAL" || n == "DEC" || n == "NUMERIC") {
    int precision = parameter(type, 0, 10);
    int scale = parameter(type, 1, 0);
    checkRange(type, precision, 1, DataType::kMaxDecimalPrecision, "precision");
    checkRange(type, scale, 0, precision, "scale");
    result = DataType::decimal(precision, scale);
  } else if (n == "CHAR" || n == "CHARACTER") {
    int length = parameter(type, 0, 1);
    checkRange(type, length, 1, DataType::kMaxLength, "length");
    result = DataType::charType(length);
  } else if (n == "VARCHAR" || n == "CHAR VARYING" || n == "CHARACTER VARYING") {
    int length = parameter(type, 0, DataType::kMaxLength);
    checkRange(type, length, 1, DataType::kMaxLength, "length");
    result = DataType::varchar(length);
  } else if (n == "STRING") {
    result = DataType::string();
  } else if (n == "BINARY") {
    int length = parameter(type, 0, 1);
    checkRange(type, length, 1, DataType::kMaxLength, "length");
    result = DataType::binary(length);
  } else if (n == "VARBINARY" || n == "BINARY VARYING") {
    int length = parameter(type, 0, DataType::kMaxLength);
    checkRange(type, length, 1, DataType::kMaxLength, "length");
    result = DataType::varbinary(length);
  } else if (n == "BYTES") {
    result = DataType::bytes();
  } else if (n == "DATE") {
    result = DataType::date();
  } else if (n == "TIME") {
    int precision = parameter(type, 0, 0);
    checkRange(type, precision, 0, 9, "precision");
    result = DataType::time(precision);
  } else if (n == "TIMESTAMP" || n == "TIMESTAMP_LTZ") {
    int precision = parameter(type, 0, blinkTypeDefaults_ ? 3 : DataType::kDefaultTimestampPrecision);
    checkRange(type, precision, 0, 9, "precision");
    result = (n == "TIMESTAMP_LTZ" || type.withLocalTimeZone) ? DataType::timestampLtz(precision)
                                                               : DataType::timestamp(precision);
  } else if (n == "INTERVAL") {
    bool yearMonth = type.intervalFrom == "YEAR" || type.intervalFrom == "MONTH";
    result = yearMonth ? DataType::intervalYearMonth() : DataType::intervalDayTime();
  } else if (n == "ARRAY") {
    result = DataType::array(resolveType(*type.elements[0]));
  } else if (n == "MULTISET") {
    result = DataType::multiset(resolveType(*type.elements[0]));
  } else if (n == "MAP") {
    result = DataType::map(resolveType(*type.elements[0]), resolveType(*type.elements[1]));
  } else if (n == "ROW") {
    std::vector<RowField> fields;
    for (const auto& field : type.fields) {
      for (const auto& existing : fields) {
        if (equalsIgnoreCase(existing.name, field.name)) {
          throw UserError(type.location, "duplicate field '" + field.name + "' in ROW type");
        }
      }
      fields.push_back(RowField{field.name, std::make_shared<const DataType>(resolveType(*field.type)),
                                field.comment});
    }
    result = DataType::row(std::move(fields));
  } else if (n == "RAW") {
    result = DataType::raw(type.rawArguments.empty() ? "" : type.rawArguments[0]);
  } else {
    static const std::vector<std::string> kNames = {
        "BOOLEAN", "TINYINT", "SMALLINT", "INT", "INTEGER", "BIGINT", "FLOAT", "DOUBLE", "DECIMAL",
        "CHAR", "VARCHAR", "STRING", "BINARY", "VARBINARY", "BYTES", "DATE", "TIME", "TIMESTAMP",
        "TIMESTAMP_LTZ", "INTERVAL", "ARRAY", "MULTISET", "MAP", "ROW", "RAW"};
    std::string message = "unknown type '" + n + "'";
    std::string near = nearestName(n, kNames);
    if (!near.empty()) message += "; did you mean '" + near + "'?";
    throw UserError(type.location, message);
  }
  return result.withNullable(!type.notNull);
}

}  // namespace sluice
