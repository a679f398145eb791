#include "connectors/format/csv_row_decoder.h"

#include "connectors/format/format_text.h"
#include "runtime/data/value_text.h"

namespace sluice::connectors {

namespace {

using runtime::Value;

std::vector<std::string_view> splitOn(std::string_view text, std::string_view delimiter) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    const size_t end = text.find(delimiter, start);
    if (end == std::string_view::npos) {
      parts.push_back(text.substr(start));
      return parts;
    }
    parts.push_back(text.substr(start, end - start));
    start = end + delimiter.size();
  }
}

bool isBlank(char c) {
  return c == ' ' || c == '\t' || c == '\r';
}

}  // namespace

CsvRowDecoder::CsvRowDecoder(const FormatContext& context)
    : settings_(CsvSettings::from(context)), fields_(context.fields), zone_(context.zone) {}

bool CsvRowDecoder::continuesOnNextLine(std::string_view text) const {
  if (!settings_.quoteCharacter || text.find(*settings_.quoteCharacter) == std::string_view::npos) {
    return false;
  }
  if (settings_.allowComments && !text.empty() && text[0] == '#') return false;
  std::vector<RawField> fields;
  DecodeError error;
  return split(text, fields, error) == SplitResult::Unterminated;
}

// Jackson's unescaping: a few letters stand for control characters, anything else for itself.
char CsvRowDecoder::unescape(char c) const {
  switch (c) {
    case '0': return '\0';
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    default: return c;
  }
}

CsvRowDecoder::SplitResult CsvRowDecoder::split(std::string_view record,
                                                std::vector<RawField>& fields,
                                                DecodeError& error) const {
  const char delimiter = settings_.fieldDelimiter;
  const bool quoting = settings_.quoteCharacter.has_value();
  const char quote = settings_.quoteCharacter.value_or('\0');
  const bool escaping = settings_.escapeCharacter.has_value();
  const char escape = settings_.escapeCharacter.value_or('\0');
  size_t pos = 0;
  while (true) {
    RawField field;
    field.offset = pos;
    if (quoting && pos < record.size() && record[pos] == quote) {
      ++pos;
      bool closed = false;
      while (pos < record.size()) {
        const char c = record[pos];
        if (escaping && c == escape && pos + 1 < record.size()) {
          field.text += unescape(record[pos + 1]);
          pos += 2;
        } else if (c == quote && pos + 1 < record.size() && record[pos + 1] == quote) {
          field.text += quote;
          pos += 2;
        } else if (c == quote) {
          ++pos;
          closed = true;
          break;
        } else {
          field.text += c;
          ++pos;
        }
      }
      if (!closed) {
        error = {field.offset, "missing closing quote"};
        return SplitResult::Unterminated;
      }
      while (pos < record.size() && isBlank(record[pos])) ++pos;
      if (pos < record.size() && record[pos] != delimiter) {
        error = {pos, "expected a field delimiter after a quoted value"};
        return SplitResult::Malformed;
      }
    } else {
      while (pos < record.size() && record[pos] != delimiter) {
        if (escaping && record[pos] == escape && pos + 1 < record.size()) {
          field.text += unescape(record[pos + 1]);
          pos += 2;
        } else {
          field.text += record[pos++];
        }
      }
      // A stray carriage return of a CRLF file is not part of the last value.
      if (pos == record.size() && !field.text.empty() && field.text.back() == '\r') {
        field.text.pop_back();
      }
    }
    fields.push_back(std::move(field));
    if (pos >= record.size()) return SplitResult::Complete;
    ++pos;  // the delimiter; one after the last character still starts an (empty) field
  }
}

DecodeResult CsvRowDecoder::decode(std::string_view record, std::vector<Value>& row,
                                   DecodeError& error) const {
  if (record.empty() || record == "\r") return DecodeResult::Skip;
  if (settings_.allowComments && record[0] == '#') return DecodeResult::Skip;
  std::vector<RawField> raw;
  if (split(record, raw, error) != SplitResult::Complete) return DecodeResult::Error;
  if (raw.size() != fields_.size()) {
    error.offset = raw.size() > fields_.size() ? raw[fields_.size()].offset : record.size();
    error.message = "expected " + std::to_string(fields_.size()) + " fields but found " +
                    std::to_string(raw.size());
    return DecodeResult::Error;
  }
  row.resize(fields_.size());
  for (size_t i = 0; i < raw.size(); ++i) {
    std::string message;
    if (!convert(raw[i].text, fields_[i].type, row[i], message)) {
      error = {raw[i].offset, message + " (column " + fields_[i].name + ")"};
      return DecodeResult::Error;
    }
  }
  return DecodeResult::Row;
}

bool CsvRowDecoder::convert(std::string_view text, const DataType& type, Value& out,
                            std::string& error) const {
  if ((settings_.nullLiteral && text == *settings_.nullLiteral) ||
      (text.empty() && !type.isCharacterString())) {
    out = Value::null();
    return true;
  }
  runtime::ParsedValue parsed;
  switch (type.kind()) {
    case TypeKind::Binary:
    case TypeKind::VarBinary: {
      auto bytes = decodeBase64(text);
      if (!bytes) {
        error = "cannot parse '" + std::string(text) + "' as base64 " + type.toString();
        return false;
      }
      out = Value::ofBytes(std::move(*bytes));
      return true;
    }
    case TypeKind::Array:
    case TypeKind::Multiset:
    case TypeKind::Row: return convertElements(text, type, out, error);
    case TypeKind::Date:
    case TypeKind::Time:
    case TypeKind::Timestamp:
    case TypeKind::TimestampLtz: parsed = parseTemporal(text, type, zone_); break;
    default: parsed = runtime::parseValue(text, type, zone_); break;
  }
  if (!parsed.ok) {
    error = parsed.error;
    return false;
  }
  out = std::move(parsed.value);
  return true;
}

// ARRAY elements and nested ROW fields are separated by the array element delimiter, as Flink
// writes them ("1;2;3").
bool CsvRowDecoder::convertElements(std::string_view text, const DataType& type, Value& out,
                                    std::string& error) const {
  const std::vector<std::string_view> parts = splitOn(text, settings_.arrayElementDelimiter);
  std::vector<Value> children(parts.size());
  if (type.kind() == TypeKind::Row) {
    if (parts.size() != type.fields().size()) {
      error = "expected " + std::to_string(type.fields().size()) + " fields of " + type.toString() +
              " but found " + std::to_string(parts.size());
      return false;
    }
    for (size_t i = 0; i < parts.size(); ++i) {
      if (!convert(parts[i], *type.fields()[i].type, children[i], error)) return false;
    }
  } else {
    for (size_t i = 0; i < parts.size(); ++i) {
      if (!convert(parts[i], type.elementType(), children[i], error)) return false;
    }
  }
  out = Value::ofChildren(std::move(children));
  return true;
}

}  // namespace sluice::connectors
