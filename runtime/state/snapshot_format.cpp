#include "runtime/state/snapshot_format.h"

#include "runtime/state/keyed_state.h"

namespace sluice::runtime {
namespace {

[[noreturn]] void corrupt(const char* what) {
  throw StateError(std::string("corrupt state snapshot: ") + what);
}

}  // namespace

void SnapshotWriter::putInt64(int64_t value) {
  const auto bits = static_cast<uint64_t>(value);
  for (int shift = 0; shift < 64; shift += 8) bytes_.push_back(static_cast<char>(bits >> shift));
}

void SnapshotWriter::putCount(uint64_t value) {
  while (value >= 0x80) {
    bytes_.push_back(static_cast<char>((value & 0x7F) | 0x80));
    value >>= 7;
  }
  bytes_.push_back(static_cast<char>(value));
}

void SnapshotWriter::putBytes(std::string_view value) {
  putCount(value.size());
  bytes_.append(value);
}

uint8_t SnapshotReader::readByte() {
  if (rest_.empty()) corrupt("truncated");
  const auto value = static_cast<uint8_t>(rest_[0]);
  rest_.remove_prefix(1);
  return value;
}

int64_t SnapshotReader::readInt64() {
  if (rest_.size() < 8) corrupt("truncated");
  uint64_t bits = 0;
  for (int i = 7; i >= 0; --i) bits = (bits << 8) | static_cast<uint8_t>(rest_[i]);
  rest_.remove_prefix(8);
  return static_cast<int64_t>(bits);
}

uint64_t SnapshotReader::readVarint() {
  uint64_t value = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    const uint8_t byte = readByte();
    value |= static_cast<uint64_t>(byte & 0x7F) << shift;
    if ((byte & 0x80) == 0) return value;
  }
  corrupt("varint too long");
}

uint64_t SnapshotReader::readCount() {
  const uint64_t count = readVarint();
  if (count > rest_.size()) corrupt("count larger than the rest of the snapshot");
  return count;
}

std::string_view SnapshotReader::readBytes() {
  const uint64_t size = readVarint();
  if (size > rest_.size()) corrupt("truncated bytes");
  const std::string_view value = rest_.substr(0, size);
  rest_.remove_prefix(size);
  return value;
}

void SnapshotReader::expectEnd() const {
  if (!rest_.empty()) corrupt("trailing bytes");
}

}  // namespace sluice::runtime
