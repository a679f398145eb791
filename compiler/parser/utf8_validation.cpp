#include "compiler/parser/utf8_validation.h"

namespace sluice {

namespace {

// Length of the valid UTF-8 sequence starting at text[i], or 0 when it is invalid.
size_t sequenceLength(const std::string& text, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char lead = byte(i);
  size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
  if (length == 0 || i + length > text.size()) return 0;
  for (size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  }
  uint32_t code = length == 1 ? lead : lead & (0x7F >> length);
  for (size_t k = 1; k < length; ++k) code = (code << 6) | (byte(i + k) & 0x3F);
  static const uint32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
  bool overlong = code < kMinimum[length];
  bool surrogate = code >= 0xD800 && code <= 0xDFFF;
  return overlong || surrogate || code > 0x10FFFF ? 0 : length;
}

}  // namespace

std::string replaceInvalidUtf8(const std::string& text, DiagnosticSink& diagnostics) {
  std::string out;
  out.reserve(text.size());
  int line = 1, column = 1;
  bool reported = false;
  for (size_t i = 0; i < text.size();) {
    size_t length = sequenceLength(text, i);
    if (length == 0) {
      if (!reported) {
        diagnostics.error({line, column}, "invalid UTF-8 byte sequence; SQL files must be UTF-8");
        reported = true;  // one report per file: the rest is usually the same encoding problem
      }
      out += '?';
      ++i;
      ++column;
      continue;
    }
    out.append(text, i, length);
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    i += length;
  }
  return out;
}

}  // namespace sluice
