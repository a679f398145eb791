#include "connectors/format/format_text.h"

#include <algorithm>
#include <array>
#include <cstdint>

namespace sluice::connectors {

namespace {

using runtime::int128_t;

constexpr char kBase64Alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int base64Digit(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

// Appends what a value_text scalar writer writes (at most kMaxScalarTextLength bytes).
template <typename Write>
void appendWritten(std::string& out, Write write) {
  std::array<char, runtime::kMaxScalarTextLength> buffer;
  out.append(buffer.data(), write(buffer.data()));
}

int128_t unscaledDecimal(const runtime::Value& value, const DataType& type) {
  return type.precision() <= runtime::kMaxInt64DecimalPrecision ? int128_t{value.integer}
                                                                : value.wide;
}

}  // namespace

void appendBase64(std::string& out, std::string_view bytes) {
  out.reserve(out.size() + (bytes.size() + 2) / 3 * 4);
  for (size_t i = 0; i < bytes.size(); i += 3) {
    const size_t count = std::min<size_t>(3, bytes.size() - i);
    uint32_t group = 0;
    for (size_t k = 0; k < 3; ++k) {
      group = (group << 8) | (k < count ? static_cast<unsigned char>(bytes[i + k]) : 0u);
    }
    for (size_t k = 0; k < 4; ++k) {
      out += k <= count ? kBase64Alphabet[(group >> (18 - 6 * k)) & 63] : '=';
    }
  }
}

std::optional<std::string> decodeBase64(std::string_view text) {
  while (!text.empty() && text.back() == '=') text.remove_suffix(1);
  if (text.size() % 4 == 1) return std::nullopt;
  std::string out;
  uint32_t group = 0;
  int bits = 0;
  for (char c : text) {
    const int digit = base64Digit(c);
    if (digit < 0) return std::nullopt;
    group = (group << 6) | static_cast<uint32_t>(digit);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((group >> bits) & 0xFF);
    }
  }
  return out;
}

void appendReal(std::string& out, double value, bool isFloat) {
  appendWritten(out, [&](char* text) {
    return isFloat ? runtime::writeFloat(text, static_cast<float>(value))
                   : runtime::writeDouble(text, value);
  });
}

void appendTemporal(std::string& out, const runtime::Value& value, const DataType& type,
                    TimestampStandard standard) {
  switch (type.kind()) {
    case TypeKind::Date:
      appendWritten(out, [&](char* text) {
        return runtime::writeDate(text, static_cast<int32_t>(value.integer));
      });
      break;
    case TypeKind::Time: {
      // java.time's ISO_LOCAL_TIME: no fraction at all for a whole second, otherwise the
      // milliseconds without trailing zeros (as writeTime cuts them).
      const auto millis = static_cast<int32_t>(value.integer);
      appendWritten(out, [&](char* text) {
        return runtime::writeTime(text, millis, millis % 1000 == 0 ? 0 : 3);
      });
      break;
    }
    case TypeKind::Timestamp:
    case TypeKind::TimestampLtz: {
      const size_t start = out.size();
      // Precision 0: the fraction without trailing zeros, none for a whole second.
      appendWritten(out,
                    [&](char* text) { return runtime::writeTimestamp(text, value.integer, 0); });
      if (standard == TimestampStandard::Iso8601) out[out.find(' ', start)] = 'T';
      if (type.kind() == TypeKind::TimestampLtz) out += 'Z';
      break;
    }
    default: break;
  }
}

runtime::ParsedValue parseTemporal(std::string_view text, const DataType& type,
                                   const runtime::TimeZone& zone) {
  if (type.kind() == TypeKind::TimestampLtz) {
    std::string_view trimmed = text;
    while (!trimmed.empty() && (trimmed.back() == ' ' || trimmed.back() == '\t')) {
      trimmed.remove_suffix(1);
    }
    if (!trimmed.empty() && (trimmed.back() == 'Z' || trimmed.back() == 'z')) {
      trimmed.remove_suffix(1);
      return runtime::parseValue(trimmed, type, runtime::TimeZone::utc());
    }
  }
  return runtime::parseValue(text, type, zone);
}

void appendDecimal(std::string& out, const runtime::Value& value, const DataType& type,
                   bool plain) {
  const int128_t unscaled = unscaledDecimal(value, type);
  const int scale = type.scale();
  if (!plain) {
    // The sign and the digits of the unscaled value, to find the adjusted exponent.
    std::array<char, runtime::kMaxScalarTextLength> buffer;
    char* end = runtime::writeDecimal(buffer.data(), unscaled, 0);
    char* digits = buffer.data() + (unscaled < 0 ? 1 : 0);
    const int64_t adjusted = (end - digits) - 1 - scale;
    if (adjusted < -6) {
      out.append(buffer.data(), digits + 1);  // the sign and the first digit
      if (end - digits > 1) {
        out += '.';
        out.append(digits + 1, end);
      }
      out += 'E';
      out += std::to_string(adjusted);
      return;
    }
    // Otherwise plain notation, as toPlainString for the non-negative scales decimals here have.
  }
  appendWritten(out, [&](char* text) { return runtime::writeDecimal(text, unscaled, scale); });
}

}  // namespace sluice::connectors
