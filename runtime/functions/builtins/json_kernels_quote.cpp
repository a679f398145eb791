// JSON_QUOTE, JSON_UNQUOTE and JSON_STRING, as Flink's JsonQuoteFunction, JsonUnquoteFunction
// and JSON_STRING (Jackson, through SqlJsonUtils.serializeJson).
//
// - JSON_QUOTE(s): s in double quotes, escaping '"', '\', '/', \b, \f, \n, \r, \t and every
//   UTF-16 unit above 127 as \uxxxx (lower-case hex); other control characters stay raw.
// - JSON_UNQUOTE(s): when s is valid JSON (as IS JSON reads it) and starts and ends with '"', its
//   contents with the escapes \" \\ \/ \b \f \n \r \t \uXXXX decoded; otherwise s unchanged.
// - JSON_STRING(x): x as a JSON value: strings quoted with Jackson's escapes, booleans, integers;
//   DOUBLE, FLOAT and DECIMAL go through Java's BigDecimal text (1.5, 1.0E+10, 0.000010, 1.50),
//   NaN and the infinities as strings. Temporal, binary and nested arguments have no kernel yet.
#include <cmath>

#include "runtime/data/value_text.h"
#include "runtime/functions/builtins/builtin_library.h"
#include "runtime/functions/builtins/json_document_model.h"
#include "runtime/functions/builtins/string_kernel_utf8.h"

