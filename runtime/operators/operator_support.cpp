#include "runtime/operators/operator_support.h"

#include <algorithm>
#include <cstring>
#include <string>

#include "runtime/state/value_codec.h"

namespace sluice::runtime {

std::vector<DataType> nodeTypes(const artifact::Node& node) {
  std::vector<DataType> types;
  for (const artifact::Field& field : node.schema) types.push_back(field.type);
  return types;
}

void appendKeyValue(const Value& value, PhysicalType type, KeyEncoder& key) {
  key.appendNullMarker(value.isNull);
  if (value.isNull) return;
  switch (type) {
    case PhysicalType::Float32:
    case PhysicalType::Float64: {
      int64_t bits = 0;
      std::memcpy(&bits, &value.real, sizeof bits);
      key.appendInt64(bits);
      break;
    }
    case PhysicalType::String: key.appendString(value.bytes); break;
    case PhysicalType::Int128:
    case PhysicalType::Row:
    case PhysicalType::Array:
    case PhysicalType::Map: {
      std::string nested;
      encodeValue(value, nested);
      key.appendString(nested);
      break;
    }
    default: key.appendInt64(value.integer); break;
  }
}

// appendKeyValue of the value at `row` of `column`, without boxing the common types.
void appendKeyCell(const Vector& column, int row, KeyEncoder& key) {
  const PhysicalType type = column.physicalType();
  if (!isFixedWidthNumber(type) && type != PhysicalType::String) {
    appendKeyValue(readValue(column, row), type, key);
    return;
  }
  const bool isNull = column.isNull(row);
  key.appendNullMarker(isNull);
  if (isNull) return;
  switch (type) {
    case PhysicalType::Bool: key.appendInt64(column.values<uint8_t>()[row]); return;
    case PhysicalType::Int8: key.appendInt64(column.values<int8_t>()[row]); return;
    case PhysicalType::Int16: key.appendInt64(column.values<int16_t>()[row]); return;
    case PhysicalType::Int32: key.appendInt64(column.values<int32_t>()[row]); return;
    case PhysicalType::Int64: key.appendInt64(column.values<int64_t>()[row]); return;
    case PhysicalType::Float32:
    case PhysicalType::Float64: {
      // A FLOAT is keyed by the bits of its double, as appendKeyValue keys a boxed one.
      const double real = type == PhysicalType::Float32 ? column.values<float>()[row]
                                                        : column.values<double>()[row];
      int64_t bits = 0;
      std::memcpy(&bits, &real, sizeof bits);
      key.appendInt64(bits);
      return;
    }
    default: key.appendString(column.values<StringRef>()[row].view()); return;
  }
}

StateSize stateSizeOf(const KeyedStateBackend& state) {
  StateSize size;
  for (const StateStatistics& s : state.statistics()) {
    size.keys = std::max(size.keys, s.keys);
    size.bytes += s.approximateBytes;
  }
  return size;
}

}  // namespace sluice::runtime
