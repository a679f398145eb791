#include "runtime/functions/builtins/nested_elements.h"

#include <cmath>

#include "runtime/data/row_hash.h"
#include "runtime/data/vector_copy.h"

namespace sluice::runtime::builtins {
namespace {

bool isNullAt(const Vector& vector, int row) {
  return vector.physicalType() == PhysicalType::Null || vector.isNull(row);
}

// An exact number (integer or DECIMAL) as an unscaled value and its scale.
struct Exact {
  int128_t unscaled = 0;
  int scale = 0;
};

Exact exactAt(const Vector& vector, int row) {
  const DataType& type = vector.type();
  if (type.kind() != TypeKind::Decimal) return {integerAt(vector, row), 0};
  if (vector.physicalType() == PhysicalType::Int128) {
    return {vector.values<int128_t>()[row], type.scale()};
  }
  return {vector.values<int64_t>()[row], type.scale()};
}

double approximateAt(const Vector& vector, int row) {
  switch (vector.physicalType()) {
    case PhysicalType::Float32: return vector.values<float>()[row];
    case PhysicalType::Float64: return vector.values<double>()[row];
    default: break;
  }
  const Exact exact = exactAt(vector, row);
  return static_cast<double>(exact.unscaled) / std::pow(10.0, exact.scale);
}

// -0.0 is 0.0 and NaN is NaN, as rows group.
bool sameReal(double a, double b) {
  return a == b || (std::isnan(a) && std::isnan(b));
}

bool sameExact(Exact a, Exact b) {
  if (a.scale > b.scale) std::swap(a, b);
  int128_t scaled = a.unscaled;
  for (int i = a.scale; i < b.scale; ++i) {
    // A value that overflows when scaled up is beyond anything the other can hold.
    if (__builtin_mul_overflow(scaled, int128_t{10}, &scaled)) return false;
  }
  return scaled == b.unscaled;
}

bool sameNumber(const Vector& a, int rowA, const Vector& b, int rowB) {
  if (a.type().isApproximate() || b.type().isApproximate()) {
    return sameReal(approximateAt(a, rowA), approximateAt(b, rowB));
  }
  return sameExact(exactAt(a, rowA), exactAt(b, rowB));
}

bool sameCollection(const Vector& a, int rowA, const Vector& b, int rowB) {
  const int size = a.sizes()[rowA];
  if (size != b.sizes()[rowB] || a.children().size() != b.children().size()) return false;
  const int firstA = a.offsets()[rowA];
  const int firstB = b.offsets()[rowB];
  for (int i = 0; i < size; ++i) {
    for (size_t c = 0; c < a.children().size(); ++c) {
      if (!sameElement(a.children()[c], firstA + i, b.children()[c], firstB + i)) return false;
    }
  }
  return true;
}

template <typename T>
int threeWay(T a, T b) {
  return a < b ? -1 : (b < a ? 1 : 0);
}

// Java's Double.compare: -0.0 below 0.0, NaN above everything and equal to itself.
int compareReal(double a, double b) {
  if (a < b) return -1;
  if (a > b) return 1;
  const bool nanA = std::isnan(a);
  const bool nanB = std::isnan(b);
  if (nanA || nanB) return nanA == nanB ? 0 : (nanA ? 1 : -1);
  return threeWay(std::signbit(b), std::signbit(a));  // -0.0 (sign set) before 0.0
}

// The same physical types all the way down (gatherRows copies between such vectors).
bool storedAlike(const DataType& a, const DataType& b) {
  if (physicalTypeOf(a) != physicalTypeOf(b)) return false;
  switch (a.kind()) {
    case TypeKind::Row:
      if (a.fields().size() != b.fields().size()) return false;
      for (size_t f = 0; f < a.fields().size(); ++f) {
        if (!storedAlike(*a.fields()[f].type, *b.fields()[f].type)) return false;
      }
      return true;
    case TypeKind::Array:
    case TypeKind::Multiset: return storedAlike(a.elementType(), b.elementType());
    case TypeKind::Map:
      return storedAlike(a.keyType(), b.keyType()) && storedAlike(a.valueType(), b.valueType());
    default: return true;
  }
}

}  // namespace

int64_t integerAt(const Vector& vector, int row) {
  switch (vector.physicalType()) {
    case PhysicalType::Bool:
    case PhysicalType::Int8: return vector.values<int8_t>()[row];
    case PhysicalType::Int16: return vector.values<int16_t>()[row];
    case PhysicalType::Int32: return vector.values<int32_t>()[row];
    case PhysicalType::Int64: return vector.values<int64_t>()[row];
    default: return 0;
  }
}

void appendArray(Vector& out, int row, const Vector& elements,
                 const std::vector<int32_t>& positions) {
  const int size = static_cast<int>(positions.size());
  const int first = appendCollection(out, row, size);
  Vector& target = out.children()[0];
  if (elements.physicalType() == PhysicalType::Null) {
    for (int i = 0; i < size; ++i) setNullValue(target, first + i);
    return;
  }
  if (size > 0) gatherRows(elements, positions.data(), size, target, first);
}

std::string checkElementsFit(const DataType& argument, const DataType& result) {
  if (copiesInto(argument.elementType(), result.elementType())) return {};
  return "elements of " + argument.toString() + " do not fit " + result.toString() +
         " (the array needs a CAST to it)";
}

bool copiesInto(const DataType& from, const DataType& to) {
  return from.kind() == TypeKind::Null || storedAlike(from, to);
}

bool sameElement(const Vector& a, int rowA, const Vector& b, int rowB) {
  const bool nullA = isNullAt(a, rowA);
  const bool nullB = isNullAt(b, rowB);
  if (nullA || nullB) return nullA && nullB;
  if (a.type().isNumeric() && b.type().isNumeric()) return sameNumber(a, rowA, b, rowB);
  if (a.physicalType() != b.physicalType()) return false;
  switch (a.physicalType()) {
    case PhysicalType::Null: return true;
    case PhysicalType::Bool:
    case PhysicalType::Int8: return a.values<int8_t>()[rowA] == b.values<int8_t>()[rowB];
    case PhysicalType::Int16: return a.values<int16_t>()[rowA] == b.values<int16_t>()[rowB];
    case PhysicalType::Int32: return a.values<int32_t>()[rowA] == b.values<int32_t>()[rowB];
    case PhysicalType::Int64: return a.values<int64_t>()[rowA] == b.values<int64_t>()[rowB];
    case PhysicalType::Int128: return a.values<int128_t>()[rowA] == b.values<int128_t>()[rowB];
    case PhysicalType::Float32:
    case PhysicalType::Float64: return sameReal(approximateAt(a, rowA), approximateAt(b, rowB));
    case PhysicalType::String: return stringAt(a, rowA) == stringAt(b, rowB);
    case PhysicalType::Row:
      if (a.children().size() != b.children().size()) return false;
      for (size_t f = 0; f < a.children().size(); ++f) {
        if (!sameElement(a.children()[f], rowA, b.children()[f], rowB)) return false;
      }
      return true;
    case PhysicalType::Array:
    case PhysicalType::Map: return sameCollection(a, rowA, b, rowB);
  }
  return false;
}

bool isOrderable(const DataType& type) {
  switch (type.kind()) {
    case TypeKind::Boolean:
    case TypeKind::Date:
    case TypeKind::Time:
    case TypeKind::Timestamp:
    case TypeKind::TimestampLtz:
    case TypeKind::IntervalYearMonth:
    case TypeKind::IntervalDayTime: return true;
    default: return type.isNumeric() || type.isCharacterString() || type.isBinaryString();
  }
}

int compareElements(const Vector& a, int rowA, const Vector& b, int rowB) {
  switch (a.physicalType()) {
    case PhysicalType::Bool:
    case PhysicalType::Int8: return threeWay(a.values<int8_t>()[rowA], b.values<int8_t>()[rowB]);
    case PhysicalType::Int16: return threeWay(a.values<int16_t>()[rowA], b.values<int16_t>()[rowB]);
    case PhysicalType::Int32: return threeWay(a.values<int32_t>()[rowA], b.values<int32_t>()[rowB]);
    case PhysicalType::Int64: return threeWay(a.values<int64_t>()[rowA], b.values<int64_t>()[rowB]);
    case PhysicalType::Int128:
      return threeWay(a.values<int128_t>()[rowA], b.values<int128_t>()[rowB]);
    case PhysicalType::Float32:
    case PhysicalType::Float64: return compareReal(approximateAt(a, rowA), approximateAt(b, rowB));
    case PhysicalType::String: return compare(stringAt(a, rowA), stringAt(b, rowB));
    default: return 0;  // not orderable (isOrderable is checked when the call is bound)
  }
}

bool ElementSet::insert(const Vector& vector, int row) {
  if (contains(vector, row)) return false;
  entries_.emplace(hashValue(vector, row, 0), std::make_pair(&vector, row));
  return true;
}

bool ElementSet::contains(const Vector& vector, int row) const {
  const auto [begin, end] = entries_.equal_range(hashValue(vector, row, 0));
  for (auto it = begin; it != end; ++it) {
    if (sameElement(*it->second.first, it->second.second, vector, row)) return true;
  }
  return false;
}

}  // namespace sluice::runtime::builtins
