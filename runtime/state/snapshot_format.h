// The byte format of state snapshots: a flat sequence of fields, each a byte, a fixed 8-byte
// little-endian integer, a varint count, or varint-length-prefixed bytes. Backends write
// their states and timers with it; readers throw StateError on anything truncated or
// inconsistent, since snapshots come back from disk.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace sluice::runtime {

class SnapshotWriter {
 public:
  void putByte(uint8_t value) { bytes_.push_back(static_cast<char>(value)); }
  void putInt64(int64_t value);
  void putCount(uint64_t value);  // LEB128 varint: most counts and lengths take one byte
  void putBytes(std::string_view value);
  std::string take() { return std::move(bytes_); }

 private:
  std::string bytes_;
};

class SnapshotReader {
 public:
  explicit SnapshotReader(std::string_view bytes) : rest_(bytes) {}

  uint8_t readByte();
  int64_t readInt64();
  // A count of items that each take at least one byte: bounded by what is left, so a corrupt
  // count cannot make the caller reserve gigabytes.
  uint64_t readCount();
  // A view into the snapshot, valid as long as the snapshot's bytes.
  std::string_view readBytes();
  void expectEnd() const;

 private:
  std::string_view rest_;

  uint64_t readVarint();
};

}  // namespace sluice::runtime
