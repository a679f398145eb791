#include "runtime/data/row_hash.h"

#include <cmath>
#include <cstring>

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace sluice::runtime {
namespace {

constexpr uint64_t kNullHash = 0x9e3779b97f4a7c15ULL;

// A strong 64-bit finalizer (the murmur3 fmix64 constants) over seed and value.
uint64_t mix(uint64_t seed, uint64_t value) {
  uint64_t h = seed ^ (value + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2));
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

uint64_t canonicalDoubleBits(double value) {
  if (std::isnan(value)) return 0x7ff8000000000000ULL;
  if (value == 0) return 0;  // -0.0 == 0.0
  uint64_t bits;
  std::memcpy(&bits, &value, sizeof bits);
  return bits;
}

}  // namespace

uint64_t hashValue(const Vector& column, int row, uint64_t seed) {
  if (column.isNull(row)) return mix(seed, kNullHash);
  switch (column.physicalType()) {
    case PhysicalType::Null: return mix(seed, kNullHash);
    case PhysicalType::Bool:
    case PhysicalType::Int8: return mix(seed, static_cast<uint64_t>(column.values<int8_t>()[row]));
    case PhysicalType::Int16: return mix(seed, static_cast<uint64_t>(column.values<int16_t>()[row]));
    case PhysicalType::Int32: return mix(seed, static_cast<uint64_t>(column.values<int32_t>()[row]));
    case PhysicalType::Int64: return mix(seed, static_cast<uint64_t>(column.values<int64_t>()[row]));
    case PhysicalType::Int128: {
      const int128_t value = column.values<int128_t>()[row];
      return mix(mix(seed, static_cast<uint64_t>(value)), static_cast<uint64_t>(value >> 64));
    }
    case PhysicalType::Float32:
      return mix(seed, canonicalDoubleBits(column.values<float>()[row]));
    case PhysicalType::Float64:
      return mix(seed, canonicalDoubleBits(column.values<double>()[row]));
    case PhysicalType::String: {
      const StringRef& text = column.values<StringRef>()[row];
      return mix(seed, XXH3_64bits(text.data(), text.size()));
    }
    case PhysicalType::Row: {
      uint64_t h = mix(seed, column.children().size());
      for (const Vector& field : column.children()) h = hashValue(field, row, h);
      return h;
    }
    case PhysicalType::Array:
    case PhysicalType::Map: {
      const int offset = column.offsets()[row];
      const int size = column.sizes()[row];
      uint64_t h = mix(seed, static_cast<uint64_t>(size));
      for (int i = 0; i < size; ++i) {
        for (const Vector& child : column.children()) h = hashValue(child, offset + i, h);
      }
      return h;
    }
  }
  return seed;
}

void hashRows(const Batch& batch, const std::vector<int>& keys, uint64_t* hashes) {
  const int rows = batch.size();
  for (int row = 0; row < rows; ++row) hashes[row] = 0;
  auto hashColumn = [&](const Vector& column) {
    // The common key types get a tight loop; the rest go through hashValue.
    if (column.physicalType() == PhysicalType::Int64) {
      const int64_t* values = column.values<int64_t>();
      const uint8_t* valid = column.validity();
      for (int row = 0; row < rows; ++row) {
        hashes[row] = mix(hashes[row], valid[row] ? static_cast<uint64_t>(values[row]) : kNullHash);
      }
      return;
    }
    for (int row = 0; row < rows; ++row) hashes[row] = hashValue(column, row, hashes[row]);
  };
  if (keys.empty()) {
    for (int c = 0; c < batch.columnCount(); ++c) hashColumn(batch.column(c));
  } else {
    for (int key : keys) hashColumn(batch.column(key));
  }
}

}  // namespace sluice::runtime
