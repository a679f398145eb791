// Flink's cast rules (LogicalTypeCasts.supportsImplicitCast / supportsExplicitCast of Flink 1.17+):
// a table of which type roots convert to which, implicitly (lossless widening) or only with an
// explicit CAST. Declared in type_rules.h.
//
// Deviations, on purpose:
//  - DATE converts implicitly to TIMESTAMP and TIMESTAMP_LTZ (Calcite's assignment rules and the
//    contract in type_rules.h); Flink's table only has TIMESTAMP -> DATE.
//  - exact numeric <-> interval is explicit only: Flink allows it for single-field intervals, but
//    our interval types do not record their fields.
#include "compiler/functions/type_rules.h"

namespace sluice {
namespace {

bool isCharacter(TypeKind k) { return k == TypeKind::Char || k == TypeKind::VarChar; }
bool isBinary(TypeKind k) { return k == TypeKind::Binary || k == TypeKind::VarBinary; }
bool isIntegerKind(TypeKind k) {
  return k == TypeKind::TinyInt || k == TypeKind::SmallInt || k == TypeKind::Int ||
         k == TypeKind::BigInt;
}
bool isNumericKind(TypeKind k) {
  return isIntegerKind(k) || k == TypeKind::Decimal || k == TypeKind::Float ||
         k == TypeKind::Double;
}
bool isTimestampKind(TypeKind k) { return k == TypeKind::Timestamp || k == TypeKind::TimestampLtz; }
bool isDatetimeKind(TypeKind k) {
  return k == TypeKind::Date || k == TypeKind::Time || isTimestampKind(k);
}
bool isIntervalKind(TypeKind k) {
  return k == TypeKind::IntervalYearMonth || k == TypeKind::IntervalDayTime;
}
// Flink's PREDEFINED family: every type that is not constructed, user-defined or special.
bool isPredefined(TypeKind k) {
  return k == TypeKind::Boolean || isNumericKind(k) || isCharacter(k) || isBinary(k) ||
         isDatetimeKind(k) || isIntervalKind(k) || k == TypeKind::Null;
}

// Integer widening order: TINYINT < SMALLINT < INT < BIGINT.
int integerRank(TypeKind k) { return integerDecimalPrecision(k); }

bool implicitRule(TypeKind from, TypeKind to) {
  if (from == to) return true;
  switch (to) {
    case TypeKind::VarChar: return isCharacter(from);
    case TypeKind::VarBinary: return isBinary(from);
    case TypeKind::Decimal:
    case TypeKind::Double: return isNumericKind(from);
    case TypeKind::SmallInt:
    case TypeKind::Int:
    case TypeKind::BigInt: return isIntegerKind(from) && integerRank(from) <= integerRank(to);
    case TypeKind::Float: return isIntegerKind(from) || from == TypeKind::Decimal;
    case TypeKind::Date: return from == TypeKind::Timestamp;
    case TypeKind::Time: return from == TypeKind::Timestamp;
    case TypeKind::Timestamp:
    case TypeKind::TimestampLtz: return isTimestampKind(from) || from == TypeKind::Date;
    default: return false;
  }
}

bool explicitRule(TypeKind from, TypeKind to) {
  const bool fromTimestampNoLocal = from == TypeKind::Timestamp || from == TypeKind::TimestampLtz;
  switch (to) {
    case TypeKind::Char:
    case TypeKind::VarChar: return isPredefined(from);
    case TypeKind::Boolean: return isCharacter(from) || isIntegerKind(from);
    case TypeKind::Binary:
    case TypeKind::VarBinary: return isCharacter(from) || isBinary(from);
    case TypeKind::Decimal:
    case TypeKind::TinyInt:
    case TypeKind::SmallInt:
    case TypeKind::Int:
    case TypeKind::BigInt:
      return isNumericKind(from) || isCharacter(from) || isIntervalKind(from) ||
             from == TypeKind::Boolean || fromTimestampNoLocal;
    case TypeKind::Float:
    case TypeKind::Double:
      return isNumericKind(from) || isCharacter(from) || from == TypeKind::Boolean ||
             fromTimestampNoLocal;
    case TypeKind::Date: return isTimestampKind(from) || isCharacter(from);
    case TypeKind::Time:
      return from == TypeKind::Time || isTimestampKind(from) || isCharacter(from);
    case TypeKind::Timestamp:
    case TypeKind::TimestampLtz:
      return isDatetimeKind(from) || isCharacter(from) || isNumericKind(from);
    case TypeKind::IntervalYearMonth:
    case TypeKind::IntervalDayTime: return isCharacter(from);
    default: return false;
  }
}

bool supportsCasting(const DataType& from, const DataType& to, bool allowExplicit);

// ARRAY/MULTISET/MAP/ROW convert only within the same kind, child by child (field names are
// ignored); explicitly, every constructed type also converts to a character string.
bool supportsConstructedCasting(const DataType& from, const DataType& to, bool allowExplicit) {
  if (from.kind() != to.kind()) {
    return allowExplicit && from.isConstructed() && to.isCharacterString();
  }
  switch (from.kind()) {
    case TypeKind::Array:
    case TypeKind::Multiset:
      return supportsCasting(from.elementType(), to.elementType(), allowExplicit);
    case TypeKind::Map:
      return supportsCasting(from.keyType(), to.keyType(), allowExplicit) &&
             supportsCasting(from.valueType(), to.valueType(), allowExplicit);
    case TypeKind::Row: {
      const auto& a = from.fields();
      const auto& b = to.fields();
      if (a.size() != b.size()) return false;
      for (size_t i = 0; i < a.size(); ++i) {
        if (!supportsCasting(*a[i].type, *b[i].type, allowExplicit)) return false;
      }
      return true;
    }
    default: return false;
  }
}

bool supportsCasting(const DataType& from, const DataType& to, bool allowExplicit) {
  // A NOT NULL type cannot hold NULLs; an explicit cast may assert it does not see any.
  if (from.nullable() && !to.nullable() && !allowExplicit) return false;
  if (from.sameTypeIgnoringNullability(to)) return true;
  const TypeKind source = from.kind();
  const TypeKind target = to.kind();
  if (source == TypeKind::Null) return true;  // an untyped NULL converts to anything
  if ((from.isInterval() && to.isExactNumeric()) || (from.isExactNumeric() && to.isInterval())) {
    return allowExplicit;
  }
  if (from.isConstructed() || to.isConstructed()) {
    return supportsConstructedCasting(from, to, allowExplicit);
  }
  if (source == TypeKind::Raw) {
    return allowExplicit && (isCharacter(target) || isBinary(target));
  }
  if (target == TypeKind::Raw || source == TypeKind::Symbol || target == TypeKind::Symbol ||
      source == TypeKind::Descriptor || target == TypeKind::Descriptor) {
    return false;
  }
  if (implicitRule(source, target)) return true;
  return allowExplicit && explicitRule(source, target);
}

}  // namespace

bool canCastImplicitly(const DataType& from, const DataType& to) {
  return supportsCasting(from, to, /*allowExplicit=*/false);
}

bool canCastExplicitly(const DataType& from, const DataType& to) {
  return supportsCasting(from, to, /*allowExplicit=*/true);
}

}  // namespace sluice