namespace sluice::runtime::builtins {
namespace {

constexpr char kLowerHex[] = "0123456789abcdef";

void appendUnitEscape(std::string& out, uint32_t unit) {
  out += "\\u";
  for (int shift = 12; shift >= 0; shift -= 4) out += kLowerHex[(unit >> shift) & 0xF];
}

StringRef jsonQuote(FunctionCall& call, StringRef text) {
  const std::string_view in = text.view();
  std::string out = "\"";
  for (size_t at = 0; at < in.size(); at = utf8::next(in, at)) {
    const char32_t cp = utf8::decode(in, at);
    switch (cp) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '/': out += "\\/"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (cp < 0x80) {
          out += static_cast<char>(cp);
        } else if (cp < 0x10000) {
          appendUnitEscape(out, cp);
        } else {
          appendUnitEscape(out, 0xD800 + ((cp - 0x10000) >> 10));
          appendUnitEscape(out, 0xDC00 + ((cp - 0x10000) & 0x3FF));
        }
    }
  }
  out += '"';
  return resultString(call, out);
}

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The UTF-16 unit of the four hex digits at `at`, or -1.
int32_t unitAt(std::string_view text, size_t at) {
  if (at + 4 > text.size()) return -1;
  int32_t unit = 0;
  for (size_t i = at; i < at + 4; ++i) {
    const int digit = hexValue(text[i]);
    if (digit < 0) return -1;
    unit = unit << 4 | digit;
  }
  return unit;
}

// The contents of a JSON string literal with its escapes decoded; false on an invalid escape.
// A lone surrogate becomes '?', as Java encodes it to UTF-8.
bool unescape(std::string_view text, std::string& out) {
  for (size_t i = 0; i < text.size();) {
    if (text[i] != '\\' || i + 1 >= text.size()) {
      out += text[i++];
      continue;
    }
    const char escape = text[i + 1];
    i += 2;
    switch (escape) {
      case '"':
      case '\\':
      case '/': out += escape; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'u': {
        const int32_t unit = unitAt(text, i);
        if (unit < 0) return false;
        i += 4;
        if (unit < 0xD800 || unit > 0xDFFF) {
          utf8::append(out, static_cast<char32_t>(unit));
          break;
        }
        const bool escapeFollows = i + 1 < text.size() && text[i] == '\\' && text[i + 1] == 'u';
        const int32_t low = unit <= 0xDBFF && escapeFollows ? unitAt(text, i + 2) : -1;
        if (low >= 0xDC00 && low <= 0xDFFF) {
          utf8::append(out, 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
          i += 6;
        } else {
          out += '?';
        }
        break;
      }
      default: return false;
    }
  }
  return true;
}

StringRef jsonUnquote(FunctionCall& call, StringRef text) {
  const std::string_view in = text.view();
  if (in.size() < 2 || in.front() != '"' || in.back() != '"' || !json::parse(in)) return text;
  std::string out;
  if (!unescape(in.substr(1, in.size() - 2), out)) return text;
  return resultString(call, out);
}

// ---- JSON_STRING

StringRef serialized(FunctionCall& call, const json::Node& node) {
  std::string out;
  json::write(node, out);
  return resultString(call, out);
}

// A number in Java's text, re-read as Jackson reads floats: a BigDecimal, printed by toString.
StringRef jsonNumber(FunctionCall& call, std::string_view javaText) {
  std::optional<json::Node> node = json::parse(javaText);
  if (!node)
    return serialized(call,
                      json::Node{json::Node::Kind::String, false, std::string(javaText), {}, {}});
  return serialized(call, *node);
}

StringRef jsonOfString(FunctionCall& call, StringRef text) {
  return serialized(call,
                    json::Node{json::Node::Kind::String, false, std::string(text.view()), {}, {}});
}

StringRef jsonOfBoolean(FunctionCall& call, bool value) {
  return resultString(call, value ? "true" : "false");
}

template <typename Integer>
StringRef jsonOfInteger(FunctionCall& call, Integer value) {
  char text[kMaxScalarTextLength];
  return resultString(call, std::string_view(text, writeInteger(text, value) - text));
}

template <typename Real>
StringRef jsonOfReal(FunctionCall& call, Real value) {
  char text[kMaxScalarTextLength];
  // Jackson widens a FLOAT to double before making it a BigDecimal.
  return jsonNumber(call,
                    std::string_view(text, writeDouble(text, static_cast<double>(value)) - text));
}

template <typename Unscaled>
StringRef jsonOfDecimal(FunctionCall& call, Unscaled value) {
  char text[kMaxScalarTextLength];
  const int scale = call.site->argumentTypes[0].scale();
  return jsonNumber(call, std::string_view(text, writeDecimal(text, value, scale) - text));
}

}  // namespace

void registerJsonQuoting(ScalarFunctionRegistry& registry) {
  using K = TypeKind;
  const Accepts strings = Accepts::strings();
  registry.add(scalarKernel<&jsonQuote>("JSON_QUOTE", {strings}, strings));
  registry.add(scalarKernel<&jsonUnquote>("JSON_UNQUOTE", {strings}, strings));
  registry.add(scalarKernel<&jsonOfString>("JSON_STRING", {strings}, strings));
  registry.add(scalarKernel<&jsonOfBoolean>("JSON_STRING", {Accepts::kind(K::Boolean)}, strings));
  registry.add(
      scalarKernel<&jsonOfInteger<int8_t>>("JSON_STRING", {Accepts::kind(K::TinyInt)}, strings));
  registry.add(
      scalarKernel<&jsonOfInteger<int16_t>>("JSON_STRING", {Accepts::kind(K::SmallInt)}, strings));
  registry.add(
      scalarKernel<&jsonOfInteger<int32_t>>("JSON_STRING", {Accepts::kind(K::Int)}, strings));
  registry.add(
      scalarKernel<&jsonOfInteger<int64_t>>("JSON_STRING", {Accepts::kind(K::BigInt)}, strings));
  registry.add(scalarKernel<&jsonOfReal<float>>("JSON_STRING", {Accepts::kind(K::Float)}, strings));
  registry.add(
      scalarKernel<&jsonOfReal<double>>("JSON_STRING", {Accepts::kind(K::Double)}, strings));
  registry.add(
      scalarKernel<&jsonOfDecimal<int64_t>>("JSON_STRING", {Accepts::kind(K::Decimal)}, strings));
  registry.add(
      scalarKernel<&jsonOfDecimal<int128_t>>("JSON_STRING", {Accepts::kind(K::Decimal)}, strings));
}

}  // namespace sluice::runtime::builtins
