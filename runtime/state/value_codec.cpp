#include "runtime/state/value_codec.h"

#include <cmath>
#include <cstring>

#include "runtime/data/arena.h"
#include "runtime/data/vector.h"
#include "runtime/state/keyed_state.h"

namespace sluice::runtime {
namespace {

// One tag byte per value says which fields follow; zero fields are left out.
constexpr uint8_t kNull = 1;
constexpr uint8_t kInteger = 2;
constexpr uint8_t kWide = 4;
constexpr uint8_t kReal = 8;
constexpr uint8_t kBytes = 16;
constexpr uint8_t kChildren = 32;

template <typename T>
void put(std::string& out, T value) {
  char raw[sizeof(T)];
  std::memcpy(raw, &value, sizeof(T));
  out.append(raw, sizeof(T));
}

template <typename T>
T take(std::string_view& in) {
  if (in.size() < sizeof(T)) throw StateError("truncated value in keyed state");
  T value;
  std::memcpy(&value, in.data(), sizeof(T));
  in.remove_prefix(sizeof(T));
  return value;
}

}  // namespace

void encodeValue(const Value& value, std::string& out) {
  uint8_t tag = 0;
  if (value.isNull) tag |= kNull;
  if (value.integer != 0) tag |= kInteger;
  if (value.wide != 0) tag |= kWide;
  if (value.real != 0 || std::signbit(value.real)) tag |= kReal;
  if (!value.bytes.empty()) tag |= kBytes;
  if (!value.children.empty()) tag |= kChildren;
  out.push_back(static_cast<char>(tag));
  if (tag & kInteger) put(out, value.integer);
  if (tag & kWide) put(out, value.wide);
  if (tag & kReal) put(out, value.real);
  if (tag & kBytes) {
    put(out, static_cast<uint32_t>(value.bytes.size()));
    out.append(value.bytes);
  }
  if (tag & kChildren) {
    put(out, static_cast<uint32_t>(value.children.size()));
    for (const Value& child : value.children) encodeValue(child, out);
  }
}

Value decodeValue(std::string_view& in) {
  const auto tag = take<uint8_t>(in);
  Value value;
  value.isNull = (tag & kNull) != 0;
  if (tag & kInteger) value.integer = take<int64_t>(in);
  if (tag & kWide) value.wide = take<int128_t>(in);
  if (tag & kReal) value.real = take<double>(in);
  if (tag & kBytes) {
    const auto size = take<uint32_t>(in);
    if (in.size() < size) throw StateError("truncated value in keyed state");
    value.bytes.assign(in.data(), size);
    in.remove_prefix(size);
  }
  if (tag & kChildren) {
    const auto count = take<uint32_t>(in);
    if (count > in.size()) throw StateError("malformed value in keyed state");
    value.children.reserve(count);
    for (uint32_t i = 0; i < count; ++i) value.children.push_back(decodeValue(in));
  }
  return value;
}

void encodeInteger(int64_t value, std::string& out) {
  if (value == 0) {
    out.push_back(0);
    return;
  }
  out.push_back(static_cast<char>(kInteger));
  put(out, value);
}

namespace {

void encodeReal(double value, std::string& out) {
  if (value == 0 && !std::signbit(value)) {
    out.push_back(0);
    return;
  }
  out.push_back(static_cast<char>(kReal));
  put(out, value);
}

}  // namespace

void encodeCell(const Vector& vector, int row, std::string& out) {
  if (vector.isNull(row)) {
    out.push_back(static_cast<char>(kNull));
    return;
  }
  switch (vector.physicalType()) {
    case PhysicalType::Null: out.push_back(static_cast<char>(kNull)); return;
    case PhysicalType::Bool: encodeInteger(vector.values<uint8_t>()[row], out); return;
    case PhysicalType::Int8: encodeInteger(vector.values<int8_t>()[row], out); return;
    case PhysicalType::Int16: encodeInteger(vector.values<int16_t>()[row], out); return;
    case PhysicalType::Int32: encodeInteger(vector.values<int32_t>()[row], out); return;
    case PhysicalType::Int64: encodeInteger(vector.values<int64_t>()[row], out); return;
    case PhysicalType::Float32: encodeReal(vector.values<float>()[row], out); return;
    case PhysicalType::Float64: encodeReal(vector.values<double>()[row], out); return;
    case PhysicalType::String: {
      const std::string_view bytes = vector.values<StringRef>()[row].view();
      if (bytes.empty()) {
        out.push_back(0);
        return;
      }
      out.push_back(static_cast<char>(kBytes));
      put(out, static_cast<uint32_t>(bytes.size()));
      out.append(bytes);
      return;
    }
    default: encodeValue(readValue(vector, row), out); return;
  }
}

int64_t decodeInteger(std::string_view& in) {
  const auto tag = static_cast<uint8_t>(in.empty() ? 0xff : in.front());
  if ((tag & ~kInteger) != 0) return decodeValue(in).integer;  // null, or other fields to skip
  in.remove_prefix(1);
  return (tag & kInteger) ? take<int64_t>(in) : 0;
}

void decodeCell(std::string_view& in, Vector& vector, int at, Arena& arena) {
  switch (vector.physicalType()) {
    case PhysicalType::Int128:
    case PhysicalType::Row:
    case PhysicalType::Array:
    case PhysicalType::Map: writeValue(vector, at, decodeValue(in), arena); return;
    default: break;
  }
  const auto tag = take<uint8_t>(in);
  int64_t integer = 0;
  double real = 0;
  std::string_view bytes;
  if (tag & kInteger) integer = take<int64_t>(in);
  if (tag & kWide) take<int128_t>(in);
  if (tag & kReal) real = take<double>(in);
  if (tag & kBytes) {
    const auto size = take<uint32_t>(in);
    if (in.size() < size) throw StateError("truncated value in keyed state");
    bytes = in.substr(0, size);
    in.remove_prefix(size);
  }
  if (tag & kChildren) {
    const auto count = take<uint32_t>(in);
    if (count > in.size()) throw StateError("malformed value in keyed state");
    for (uint32_t i = 0; i < count; ++i) decodeValue(in);
  }
  const bool isNull = (tag & kNull) != 0 || vector.physicalType() == PhysicalType::Null;
  vector.setNull(at, isNull);
  if (isNull) return;
  switch (vector.physicalType()) {
    case PhysicalType::Bool: vector.values<uint8_t>()[at] = integer != 0; return;
    case PhysicalType::Int8: vector.values<int8_t>()[at] = static_cast<int8_t>(integer); return;
    case PhysicalType::Int16: vector.values<int16_t>()[at] = static_cast<int16_t>(integer); return;
    case PhysicalType::Int32: vector.values<int32_t>()[at] = static_cast<int32_t>(integer); return;
    case PhysicalType::Int64: vector.values<int64_t>()[at] = integer; return;
    case PhysicalType::Float32: vector.values<float>()[at] = static_cast<float>(real); return;
    case PhysicalType::Float64: vector.values<double>()[at] = real; return;
    case PhysicalType::String: vector.values<StringRef>()[at] = arena.copy(bytes); return;
    default: return;
  }
}

}  // namespace sluice::runtime
