// A 16-byte string view (the Umbra/Velox layout): length, a 4-byte prefix, then either the rest of
// a short string inline (up to 12 bytes in all) or a pointer to bytes owned by a batch arena.
// Equality and ordering of short strings never chase a pointer.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace sluice::runtime {

struct StringRef {
  static constexpr uint32_t kInlineLimit = 12;

  uint32_t length = 0;
  char prefix[4] = {0, 0, 0, 0};
  union {
    char inlined[8];
    const char* pointer;
  } rest = {{0, 0, 0, 0, 0, 0, 0, 0}};

  // Views `size` bytes at `bytes`; a long string's bytes must outlive the view (an arena's).
  static StringRef of(const char* bytes, uint32_t size) {
    StringRef ref;
    ref.length = size;
    if (size <= kInlineLimit) {
      if (size > 0) std::memcpy(ref.prefix, bytes, size);
      return ref;
    }
    std::memcpy(ref.prefix, bytes, 4);
    ref.rest.pointer = bytes;
    return ref;
  }
  static StringRef of(std::string_view text) {
    return of(text.data(), static_cast<uint32_t>(text.size()));
  }

  bool isInline() const { return length <= kInlineLimit; }
  const char* data() const { return isInline() ? prefix : rest.pointer; }
  uint32_t size() const { return length; }
  std::string_view view() const { return {data(), length}; }

  friend bool operator==(const StringRef& a, const StringRef& b) {
    if (a.length != b.length || std::memcmp(a.prefix, b.prefix, 4) != 0) return false;
    return a.view() == b.view();
  }
  // Byte-wise order, as Flink compares STRING (binary UTF-8 order).
  friend int compare(const StringRef& a, const StringRef& b) {
    const int byPrefix = std::memcmp(a.prefix, b.prefix, 4);
    if (byPrefix != 0) return byPrefix;
    const std::string_view av = a.view();
    const std::string_view bv = b.view();
    const int byBytes = av.compare(bv);
    return byBytes < 0 ? -1 : (byBytes > 0 ? 1 : 0);
  }
};

static_assert(sizeof(StringRef) == 16, "StringRef is part of the compiled-code ABI");

}  // namespace sluice::runtime
