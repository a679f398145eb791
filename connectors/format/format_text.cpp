#include "connectors/format/format_text.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "runtime/data/datetime.h"

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

void appendTwoDigits(std::string& out, int value) {
  out += static_cast<char>('0' + value / 10);
  out += static_cast<char>('0' + value % 10);
}

// java.time's ISO_LOCAL_TIME: HH:mm:ss, then the fraction without trailing zeros (none at all
// for a whole second).
void appendLocalTime(std::string& out, int hour, int minute, int second, int64_t micros) {
  appendTwoDigits(out, hour);
  out += ':';
  appendTwoDigits(out, minute);
  out += ':';
  appendTwoDigits(out, second);
  if (micros == 0) return;
  std::string fraction = std::to_string(1'000'000 + micros).substr(1);
  while (fraction.back() == '0') fraction.pop_back();
  out += '.';
  out += fraction;
}

void appendDate(std::string& out, int64_t days) {
  std::array<char, runtime::kMaxScalarTextLength> buffer{};
  char* end = runtime::writeDate(buffer.data(), static_cast<int32_t>(days));
  out.append(buffer.data(), end);
}

void appendTimestamp(std::string& out, int64_t micros, TimestampStandard standard) {
  const runtime::CivilDateTime civil = runtime::civilFromMicros(micros);
  appendDate(out, runtime::floorDiv(micros, runtime::kMicrosPerDay));
  out += standard == TimestampStandard::Sql ? ' ' : 'T';
  appendLocalTime(out, civil.hour, civil.minute, civil.second, civil.microsecond);
}

int128_t unscaledDecimal(const runtime::Value& value, const DataType& type) {
  return type.precision() <= runtime::kMaxInt64DecimalPrecision ? int128_t{value.integer}
                                                                : value.wide;
}

std::string digitsOf(int128_t magnitude) {
  if (magnitude == 0) return "0";
  std::string digits;
  while (magnitude > 0) {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(magnitude % 10)));
    magnitude /= 10;
  }
  return digits;
}

}  // namespace

std::string encodeBase64(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
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
  return out;
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

std::string formatTemporal(const runtime::Value& value, const DataType& type,
                           TimestampStandard standard) {
  std::string out;
  switch (type.kind()) {
    case TypeKind::Date: appendDate(out, value.integer); break;
    case TypeKind::Time: {
      const int64_t millis = value.integer;
      appendLocalTime(out, static_cast<int>(millis / 3'600'000),
                      static_cast<int>(millis / 60'000 % 60), static_cast<int>(millis / 1000 % 60),
                      millis % 1000 * 1000);
      break;
    }
    case TypeKind::Timestamp: appendTimestamp(out, value.integer, standard); break;
    case TypeKind::TimestampLtz:
      appendTimestamp(out, value.integer, standard);
      out += 'Z';
      break;
    default: break;
  }
  return out;
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

std::string formatDecimal(const runtime::Value& value, const DataType& type, bool plain) {
  const int128_t unscaled = unscaledDecimal(value, type);
  const int scale = type.scale();
  if (plain) {
    std::array<char, runtime::kMaxScalarTextLength> buffer{};
    char* end = runtime::writeDecimal(buffer.data(), unscaled, scale);
    return std::string(buffer.data(), end);
  }
  const std::string digits = digitsOf(unscaled < 0 ? -unscaled : unscaled);
  const int64_t adjusted = static_cast<int64_t>(digits.size()) - 1 - scale;
  std::string out = unscaled < 0 ? "-" : "";
  if (adjusted >= -6) {
    // Plain notation, as toPlainString for the non-negative scales decimals here have.
    std::array<char, runtime::kMaxScalarTextLength> buffer{};
    char* end = runtime::writeDecimal(buffer.data(), unscaled, scale);
    return std::string(buffer.data(), end);
  }
  out += digits[0];
  if (digits.size() > 1) out += "." + digits.substr(1);
  out += "E" + std::to_string(adjusted);
  return out;
}

}  // namespace sluice::connectors
