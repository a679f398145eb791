#include "runtime/state/value_codec.h"

#include <cmath>
#include <cstring>

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

}  // namespace sluice::runtime
