#include "compiler/parser/string_literal_decoder.h"

#include <cstdint>

namespace sluice {

static std::string removeQuotes(std::string_view body, char quote) {
  std::string out;
  out.reserve(body.size());
  for (size_t i = 0; i < body.size(); ++i) {
    out += body[i];
    if (body[i] == quote && i + 1 < body.size() && body[i + 1] == quote) ++i;
  }
  return out;
}

static void appendUtf8(std::string& out, uint32_t code) {
  if (code >= 0x10000) {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

static bool isHex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// U&'...' uses \XXXX escapes (and \\ for a backslash).
static Result<std::string> decodeUnicodeEscapes(const std::string& text, char escape) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != escape) {
      out += text[i];
      continue;
    }
    if (i + 1 < text.size() && text[i + 1] == escape) {
      out += escape;
      ++i;
      continue;
    }
    if (i + 1 < text.size() && text[i + 1] == '+') {
      // <escape>+XXXXXX: a code point in six hex digits.
      std::string digits = i + 8 <= text.size() ? text.substr(i + 2, 6) : "";
      bool valid = digits.size() == 6;
      for (char c : digits) valid = valid && isHex(c);
      if (!valid) return fail("invalid unicode escape in string literal; expected +XXXXXX");
      appendUtf8(out, static_cast<uint32_t>(std::stoul(digits, nullptr, 16)));
      i += 7;
      continue;
    }
    if (i + 4 >= text.size() || !isHex(text[i + 1]) || !isHex(text[i + 2]) ||
        !isHex(text[i + 3]) || !isHex(text[i + 4])) {
      return fail("invalid unicode escape in string literal; expected \\XXXX");
    }
    appendUtf8(out, static_cast<uint32_t>(std::stoul(text.substr(i + 1, 4), nullptr, 16)));
    i += 4;
  }
  return out;
}

Result<std::string> decodeStringLiteral(std::string_view token, char unicodeEscape) {
  if (token.size() >= 3 && (token[0] == 'U' || token[0] == 'u') && token[1] == '&') {
    return decodeUnicodeEscapes(removeQuotes(token.substr(3, token.size() - 4), '\''), unicodeEscape);
  }
  if (token.size() < 2) return fail("malformed string literal");
  char quote = token[0];
  return removeQuotes(token.substr(1, token.size() - 2), quote);
}

std::string decodeBackquotedIdentifier(std::string_view token) {
  if (token.size() < 2) return std::string(token);
  return removeQuotes(token.substr(1, token.size() - 2), '`');
}

}  // namespace sluice
