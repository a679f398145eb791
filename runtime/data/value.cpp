#include "runtime/data/value.h"

#include "runtime/data/arena.h"
#include "runtime/data/vector.h"

namespace sluice::runtime {

Value Value::ofInteger(int64_t v) {
  Value value;
  value.isNull = false;
  value.integer = v;
  return value;
}

Value Value::ofWide(int128_t v) {
  Value value;
  value.isNull = false;
  value.wide = v;
  return value;
}

Value Value::ofReal(double v) {
  Value value;
  value.isNull = false;
  value.real = v;
  return value;
}

Value Value::ofBytes(std::string v) {
  Value value;
  value.isNull = false;
  value.bytes = std::move(v);
  return value;
}

Value Value::ofChildren(std::vector<Value> v) {
  Value value;
  value.isNull = false;
  value.children = std::move(v);
  return value;
}

Value readValue(const Vector& vector, int row) {
  if (vector.isNull(row)) return Value::null();
  switch (vector.physicalType()) {
    case PhysicalType::Null: return Value::null();
    case PhysicalType::Bool: return Value::ofInteger(vector.values<uint8_t>()[row]);
    case PhysicalType::Int8: return Value::ofInteger(vector.values<int8_t>()[row]);
    case PhysicalType::Int16: return Value::ofInteger(vector.values<int16_t>()[row]);
    case PhysicalType::Int32: return Value::ofInteger(vector.values<int32_t>()[row]);
    case PhysicalType::Int64: return Value::ofInteger(vector.values<int64_t>()[row]);
    case PhysicalType::Int128: return Value::ofWide(vector.values<int128_t>()[row]);
    case PhysicalType::Float32: return Value::ofReal(vector.values<float>()[row]);
    case PhysicalType::Float64: return Value::ofReal(vector.values<double>()[row]);
    case PhysicalType::String:
      return Value::ofBytes(std::string(vector.values<StringRef>()[row].view()));
    case PhysicalType::Row: {
      std::vector<Value> fields;
      for (const Vector& child : vector.children()) fields.push_back(readValue(child, row));
      return Value::ofChildren(std::move(fields));
    }
    case PhysicalType::Array:
    case PhysicalType::Map: {
      std::vector<Value> items;
      const int first = vector.offsets()[row];
      const int count = vector.sizes()[row];
      for (int i = first; i < first + count; ++i) {
        for (const Vector& child : vector.children()) items.push_back(readValue(child, i));
      }
      return Value::ofChildren(std::move(items));
    }
  }
  return Value::null();
}

void writeValue(Vector& vector, int row, const Value& value, Arena& arena) {
  if (value.isNull) {
    vector.setNull(row, true);
    if (vector.physicalType() == PhysicalType::Row) {
      for (Vector& child : vector.children()) child.setNull(row, true);
    }
    if (vector.physicalType() == PhysicalType::Array || vector.physicalType() == PhysicalType::Map) {
      vector.offsets()[row] = 0;
      vector.sizes()[row] = 0;
    }
    return;
  }
  vector.setNull(row, false);
  switch (vector.physicalType()) {
    case PhysicalType::Null: vector.setNull(row, true); return;
    case PhysicalType::Bool: vector.values<uint8_t>()[row] = value.integer != 0; return;
    case PhysicalType::Int8: vector.values<int8_t>()[row] = static_cast<int8_t>(value.integer); return;
    case PhysicalType::Int16:
      vector.values<int16_t>()[row] = static_cast<int16_t>(value.integer);
      return;
    case PhysicalType::Int32:
      vector.values<int32_t>()[row] = static_cast<int32_t>(value.integer);
      return;
    case PhysicalType::Int64: vector.values<int64_t>()[row] = value.integer; return;
    case PhysicalType::Int128: vector.values<int128_t>()[row] = value.wide; return;
    case PhysicalType::Float32: vector.values<float>()[row] = static_cast<float>(value.real); return;
    case PhysicalType::Float64: vector.values<double>()[row] = value.real; return;
    case PhysicalType::String: vector.values<StringRef>()[row] = arena.copy(value.bytes); return;
    case PhysicalType::Row:
      for (size_t i = 0; i < vector.children().size(); ++i) {
        writeValue(vector.children()[i], row,
                   i < value.children.size() ? value.children[i] : Value::null(), arena);
      }
      return;
    case PhysicalType::Array:
    case PhysicalType::Map: {
      const int width = static_cast<int>(vector.children().size());
      const int count = static_cast<int>(value.children.size()) / width;
      const int first = vector.appendChildRows(count);
      vector.offsets()[row] = first;
      vector.sizes()[row] = count;
      for (int i = 0; i < count; ++i) {
        for (int c = 0; c < width; ++c) {
          writeValue(vector.children()[c], first + i, value.children[i * width + c], arena);
        }
      }
      return;
    }
  }
}

}  // namespace sluice::runtime
