#include "runtime/data/physical_type.h"

namespace sluice::runtime {

PhysicalType physicalTypeOf(const DataType& type) {
  switch (type.kind()) {
    case TypeKind::Null: return PhysicalType::Null;
    case TypeKind::Boolean: return PhysicalType::Bool;
    case TypeKind::TinyInt: return PhysicalType::Int8;
    case TypeKind::SmallInt: return PhysicalType::Int16;
    case TypeKind::Int: return PhysicalType::Int32;
    case TypeKind::BigInt: return PhysicalType::Int64;
    case TypeKind::Float: return PhysicalType::Float32;
    case TypeKind::Double: return PhysicalType::Float64;
    case TypeKind::Decimal:
      return type.precision() <= kMaxInt64DecimalPrecision ? PhysicalType::Int64
                                                           : PhysicalType::Int128;
    case TypeKind::Char:
    case TypeKind::VarChar:
    case TypeKind::Binary:
    case TypeKind::VarBinary:
    case TypeKind::Raw:
    case TypeKind::Symbol:
    case TypeKind::Descriptor: return PhysicalType::String;
    case TypeKind::Date:
    case TypeKind::Time:
    case TypeKind::IntervalYearMonth: return PhysicalType::Int32;
    case TypeKind::Timestamp:
    case TypeKind::TimestampLtz:
    case TypeKind::IntervalDayTime: return PhysicalType::Int64;
    case TypeKind::Array:
    case TypeKind::Multiset: return PhysicalType::Array;
    case TypeKind::Map: return PhysicalType::Map;
    case TypeKind::Row: return PhysicalType::Row;
  }
  return PhysicalType::Null;
}

int physicalWidth(PhysicalType type) {
  switch (type) {
    case PhysicalType::Null:
    case PhysicalType::Bool:
    case PhysicalType::Int8: return 1;
    case PhysicalType::Int16: return 2;
    case PhysicalType::Int32:
    case PhysicalType::Float32: return 4;
    case PhysicalType::Int64:
    case PhysicalType::Float64: return 8;
    case PhysicalType::Int128:
    case PhysicalType::String: return 16;
    case PhysicalType::Row:
    case PhysicalType::Array:
    case PhysicalType::Map: return 0;
  }
  return 0;
}

const char* physicalTypeName(PhysicalType type) {
  switch (type) {
    case PhysicalType::Null: return "null";
    case PhysicalType::Bool: return "bool";
    case PhysicalType::Int8: return "i8";
    case PhysicalType::Int16: return "i16";
    case PhysicalType::Int32: return "i32";
    case PhysicalType::Int64: return "i64";
    case PhysicalType::Int128: return "i128";
    case PhysicalType::Float32: return "f32";
    case PhysicalType::Float64: return "f64";
    case PhysicalType::String: return "string";
    case PhysicalType::Row: return "row";
    case PhysicalType::Array: return "array";
    case PhysicalType::Map: return "map";
  }
  return "?";
}

bool isFixedWidthNumber(PhysicalType type) {
  switch (type) {
    case PhysicalType::Bool:
    case PhysicalType::Int8:
    case PhysicalType::Int16:
    case PhysicalType::Int32:
    case PhysicalType::Int64:
    case PhysicalType::Float32:
    case PhysicalType::Float64: return true;
    default: return false;
  }
}

bool isFloatingPoint(PhysicalType type) {
  return type == PhysicalType::Float32 || type == PhysicalType::Float64;
}

}  // namespace sluice::runtime
