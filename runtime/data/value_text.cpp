// Writing values as text (see value_text.h): nested values and bytes here, the scalar writers in
// value_text_write.cpp, reading in value_text_parse*.cpp.
#include "runtime/data/value_text.h"

#include <map>

namespace sluice::runtime {
namespace {

// The length of the valid UTF-8 sequence at the start of `bytes`, or 0 when it is not one.
size_t validSequenceLength(std::string_view bytes) {
  const auto lead = static_cast<unsigned char>(bytes[0]);
  if (lead < 0x80) return 1;
  size_t length = 0;
  uint32_t codePoint = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2;
    codePoint = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3;
    codePoint = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4;
    codePoint = lead & 0x07;
  } else {
    return 0;
  }
  if (bytes.size() < length) return 0;
  for (size_t i = 1; i < length; ++i) {
    const auto next = static_cast<unsigned char>(bytes[i]);
    if ((next & 0xC0) != 0x80) return 0;
    codePoint = (codePoint << 6) | (next & 0x3F);
  }
  static constexpr uint32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
  const bool overlong = codePoint < kSmallest[length];
  const bool surrogate = codePoint >= 0xD800 && codePoint <= 0xDFFF;
  return overlong || surrogate || codePoint > 0x10FFFF ? 0 : length;
}

void appendScalar(std::string& out, const Value& value, const DataType& type, const TimeZone& zone,
                  TextStyle style) {
  char buffer[kMaxScalarTextLength];
  char* end = buffer;
  switch (type.kind()) {
    case TypeKind::Boolean: end = writeBoolean(buffer, value.integer != 0); break;
    case TypeKind::TinyInt:
    case TypeKind::SmallInt:
    case TypeKind::Int:
    case TypeKind::BigInt: end = writeInteger(buffer, value.integer); break;
    case TypeKind::Float: end = writeFloat(buffer, static_cast<float>(value.real)); break;
    case TypeKind::Double: end = writeDouble(buffer, value.real); break;
    case TypeKind::Decimal: {
      const bool wide = type.precision() > kMaxInt64DecimalPrecision;
      end = writeDecimal(buffer, wide ? value.wide : int128_t{value.integer}, type.scale());
      break;
    }
    case TypeKind::Date: end = writeDate(buffer, static_cast<int32_t>(value.integer)); break;
    case TypeKind::Time:
      end = writeTime(buffer, static_cast<int32_t>(value.integer), type.precision());
      break;
    case TypeKind::Timestamp: end = writeTimestamp(buffer, value.integer, type.precision()); break;
    case TypeKind::TimestampLtz:
      end = writeTimestamp(buffer, zone.localMicrosFromUtc(value.integer), type.precision());
      break;
    case TypeKind::IntervalYearMonth:
      end = writeIntervalYearMonth(buffer, static_cast<int32_t>(value.integer));
      break;
    case TypeKind::IntervalDayTime: end = writeIntervalDayTime(buffer, value.integer); break;
    case TypeKind::Binary:
    case TypeKind::VarBinary:
      if (style == TextStyle::Print) {
        out += "x'";
        appendHex(out, value.bytes);
        out += "'";
      } else {
        appendUtf8Lossy(out, value.bytes);
      }
      return;
    case TypeKind::Raw: appendUtf8Lossy(out, value.bytes); return;
    case TypeKind::Null: out += "null"; return;
    default: out += value.bytes; return;  // CHAR, VARCHAR, SYMBOL, DESCRIPTOR
  }
  out.append(buffer, end);
}

void appendNested(std::string& out, const Value& value, const DataType& type, const TimeZone& zone,
                  TextStyle style) {
  if (value.isNull) {
    out += "null";
  } else {
    appendValue(out, value, type, zone, style);
  }
}

}  // namespace

void appendUtf8Lossy(std::string& out, std::string_view bytes) {
  size_t i = 0;
  while (i < bytes.size()) {
    const size_t length = validSequenceLength(bytes.substr(i));
    if (length == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD
      ++i;
    } else {
      out.append(bytes.data() + i, length);
      i += length;
    }
  }
}

void appendHex(std::string& out, std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  for (char byte : bytes) {
    const auto value = static_cast<unsigned char>(byte);
    out.push_back(kDigits[value >> 4]);
    out.push_back(kDigits[value & 0x0F]);
  }
}

std::string formatValue(const Value& value, const DataType& type) {
  return formatValue(value, type, TimeZone::utc());
}

std::string formatValue(const Value& value, const DataType& type, const TimeZone& zone,
                        TextStyle style) {
  std::string out;
  appendValue(out, value, type, zone, style);
  return out;
}

void appendValue(std::string& out, const Value& value, const DataType& type, const TimeZone& zone,
                 TextStyle style) {
  switch (type.kind()) {
    case TypeKind::Row: {
      out += '(';
      const auto& fields = type.fields();
      for (size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) out += ", ";
        appendNested(out, i < value.children.size() ? value.children[i] : Value::null(),
                     *fields[i].type, zone, style);
      }
      out += ')';
      return;
    }
    case TypeKind::Array: {
      out += '[';
      for (size_t i = 0; i < value.children.size(); ++i) {
        if (i > 0) out += ", ";
        appendNested(out, value.children[i], type.elementType(), zone, style);
      }
      out += ']';
      return;
    }
    case TypeKind::Map: {
      out += '{';
      for (size_t i = 0; i + 1 < value.children.size(); i += 2) {
        if (i > 0) out += ", ";
        appendNested(out, value.children[i], type.keyType(), zone, style);
        out += '=';
        appendNested(out, value.children[i + 1], type.valueType(), zone, style);
      }
      out += '}';
      return;
    }
    case TypeKind::Multiset: {
      // Flink holds a multiset as a map from element to count and prints it as one; counts are
      // listed in the order elements first appear.
      std::vector<std::pair<std::string, int64_t>> counts;
      std::map<std::string, size_t> indexOf;
      for (const Value& element : value.children) {
        std::string text;
        appendNested(text, element, type.elementType(), zone, style);
        auto [it, inserted] = indexOf.emplace(text, counts.size());
        if (inserted) counts.emplace_back(std::move(text), 0);
        ++counts[it->second].second;
      }
      out += '{';
      for (size_t i = 0; i < counts.size(); ++i) {
        if (i > 0) out += ", ";
        out += counts[i].first + "=" + std::to_string(counts[i].second);
      }
      out += '}';
      return;
    }
    default: appendScalar(out, value, type, zone, style); return;
  }
}

size_t countCodePoints(std::string_view text) {
  size_t count = 0;
  for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return count;
}

std::string_view prefixOfCodePoints(std::string_view text, int64_t length) {
  int64_t seen = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (seen == length) return text.substr(0, i);
    ++seen;
  }
  return text;
}

}  // namespace sluice::runtime
