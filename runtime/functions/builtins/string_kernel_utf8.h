// Helpers shared by the string, regex, JSON and hash kernels: walking UTF-8 by code point (Flink
// counts STRING positions and lengths in characters, not bytes), writing results into the batch
// arena, and registering one kernel per integer storage type (INTEGER-family operands such as
// SUBSTRING's start arrive as TINYINT..BIGINT without being widened).
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

#include "runtime/functions/scalar_kernel_adapter.h"

namespace sluice::runtime::builtins {

// Registration of each string family file (string_kernels_*.cpp); registerStrings calls them all.
void registerStringBasics(ScalarFunctionRegistry& registry);
void registerStringCase(ScalarFunctionRegistry& registry);
void registerStringSlicing(ScalarFunctionRegistry& registry);
void registerStringTrimming(ScalarFunctionRegistry& registry);
void registerStringSearch(ScalarFunctionRegistry& registry);
void registerStringLike(ScalarFunctionRegistry& registry);
void registerStringUrl(ScalarFunctionRegistry& registry);
void registerStringEncoding(ScalarFunctionRegistry& registry);
void registerStringCharsets(ScalarFunctionRegistry& registry);
void registerStringTranslate(ScalarFunctionRegistry& registry);
void registerStringPrintf(ScalarFunctionRegistry& registry);
void registerStringSplitting(ScalarFunctionRegistry& registry);  // SPLIT, STR_TO_MAP (nested)

namespace utf8 {

// Bytes of the sequence a lead byte starts; stray continuation or invalid bytes count as one
// character so malformed input still advances (as Flink's BinaryStringData does).
inline size_t sequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead & 0xE0) == 0xC0 && (lead & 0x1E) != 0) return 2;
  if ((lead & 0xF0) == 0xE0) return 3;
  if ((lead & 0xF8) == 0xF0) return 4;
  return 1;
}

// The byte offset of the character after the one starting at `at`.
inline size_t next(std::string_view text, size_t at) {
  return std::min(text.size(), at + sequenceLength(static_cast<unsigned char>(text[at])));
}

inline int64_t length(std::string_view text) {
  int64_t count = 0;
  for (size_t at = 0; at < text.size(); at = next(text, at)) ++count;
  return count;
}

// The byte offset where character `index` starts, or text.size() past the end.
inline size_t offsetOf(std::string_view text, int64_t index) {
  size_t at = 0;
  for (int64_t i = 0; i < index && at < text.size(); ++i) at = next(text, at);
  return at;
}

// The code point starting at `at` (malformed sequences decode to their lead byte).
inline char32_t decode(std::string_view text, size_t at) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  const size_t size = next(text, at) - at;
  const unsigned char lead = byte(at);
  if (size == 1) return lead;
  char32_t cp = lead & (size == 2 ? 0x1F : size == 3 ? 0x0F : 0x07);
  for (size_t i = 1; i < size; ++i) cp = (cp << 6) | (byte(at + i) & 0x3F);
  return cp;
}

inline void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Appends `bytes` as valid UTF-8, replacing each malformed sequence (its longest valid-looking
// prefix) with U+FFFD, as Java does when it decodes bytes into a String.
inline void appendValid(std::string& out, std::string_view bytes) {
  size_t i = 0;
  while (i < bytes.size()) {
    const auto lead = static_cast<unsigned char>(bytes[i]);
    size_t continuations = 0;
    unsigned char low = 0x80, high = 0xBF;  // the allowed range of the first continuation byte
    if (lead < 0x80) {
      out += static_cast<char>(lead);
      ++i;
      continue;
    } else if (lead >= 0xC2 && lead <= 0xDF) {
      continuations = 1;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      continuations = 2;
      if (lead == 0xE0) low = 0xA0;   // overlong
      if (lead == 0xED) high = 0x9F;  // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      continuations = 3;
      if (lead == 0xF0) low = 0x90;   // overlong
      if (lead == 0xF4) high = 0x8F;  // beyond U+10FFFF
    }
    size_t length = 1;
    while (length <= continuations && i + length < bytes.size()) {
      const auto byte = static_cast<unsigned char>(bytes[i + length]);
      if (byte < (length == 1 ? low : 0x80) || byte > (length == 1 ? high : 0xBF)) break;
      ++length;
    }
    if (continuations > 0 && length == continuations + 1) {
      out.append(bytes.substr(i, length));
    } else {
      out += "\xEF\xBF\xBD";
    }
    i += length;
  }
}

// Flink's BinaryStringData.indexOf: the character index of the first `needle` at or after
// character `from` (negative counts as 0), or -1. An empty needle is found at 0 whatever `from`.
inline int64_t indexOf(std::string_view haystack, std::string_view needle, int64_t from) {
  if (needle.empty()) return 0;
  const size_t start = offsetOf(haystack, std::max<int64_t>(from, 0));
  const size_t found = haystack.find(needle, start);
  if (found == std::string_view::npos) return -1;
  return std::max<int64_t>(from, 0) + length(haystack.substr(start, found - start));
}

}  // namespace utf8

// Copies a result into the arena of the batch being written.
inline StringRef resultString(FunctionCall& call, std::string_view text) {
  return call.arena().copy(text);
}

// An INTEGER-family operand as the Java int Flink passes it; BIGINT values beyond INT clamp.
template <typename Integer>
int32_t toInt32(Integer value) {
  if constexpr (sizeof(Integer) <= sizeof(int32_t)) {
    return static_cast<int32_t>(value);
  } else {
    return static_cast<int32_t>(std::clamp<int64_t>(value, INT32_MIN, INT32_MAX));
  }
}

// Calls f(std::type_identity<T>{}) for the storage type of TINYINT, SMALLINT, INT and BIGINT.
template <typename F>
void forEachIntegerType(F&& f) {
  f(std::type_identity<int8_t>{});
  f(std::type_identity<int16_t>{});
  f(std::type_identity<int32_t>{});
  f(std::type_identity<int64_t>{});
}

// Marks a kernel that can return NULL for non-NULL arguments (it calls call.setNull()).
inline ScalarKernel returningNull(ScalarKernel kernel) {
  kernel.mayReturnNull = true;
  return kernel;
}

}  // namespace sluice::runtime::builtins
