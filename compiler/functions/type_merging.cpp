// leastRestrictiveType: Flink's LogicalTypeMerging.findCommonType (declared in type_rules.h).
//
// First the "nullable" pass merges types of one family (strings by length, exact numerics by
// digits, timestamps by precision, constructed types child by child); when that finds nothing the
// "castable" pass looks for one type every other type converts to implicitly. The result is
// nullable when any input is (an untyped NULL counts as nullable).
//
// Deviations, on purpose:
//  - Flink's arithmetic patterns (DATETIME with INTERVAL or EXACT_NUMERIC -> the datetime) are not
//    applied here: they serve the '+' operator, which inferArithmetic types explicitly, and they
//    would make CASE WHEN .. THEN DATE ELSE INTERVAL .. END typecheck.
//  - DATE with TIMESTAMP(p) merges to TIMESTAMP(p) whatever the order (Flink's castable pass gives
//    DATE or TIMESTAMP depending on the order of the inputs).
//  - DECIMAL with FLOAT merges to DOUBLE whatever the order (Flink yields FLOAT for FLOAT first).
//  - A time attribute survives only when every non-NULL input carries the same one.
#include <algorithm>

#include "compiler/functions/type_rules.h"

namespace sluice {
namespace {

bool similar(const DataType& a, const DataType& b) {
  if (a.isCharacterString() && b.isCharacterString()) return true;
  if (a.isBinaryString() && b.isBinaryString()) return true;
  if (a.isNumeric() && b.isNumeric()) return true;
  if (a.kind() == TypeKind::Time && b.kind() == TypeKind::Time) return true;
  if (a.isTimestamp() && b.isTimestamp()) return true;
  return a.kind() == b.kind();
}

int digitsOf(const DataType& t) {
  return t.kind() == TypeKind::Decimal ? t.precision() : integerDecimalPrecision(t.kind());
}
int scaleOf(const DataType& t) { return t.kind() == TypeKind::Decimal ? t.scale() : 0; }

DataType commonExactNumeric(const DataType& result, const DataType& type) {
  if (type.sameTypeIgnoringNullability(result)) return result;
  if (result.kind() != TypeKind::Decimal && type.kind() != TypeKind::Decimal) {
    return digitsOf(type) > digitsOf(result) ? type : result;
  }
  const int maxPrecision = DataType::kMaxDecimalPrecision;
  const int whole = std::min(
      std::max(digitsOf(result) - scaleOf(result), digitsOf(type) - scaleOf(type)), maxPrecision);
  const int scale = std::min(std::max(scaleOf(result), scaleOf(type)), maxPrecision - whole);
  return DataType::decimal(whole + scale, scale);
}

DataType stringOfKind(TypeKind kind, int32_t length) {
  switch (kind) {
    case TypeKind::Char: return DataType::charType(length);
    case TypeKind::VarChar: return DataType::varchar(length);
    case TypeKind::Binary: return DataType::binary(length);
    default: return DataType::varbinary(length);
  }
}

DataType commonString(const DataType& result, const DataType& type) {
  const int32_t length = std::max(result.length(), type.length());
  if (result.kind() == TypeKind::VarChar || result.kind() == TypeKind::VarBinary) {
    return stringOfKind(result.kind(), length);  // variable length types stay variable
  }
  if (result.length() != type.length()) {
    // different fixed lengths: avoid padding, as Flink does
    return stringOfKind(result.isCharacterString() ? TypeKind::VarChar : TypeKind::VarBinary,
                        length);
  }
  return stringOfKind(type.kind(), length);
}

DataType commonTimestamp(const DataType& result, const DataType& type) {
  const int precision = std::max(result.precision(), type.precision());
  if (result.kind() == TypeKind::TimestampLtz || type.kind() == TypeKind::TimestampLtz) {
    return DataType::timestampLtz(precision);
  }
  return DataType::timestamp(precision);
}

// ARRAY/MULTISET/MAP/ROW: all non-NULL inputs must be of that kind with as many children; each
// child position merges recursively (keeping the children's own nullability).
std::optional<DataType> commonConstructed(const std::vector<DataType>& types, TypeKind kind) {
  std::vector<const DataType*> inputs;
  for (const auto& t : types) {
    if (t.kind() == TypeKind::Null) continue;
    if (t.kind() != kind) return std::nullopt;
    inputs.push_back(&t);
  }
  auto children = [](const DataType& t) {
    std::vector<DataType> out;
    switch (t.kind()) {
      case TypeKind::Array:
      case TypeKind::Multiset: out.push_back(t.elementType()); break;
      case TypeKind::Map:
        out.push_back(t.keyType());
        out.push_back(t.valueType());
        break;
      default:
        for (const auto& f : t.fields()) out.push_back(*f.type);
    }
    return out;
  };
  const size_t arity = children(*inputs.front()).size();
  std::vector<std::vector<DataType>> columns(arity);
  for (const DataType* t : inputs) {
    auto c = children(*t);
    if (c.size() != arity) return std::nullopt;
    for (size_t i = 0; i < arity; ++i) columns[i].push_back(std::move(c[i]));
  }
  std::vector<DataType> merged;
  for (const auto& column : columns) {
    auto child = leastRestrictiveType(column);
    if (!child) return std::nullopt;
    merged.push_back(*child);
  }
  switch (kind) {
    case TypeKind::Array: return DataType::array(merged[0]);
    case TypeKind::Multiset: return DataType::multiset(merged[0]);
    case TypeKind::Map: return DataType::map(merged[0], merged[1]);
    default: {
      std::vector<RowField> fields = inputs.front()->fields();
      for (size_t i = 0; i < fields.size(); ++i) {
        fields[i].type = std::make_shared<const DataType>(merged[i]);
      }
      return DataType::row(std::move(fields));
    }
  }
}

// Flink's findCommonNullableType over nullable-normalized inputs; nullopt defers to the castable
// pass, DataType::null() means "only NULLs".
std::optional<DataType> commonNullableType(const std::vector<DataType>& types) {
  std::optional<DataType> result;
  for (const auto& type : types) {
    if (type.kind() == TypeKind::Null) continue;
    if (!result) result = type;
    if (type.isConstructed()) return commonConstructed(types, type.kind());
    if (result->kind() == TypeKind::Date && type.isTimestamp()) {
      result = type;
      continue;
    }
    if (result->isTimestamp() && type.kind() == TypeKind::Date) continue;
    if (!similar(*result, type)) return std::nullopt;

    if (type.isCharacterString() || type.isBinaryString()) {
      result = commonString(*result, type);
    } else if (type.isExactNumeric()) {
      if (result->isExactNumeric()) {
        result = commonExactNumeric(*result, type);
      } else if (type.kind() == TypeKind::Decimal) {  // result is approximate
        result = DataType::doubleType();
      }
    } else if (type.isApproximate()) {
      if (result->kind() == TypeKind::Decimal || result->kind() == TypeKind::Double ||
          type.kind() == TypeKind::Double) {
        result = DataType::doubleType();
      } else if (result->isExactNumeric()) {
        result = type;
      }
    } else if (type.kind() == TypeKind::Date) {
      result = DataType::date();
    } else if (type.kind() == TypeKind::Time) {
      result = DataType::time(std::max(result->precision(), type.precision()));
    } else if (type.isTimestamp()) {
      if (!type.sameTypeIgnoringNullability(*result)) result = commonTimestamp(*result, type);
    } else if (type.kind() == TypeKind::IntervalDayTime) {
      result = DataType::intervalDayTime(std::max(result->precision(), type.precision()));
    } else if (type.kind() == TypeKind::IntervalYearMonth) {
      result = DataType::intervalYearMonth();
    } else {
      return std::nullopt;  // BOOLEAN, RAW, ...: the castable pass decides
    }
  }
  return result ? result : std::optional<DataType>(DataType::null());
}

std::optional<DataType> commonCastableType(const std::vector<DataType>& types) {
  DataType result = types.front();
  for (const auto& type : types) {
    if (type.kind() == TypeKind::Null) continue;
    if (canCastImplicitly(result, type)) {
      result = type;
    } else if (!canCastImplicitly(type, result)) {
      return std::nullopt;
    }
  }
  return result;
}

}  // namespace

std::optional<DataType> leastRestrictiveType(std::span<const DataType> types) {
  if (types.empty()) return std::nullopt;
  bool hasRaw = false;
  bool anyNullable = false;
  std::optional<TimeAttribute> attribute;
  bool sameAttribute = true;
  std::vector<DataType> normalized;
  normalized.reserve(types.size());
  for (const auto& t : types) {
    hasRaw = hasRaw || t.kind() == TypeKind::Raw;
    anyNullable = anyNullable || t.nullable();
    if (t.kind() != TypeKind::Null) {
      if (!attribute) attribute = t.timeAttribute();
      sameAttribute = sameAttribute && *attribute == t.timeAttribute();
    }
    normalized.push_back(t.withNullable(true).withTimeAttribute(TimeAttribute::None));
  }

  std::optional<DataType> found;
  if (hasRaw) {
    // all RAW types must be equal
    for (const auto& t : normalized) {
      if (!t.sameTypeIgnoringNullability(normalized.front())) return std::nullopt;
    }
    found = normalized.front();
  } else {
    found = commonNullableType(normalized);
    if (!found) found = commonCastableType(normalized);
  }
  // NULL is reserved for untyped literals: only NULLs have no common type.
  if (!found || found->kind() == TypeKind::Null) return std::nullopt;
  DataType out = found->withNullable(anyNullable);
  if (sameAttribute && attribute && out.isTimestamp()) out = out.withTimeAttribute(*attribute);
  return out;
}

}  // namespace sluice
