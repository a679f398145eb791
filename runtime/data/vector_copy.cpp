#include "runtime/data/vector_copy.h"

#include <cstring>
#include <numeric>
#include <vector>

namespace sluice::runtime {
namespace {

template <typename T>
void gatherFixed(const Vector& from, const int32_t* rows, int count, Vector& to, int toRow) {
  const T* source = from.values<T>();
  T* target = to.values<T>() + toRow;
  for (int k = 0; k < count; ++k) target[k] = source[rows[k]];
}

template <typename T>
void copyFixed(const Vector& from, const int32_t* rows, int count, Vector& to) {
  const T* source = from.values<T>();
  T* target = to.values<T>();
  for (int k = 0; k < count; ++k) target[rows[k]] = source[rows[k]];
}

}  // namespace

void copyPositions(const Vector& from, const int32_t* rows, int count, Vector& to) {
  for (int k = 0; k < count; ++k) to.validity()[rows[k]] = from.validity()[rows[k]];
  switch (from.physicalType()) {
    case PhysicalType::Null:
    case PhysicalType::Bool:
    case PhysicalType::Int8: copyFixed<int8_t>(from, rows, count, to); return;
    case PhysicalType::Int16: copyFixed<int16_t>(from, rows, count, to); return;
    case PhysicalType::Int32:
    case PhysicalType::Float32: copyFixed<int32_t>(from, rows, count, to); return;
    case PhysicalType::Int64:
    case PhysicalType::Float64: copyFixed<int64_t>(from, rows, count, to); return;
    case PhysicalType::Int128: copyFixed<int128_t>(from, rows, count, to); return;
    case PhysicalType::String: copyFixed<StringRef>(from, rows, count, to); return;
    case PhysicalType::Row:
    case PhysicalType::Array:
    case PhysicalType::Map:
      for (int k = 0; k < count; ++k) gatherRows(from, rows + k, 1, to, rows[k]);
      return;
  }
}

void gatherRows(const Vector& from, const int32_t* rows, int count, Vector& to, int toRow) {
  if (to.capacity() < toRow + count) to.reserve(std::max(toRow + count, to.capacity() * 2));
  const uint8_t* validity = from.validity();
  uint8_t* targetValidity = to.validity() + toRow;
  for (int k = 0; k < count; ++k) targetValidity[k] = validity[rows[k]];
  switch (from.physicalType()) {
    case PhysicalType::Null:
    case PhysicalType::Bool:
    case PhysicalType::Int8: gatherFixed<int8_t>(from, rows, count, to, toRow); return;
    case PhysicalType::Int16: gatherFixed<int16_t>(from, rows, count, to, toRow); return;
    case PhysicalType::Int32:
    case PhysicalType::Float32: gatherFixed<int32_t>(from, rows, count, to, toRow); return;
    case PhysicalType::Int64:
    case PhysicalType::Float64: gatherFixed<int64_t>(from, rows, count, to, toRow); return;
    case PhysicalType::Int128: gatherFixed<int128_t>(from, rows, count, to, toRow); return;
    case PhysicalType::String: gatherFixed<StringRef>(from, rows, count, to, toRow); return;
    case PhysicalType::Row:
      for (size_t c = 0; c < from.children().size(); ++c) {
        gatherRows(from.children()[c], rows, count, to.children()[c], toRow);
      }
      return;
    case PhysicalType::Array:
    case PhysicalType::Map: {
      // Each collection's elements are appended to the target's children, contiguously.
      for (int k = 0; k < count; ++k) {
        const int row = rows[k];
        const int size = from.sizes()[row];
        const int first = to.appendChildRows(size);
        to.offsets()[toRow + k] = first;
        to.sizes()[toRow + k] = size;
        for (size_t c = 0; c < from.children().size(); ++c) {
          copyRows(from.children()[c], from.offsets()[row], size, to.children()[c], first);
        }
      }
      return;
    }
  }
}

void copyRows(const Vector& from, int fromRow, int count, Vector& to, int toRow) {
  if (count <= 0) return;
  std::vector<int32_t> rows(count);
  std::iota(rows.begin(), rows.end(), fromRow);
  gatherRows(from, rows.data(), count, to, toRow);
}

}  // namespace sluice::runtime
