// Small text-scanning helpers shared by the value_text_parse*.cpp files (internal).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace sluice::runtime::text_scan {

inline bool isSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}
inline bool isDigit(char c) {
  return c >= '0' && c <= '9';
}

inline std::string_view trim(std::string_view text) {
  while (!text.empty() && isSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && isSpace(text.back())) text.remove_suffix(1);
  return text;
}

// Reads 1..maxDigits digits at text[pos]; advances pos.
inline std::optional<int64_t> readDigits(std::string_view text, size_t& pos, size_t minDigits,
                                         size_t maxDigits) {
  const size_t start = pos;
  int64_t value = 0;
  while (pos < text.size() && isDigit(text[pos]) && pos - start < maxDigits) {
    value = value * 10 + (text[pos++] - '0');
  }
  if (pos - start < minDigits) return std::nullopt;
  return value;
}

// A whole trimmed part that must be digits only (Flink's isInteger), at most nine of them.
inline std::optional<int64_t> digitsOnly(std::string_view part) {
  part = trim(part);
  size_t pos = 0;
  auto value = readDigits(part, pos, 1, 9);
  if (!value || pos != part.size()) return std::nullopt;
  return value;
}

}  // namespace sluice::runtime::text_scan
