#include "runtime/state/key_encoding.h"

#include <bit>
#include <cmath>
#include <cstring>
#include <limits>

namespace sluice::runtime {
namespace {

constexpr uint64_t kSignBit = uint64_t{1} << 63;
constexpr char kNullMarker = 0x00;
constexpr char kValueMarker = 0x01;
// Inside an encoded string: a 0x00 byte is followed by kEscapedZero, the end by kTerminator.
// Both are compared after the 0x00, so "a" (…00 01) sorts before "a\0" (…00 FF …).
constexpr char kEscapedZero = static_cast<char>(0xFF);
constexpr char kTerminator = 0x01;

char byteIn(char byte, SortOrder order) {
  return order == SortOrder::Descending ? static_cast<char>(~byte) : byte;
}

// Monotonic map from doubles to unsigned integers: flipping the sign bit puts positives
// above negatives, and complementing negatives reverses their magnitude order.
uint64_t orderedBits(double value) {
  if (std::isnan(value)) value = std::numeric_limits<double>::quiet_NaN();
  if (value == 0.0) value = 0.0;  // -0.0 equals 0.0 in SQL, so it must encode the same
  const auto bits = std::bit_cast<uint64_t>(value);
  return (bits & kSignBit) ? ~bits : bits ^ kSignBit;
}

double fromOrderedBits(uint64_t ordered) {
  const uint64_t bits = (ordered & kSignBit) ? ordered ^ kSignBit : ~ordered;
  return std::bit_cast<double>(bits);
}

}  // namespace

KeyEncoder& KeyEncoder::appendInt64(int64_t value, SortOrder order) {
  appendBigEndian64(static_cast<uint64_t>(value) ^ kSignBit, order);
  return *this;
}

KeyEncoder& KeyEncoder::appendDouble(double value, SortOrder order) {
  appendBigEndian64(orderedBits(value), order);
  return *this;
}

// One append of 8 bytes rather than 8 push_backs: keys are encoded per row.
void KeyEncoder::appendBigEndian64(uint64_t bits, SortOrder order) {
  if (order == SortOrder::Descending) bits = ~bits;
  char raw[8];
  for (int i = 0; i < 8; ++i) raw[i] = static_cast<char>(bits >> (56 - 8 * i));
  const size_t at = bytes_.size();
  bytes_.resize(at + sizeof raw);
  std::memcpy(bytes_.data() + at, raw, sizeof raw);
}

KeyEncoder& KeyEncoder::appendString(std::string_view text, SortOrder order) {
  const size_t start = bytes_.size();
  bytes_.reserve(start + text.size() + 2);
  for (char c : text) {
    bytes_.push_back(c);
    if (c == 0) bytes_.push_back(kEscapedZero);
  }
  bytes_.push_back(0);
  bytes_.push_back(kTerminator);
  complementFrom(start, order);
  return *this;
}

KeyEncoder& KeyEncoder::appendNullMarker(bool isNull, SortOrder order) {
  bytes_.push_back(byteIn(isNull ? kNullMarker : kValueMarker, order));
  return *this;
}

std::string KeyEncoder::take() {
  std::string key = std::move(bytes_);
  bytes_.clear();
  return key;
}

void KeyEncoder::complementFrom(size_t start, SortOrder order) {
  if (order == SortOrder::Ascending) return;
  for (size_t i = start; i < bytes_.size(); ++i) bytes_[i] = static_cast<char>(~bytes_[i]);
}

uint64_t KeyDecoder::readBigEndian64(SortOrder order) {
  if (rest_.size() < 8) throw KeyDecodingError("key decoding: truncated 8-byte value");
  uint64_t bits = 0;
  for (int i = 0; i < 8; ++i) {
    bits = (bits << 8) | static_cast<uint8_t>(byteIn(rest_[i], order));
  }
  rest_.remove_prefix(8);
  return bits;
}

int64_t KeyDecoder::readInt64(SortOrder order) {
  return static_cast<int64_t>(readBigEndian64(order) ^ kSignBit);
}

double KeyDecoder::readDouble(SortOrder order) {
  return fromOrderedBits(readBigEndian64(order));
}

std::string KeyDecoder::readString(SortOrder order) {
  std::string text;
  for (size_t i = 0; i < rest_.size(); ++i) {
    const char c = byteIn(rest_[i], order);
    if (c != 0) {
      text.push_back(c);
      continue;
    }
    if (i + 1 == rest_.size()) break;
    const char next = byteIn(rest_[i + 1], order);
    if (next == kTerminator) {
      rest_.remove_prefix(i + 2);
      return text;
    }
    if (next != kEscapedZero) throw KeyDecodingError("key decoding: bad escape in a string");
    text.push_back(0);
    ++i;
  }
  throw KeyDecodingError("key decoding: unterminated string");
}

bool KeyDecoder::readNullMarker(SortOrder order) {
  if (rest_.empty()) throw KeyDecodingError("key decoding: missing null marker");
  const char marker = byteIn(rest_[0], order);
  if (marker != kNullMarker && marker != kValueMarker) {
    throw KeyDecodingError("key decoding: bad null marker");
  }
  rest_.remove_prefix(1);
  return marker == kNullMarker;
}

}  // namespace sluice::runtime
