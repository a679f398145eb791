// Order-preserving ("memcomparable") binary encodings of SQL values, so that comparing two
// encoded keys byte by byte (memcmp, std::string's operator<, RocksDB's default comparator)
// orders them like the values they encode. Sorted map states rely on it to keep event-time
// buffers, OVER frames and TopN rankings in SQL order; hash-keyed states use it simply as a
// canonical form (equal values, equal bytes).
//
// Several values may be appended one after the other to build a composite key, e.g.
// (window_end, user_id): every encoding is prefix-free, so the first value decides the order
// and the next one only breaks ties. The encoder knows nothing about batches or types: an
// operator walks its key columns and appends each value itself.
//
//   BIGINT, TIMESTAMP, ...  8 bytes big-endian with the sign bit flipped (negatives first)
//   DOUBLE                  8 bytes: IEEE bits, negatives complemented, positives sign-flipped;
//                           -0.0 is stored as 0.0 and every NaN as one NaN, greater than +inf
//   STRING, BYTES           the bytes with 0x00 escaped as 0x00 0xFF, then 0x00 0x01
//   nullable column         a marker byte first: 0x00 for NULL (NULLs sort first), 0x01 before
//                           a value
//
// A value appended with SortOrder::Descending has all its bytes complemented, which reverses
// its order (and puts NULLs last, Flink's default for DESC).
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace sluice::runtime {

enum class SortOrder : uint8_t { Ascending, Descending };

class KeyEncoder {
 public:
  KeyEncoder& appendInt64(int64_t value, SortOrder order = SortOrder::Ascending);
  KeyEncoder& appendDouble(double value, SortOrder order = SortOrder::Ascending);
  KeyEncoder& appendString(std::string_view bytes, SortOrder order = SortOrder::Ascending);
  // For a nullable column: call with the value's nullness, then append the value only if it
  // is not null. Use the same order as the value.
  KeyEncoder& appendNullMarker(bool isNull, SortOrder order = SortOrder::Ascending);

  const std::string& bytes() const { return bytes_; }
  // Moves the encoded key out and leaves the encoder empty for the next key.
  std::string take();
  // Starts a new key, keeping the buffer's capacity (encode one key per row without
  // allocating).
  void clear() { bytes_.clear(); }

 private:
  std::string bytes_;

  void complementFrom(size_t start, SortOrder order);
  void appendBigEndian64(uint64_t bits, SortOrder order);
};

// Malformed or truncated input to a KeyDecoder: the reads do not match the appends.
class KeyDecodingError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Reads back what a KeyEncoder wrote, in the same order and with the same SortOrders.
class KeyDecoder {
 public:
  explicit KeyDecoder(std::string_view bytes) : rest_(bytes) {}

  int64_t readInt64(SortOrder order = SortOrder::Ascending);
  double readDouble(SortOrder order = SortOrder::Ascending);
  std::string readString(SortOrder order = SortOrder::Ascending);
  // True when the column is NULL (and no value follows).
  bool readNullMarker(SortOrder order = SortOrder::Ascending);

  bool atEnd() const { return rest_.empty(); }
  std::string_view rest() const { return rest_; }

 private:
  std::string_view rest_;

  uint64_t readBigEndian64(SortOrder order);
};

}  // namespace sluice::runtime
