// ENCODE(string, charset) and DECODE(bytes, charset) with the character sets Flink documents:
// 'US-ASCII', 'ISO-8859-1', 'UTF-8', 'UTF-16BE', 'UTF-16LE' and 'UTF-16' (names and Java's common
// aliases in any case). As Java's String.getBytes / new String(bytes, charset): a character the
// charset cannot hold encodes as '?', bytes that decode to no character become U+FFFD, 'UTF-16'
// writes a big-endian byte-order mark and reads one if present (big-endian without). Another
// charset fails the job, as Java's UnsupportedEncodingException does.
#include <strings.h>

#include <array>
#include <cstring>
#include <optional>

#include "runtime/functions/builtins/string_kernel_utf8.h"

namespace sluice::runtime::builtins {
namespace {

enum class Charset : uint8_t { Ascii, Latin1, Utf8, Utf16Be, Utf16Le, Utf16 };

struct CharsetName {
  const char* name;
  Charset charset;
};

constexpr std::array<CharsetName, 20> kCharsetNames = {{
    {"US-ASCII", Charset::Ascii},    {"ASCII", Charset::Ascii},
    {"ISO646-US", Charset::Ascii},   {"ISO-8859-1", Charset::Latin1},
    {"ISO8859_1", Charset::Latin1},  {"ISO_8859_1", Charset::Latin1},
    {"ISO_8859-1", Charset::Latin1}, {"ISO8859-1", Charset::Latin1},
    {"LATIN1", Charset::Latin1},     {"L1", Charset::Latin1},
    {"UTF-8", Charset::Utf8},        {"UTF8", Charset::Utf8},
    {"UTF-16BE", Charset::Utf16Be},  {"UTF_16BE", Charset::Utf16Be},
    {"UTF-16LE", Charset::Utf16Le},  {"UTF_16LE", Charset::Utf16Le},
    {"UTF-16", Charset::Utf16},      {"UTF_16", Charset::Utf16},
    {"UTF16", Charset::Utf16},       {"UNICODE", Charset::Utf16},
}};

std::optional<Charset> charsetNamed(std::string_view name) {
  for (const CharsetName& entry : kCharsetNames) {
    if (name.size() == std::strlen(entry.name) &&
        strncasecmp(name.data(), entry.name, name.size()) == 0) {
      return entry.charset;
    }
  }
  return std::nullopt;
}

std::string unsupported(std::string_view name) {
  return "unsupported charset '" + std::string(name) + "'";
}

// A constant charset name is checked once, when the call is bound.
std::string bindCharset(CallSite& site) {
  if (site.constants.size() < 2 || !site.constants[1] || site.constants[1]->isNull) return {};
  return charsetNamed(site.constants[1]->bytes) ? std::string()
                                                : unsupported(site.constants[1]->bytes);
}

void appendUnit(std::string& out, uint16_t unit, bool bigEndian) {
  const auto high = static_cast<char>(unit >> 8);
  const auto low = static_cast<char>(unit & 0xFF);
  out += bigEndian ? high : low;
  out += bigEndian ? low : high;
}

// One character as a UTF-16 unit or surrogate pair.
void appendUtf16(std::string& out, char32_t cp, bool bigEndian) {
  if (cp < 0x10000) {
    appendUnit(out, static_cast<uint16_t>(cp), bigEndian);
    return;
  }
  appendUnit(out, static_cast<uint16_t>(0xD800 + ((cp - 0x10000) >> 10)), bigEndian);
  appendUnit(out, static_cast<uint16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF)), bigEndian);
}

std::string encode(std::string_view text, Charset charset) {
  if (charset == Charset::Utf8) return std::string(text);
  // One byte per character, '?' for those beyond the charset.
  if (charset == Charset::Ascii || charset == Charset::Latin1) {
    const char32_t limit = charset == Charset::Ascii ? 0x80 : 0x100;
    std::string out;
    for (size_t at = 0; at < text.size(); at = utf8::next(text, at)) {
      const char32_t cp = utf8::decode(text, at);
      out += cp < limit ? static_cast<char>(cp) : '?';
    }
    return out;
  }
  const bool bigEndian = charset != Charset::Utf16Le;
  std::string out;
  if (charset == Charset::Utf16) appendUnit(out, 0xFEFF, true);
  for (size_t at = 0; at < text.size(); at = utf8::next(text, at)) {
    appendUtf16(out, utf8::decode(text, at), bigEndian);
  }
  return out;
}

constexpr char32_t kReplacement = 0xFFFD;

void decodeUtf16(std::string_view bytes, bool bigEndian, std::string& out) {
  const auto unitAt = [&](size_t i) {
    const auto first = static_cast<unsigned char>(bytes[i]);
    const auto second = static_cast<unsigned char>(bytes[i + 1]);
    return static_cast<char32_t>(bigEndian ? (first << 8 | second) : (second << 8 | first));
  };
  size_t i = 0;
  for (; i + 1 < bytes.size(); i += 2) {
    const char32_t unit = unitAt(i);
    if (unit < 0xD800 || unit > 0xDFFF) {
      utf8::append(out, unit);
    } else if (unit <= 0xDBFF && i + 3 < bytes.size() && unitAt(i + 2) >= 0xDC00 &&
               unitAt(i + 2) <= 0xDFFF) {
      utf8::append(out, 0x10000 + ((unit - 0xD800) << 10) + (unitAt(i + 2) - 0xDC00));
      i += 2;
    } else {
      utf8::append(out, kReplacement);
    }
  }
  if (i < bytes.size()) utf8::append(out, kReplacement);  // an odd last byte
}

std::string decode(std::string_view bytes, Charset charset) {
  std::string out;
  switch (charset) {
    case Charset::Ascii:
      for (const char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        utf8::append(out, byte < 0x80 ? byte : kReplacement);
      }
      break;
    case Charset::Latin1:
      for (const char c : bytes) utf8::append(out, static_cast<unsigned char>(c));
      break;
    case Charset::Utf8: utf8::appendValid(out, bytes); break;
    case Charset::Utf16Be: decodeUtf16(bytes, true, out); break;
    case Charset::Utf16Le: decodeUtf16(bytes, false, out); break;
    case Charset::Utf16: {
      const bool hasMark = bytes.size() >= 2 && ((bytes[0] == '\xFE' && bytes[1] == '\xFF') ||
                                                 (bytes[0] == '\xFF' && bytes[1] == '\xFE'));
      const bool bigEndian = !hasMark || bytes[0] == '\xFE';
      decodeUtf16(bytes.substr(hasMark ? 2 : 0), bigEndian, out);
      break;
    }
  }
  return out;
}

template <std::string (*Convert)(std::string_view, Charset)>
StringRef convert(FunctionCall& call, StringRef value, StringRef charsetName) {
  const std::optional<Charset> charset = charsetNamed(charsetName.view());
  if (!charset) {
    call.fail(unsupported(charsetName.view()));
    return {};
  }
  return resultString(call, Convert(value.view(), *charset));
}

ScalarKernel withCharsetCheck(ScalarKernel kernel) {
  kernel.bind = &bindCharset;
  return kernel;
}

}  // namespace

void registerStringCharsets(ScalarFunctionRegistry& registry) {
  const Accepts strings = Accepts::strings();
  const Accepts binaries = Accepts::binaries();
  registry.add(
      withCharsetCheck(scalarKernel<&convert<&encode>>("ENCODE", {strings, strings}, binaries)));
  registry.add(
      withCharsetCheck(scalarKernel<&convert<&decode>>("DECODE", {binaries, strings}, strings)));
}

}  // namespace sluice::runtime::builtins
