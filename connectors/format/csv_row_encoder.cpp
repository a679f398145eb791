#include "connectors/format/csv_row_encoder.h"

#include <algorithm>

#include "connectors/format/format_text.h"
#include "runtime/data/value_text.h"

namespace sluice::connectors {

namespace {

using runtime::Value;

// Jackson checks only this many characters; longer text is always quoted.
constexpr size_t kMaxQuoteCheckLength = 24;

// Stands in for the fields a row is short of.
const Value kNull;

}  // namespace

CsvRowEncoder::CsvRowEncoder(const FormatContext& context)
    : settings_(CsvSettings::from(context)), fields_(context.fields) {
  const int quote =
      settings_.quoteCharacter ? static_cast<unsigned char>(*settings_.quoteCharacter) : 0;
  lowestSafeCharacter_ =
      std::max({static_cast<int>(static_cast<unsigned char>(settings_.fieldDelimiter)), quote,
                static_cast<int>('\n')}) +
      1;
}

void CsvRowEncoder::encode(const std::vector<Value>& row, std::string& out) const {
  std::string text;
  for (size_t i = 0; i < fields_.size(); ++i) {
    if (i > 0) out += settings_.fieldDelimiter;
    const Value& value = i < row.size() ? row[i] : kNull;
    if (value.isNull) {
      if (settings_.nullLiteral) out += *settings_.nullLiteral;
      continue;
    }
    text.clear();
    if (appendText(value, fields_[i].type, text)) {
      appendQuoted(text, out);
    } else {
      out += text;
    }
  }
}

bool CsvRowEncoder::appendText(const Value& value, const DataType& type, std::string& out) const {
  if (value.isNull) {
    // Only inside an ARRAY or ROW: the null literal, or nothing.
    if (settings_.nullLiteral) out += *settings_.nullLiteral;
    return true;
  }
  switch (type.kind()) {
    case TypeKind::Boolean: out += value.integer != 0 ? "true" : "false"; return false;
    case TypeKind::TinyInt:
    case TypeKind::SmallInt:
    case TypeKind::Int:
    case TypeKind::BigInt: out += std::to_string(value.integer); return false;
    case TypeKind::Float:
    case TypeKind::Double:
      appendReal(out, value.real, type.kind() == TypeKind::Float);
      return false;
    case TypeKind::Decimal:
      appendDecimal(out, value, type, !settings_.decimalsInScientificNotation);
      return false;
    case TypeKind::Char:
    case TypeKind::VarChar: out += value.bytes; return true;
    case TypeKind::Binary:
    case TypeKind::VarBinary: appendBase64(out, value.bytes); return true;
    case TypeKind::Date:
    case TypeKind::Time:
    case TypeKind::Timestamp:
    case TypeKind::TimestampLtz:
      appendTemporal(out, value, type, TimestampStandard::Sql);
      return true;
    case TypeKind::Array:
    case TypeKind::Multiset:
    case TypeKind::Row:
      for (size_t i = 0; i < value.children.size(); ++i) {
        if (i > 0) out += settings_.arrayElementDelimiter;
        const DataType& child =
            type.kind() == TypeKind::Row ? *type.fields()[i].type : type.elementType();
        appendText(value.children[i], child, out);
      }
      return true;
    default: out += runtime::formatValue(value, type); return true;
  }
}

bool CsvRowEncoder::needsQuotes(const std::string& text) const {
  if (text.size() > kMaxQuoteCheckLength) return true;
  return std::any_of(text.begin(), text.end(), [&](char c) {
    return static_cast<unsigned char>(c) < lowestSafeCharacter_ || c == settings_.escapeCharacter;
  });
}

void CsvRowEncoder::appendQuoted(const std::string& text, std::string& out) const {
  if (!settings_.quoteCharacter || !needsQuotes(text)) {
    out += text;
    return;
  }
  const char quote = *settings_.quoteCharacter;
  out += quote;
  // Runs without a quote or escape character are appended whole; those characters are doubled.
  size_t from = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == quote || c == settings_.escapeCharacter) {
      out.append(text, from, i + 1 - from);
      out += c;
      from = i + 1;
    }
  }
  out.append(text, from, std::string::npos);
  out += quote;
}

}  // namespace sluice::connectors
