// TO_BASE64 and FROM_BASE64 (RFC 4648 standard alphabet, as java.util.Base64's basic codec), and
// HEX of a string and UNHEX.
#include <array>

#include "runtime/functions/builtins/string_kernel_utf8.h"

namespace sluice::runtime::builtins {
namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr int kPadding = -2;
constexpr int kInvalid = -1;

constexpr std::array<int, 256> decodingTable() {
  std::array<int, 256> table{};
  for (auto& entry : table) entry = kInvalid;
  for (int i = 0; i < 64; ++i) {
    table[static_cast<unsigned char>(kAlphabet[i])] = i;
  }
  table['='] = kPadding;
  return table;
}

// TO_BASE64(s): the UTF-8 bytes of s, encoded with '=' padding and no line breaks.
StringRef toBase64(FunctionCall& call, StringRef text) {
  const std::string_view in = text.view();
  const size_t size = (in.size() + 2) / 3 * 4;
  char* out = call.arena().allocate(size);
  size_t o = 0;
  for (size_t i = 0; i < in.size(); i += 3) {
    const size_t left = std::min<size_t>(3, in.size() - i);
    uint32_t bits = static_cast<unsigned char>(in[i]) << 16;
    if (left > 1) bits |= static_cast<unsigned char>(in[i + 1]) << 8;
    if (left > 2) bits |= static_cast<unsigned char>(in[i + 2]);
    out[o++] = kAlphabet[(bits >> 18) & 0x3F];
    out[o++] = kAlphabet[(bits >> 12) & 0x3F];
    out[o++] = left > 1 ? kAlphabet[(bits >> 6) & 0x3F] : '=';
    out[o++] = left > 2 ? kAlphabet[bits & 0x3F] : '=';
  }
  return StringRef::of(out, static_cast<uint32_t>(size));
}

// FROM_BASE64(s): the decoded bytes, as Java's basic decoder: padding is optional but must be
// right when present, nothing may follow it, and any character outside the alphabet fails the
// job (Flink lets the decoder's IllegalArgumentException propagate).
StringRef fromBase64(FunctionCall& call, StringRef text) {
  static constexpr std::array<int, 256> kTable = decodingTable();
  const std::string_view in = text.view();
  std::string out;
  out.reserve(in.size() / 4 * 3 + 2);
  uint32_t bits = 0;
  int shift = 18;  // where the next 6 bits go; 18 at the start of each 4-character unit
  size_t at = 0;
  while (at < in.size()) {
    const int value = kTable[static_cast<unsigned char>(in[at++])];
    if (value == kPadding) {
      if (shift == 18 || (shift == 6 && (at == in.size() || in[at++] != '='))) {
        call.fail("Input byte array has wrong 4-byte ending unit");
        return {};
      }
      break;
    }
    if (value == kInvalid) {
      call.fail("Illegal base64 character '" + std::string(1, in[at - 1]) + "'");
      return {};
    }
    bits |= static_cast<uint32_t>(value) << shift;
    shift -= 6;
    if (shift < 0) {
      out += static_cast<char>(bits >> 16);
      out += static_cast<char>(bits >> 8);
      out += static_cast<char>(bits);
      shift = 18;
      bits = 0;
    }
  }
  if (shift == 6) {
    out += static_cast<char>(bits >> 16);
  } else if (shift == 0) {
    out += static_cast<char>(bits >> 16);
    out += static_cast<char>(bits >> 8);
  } else if (shift == 12) {
    call.fail("Last unit does not have enough valid bits");
    return {};
  }
  if (at < in.size()) {
    call.fail("Input byte array has incorrect ending byte at " + std::to_string(at));
    return {};
  }
  return resultString(call, out);
}

// HEX(s): the UTF-8 bytes of s as upper-case hex digits ('hello,world' is 68656C6C6F2C776F726C64).
StringRef hexOfString(FunctionCall& call, StringRef text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  const std::string_view in = text.view();
  char* out = call.arena().allocate(in.size() * 2);
  for (size_t i = 0; i < in.size(); ++i) {
    const auto byte = static_cast<unsigned char>(in[i]);
    out[2 * i] = kHex[byte >> 4];
    out[2 * i + 1] = kHex[byte & 0xF];
  }
  return StringRef::of(out, static_cast<uint32_t>(in.size() * 2));
}

int hexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// UNHEX(s): the bytes two hex digits each; NULL if a character is not a hex digit. Of an odd
// number of digits the first is dropped (after being checked) and a zero byte leads instead, as
// Flink documents: UNHEX('123') is x'0023'.
StringRef unhex(FunctionCall& call, StringRef text) {
  const std::string_view in = text.view();
  const size_t size = (in.size() + 1) / 2;
  char* out = call.arena().allocate(size);
  const size_t odd = in.size() % 2;
  if (odd == 1) {
    if (hexDigit(in[0]) < 0) {
      call.setNull();
      return {};
    }
    out[0] = 0;
  }
  for (size_t i = odd; i < in.size(); i += 2) {
    const int high = hexDigit(in[i]);
    const int low = hexDigit(in[i + 1]);
    if (high < 0 || low < 0) {
      call.setNull();
      return {};
    }
    out[(i + 1) / 2] = static_cast<char>(high << 4 | low);
  }
  return StringRef::of(out, static_cast<uint32_t>(size));
}

}  // namespace

void registerStringEncoding(ScalarFunctionRegistry& registry) {
  const Accepts strings = Accepts::strings();
  registry.add(scalarKernel<&toBase64>("TO_BASE64", {strings}, strings));
  registry.add(scalarKernel<&fromBase64>("FROM_BASE64", {strings}, strings));
  registry.add(scalarKernel<&hexOfString>("HEX", {strings}, strings));
  registry.add(returningNull(scalarKernel<&unhex>("UNHEX", {strings}, Accepts::binaries())));
}

}  // namespace sluice::runtime::builtins
