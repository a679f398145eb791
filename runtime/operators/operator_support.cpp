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

StateSize stateSizeOf(const KeyedStateBackend& state) {
  StateSize size;
  for (const StateStatistics& s : state.statistics()) {
    size.keys = std::max(size.keys, s.keys);
    size.bytes += s.approximateBytes;
  }
  return size;
}

}  // namespace sluice::runtime
