#include "connectors/format/json_row_decoder.h"

#include <nlohmann/json.hpp>

#include "runtime/data/value_text.h"

namespace sluice::connectors {

namespace {

using nlohmann::json;
using runtime::Value;

bool isJsonSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

size_t skipSpace(std::string_view text, size_t pos) {
  while (pos < text.size() && isJsonSpace(text[pos])) ++pos;
  return pos;
}

// `pos` at an opening quote; returns the position after the closing one.
size_t skipString(std::string_view text, size_t pos) {
  for (++pos; pos < text.size(); ++pos) {
    if (text[pos] == '\\') {
      ++pos;
    } else if (text[pos] == '"') {
      return pos + 1;
    }
  }
  return pos;
}

size_t skipValue(std::string_view text, size_t pos) {
  int depth = 0;
  while (pos < text.size()) {
    const char c = text[pos];
    if (c == '"') {
      pos = skipString(text, pos);
      if (depth == 0) return pos;
      continue;
    }
    if (c == '{' || c == '[') ++depth;
    if (c == '}' || c == ']') {
      if (depth == 0) return pos;
      if (--depth == 0) return pos + 1;
    }
    if (depth == 0 && (c == ',' || isJsonSpace(c))) return pos;
    ++pos;
  }
  return pos;
}

// nlohmann's message without its "[json.exception...] parse error at line 1, column 5: " head:
// the caller names the position itself.
std::string parseErrorMessage(const json::parse_error& error) {
  std::string message = error.what();
  const size_t column = message.find("column ");
  const size_t colon = column == std::string::npos ? column : message.find(": ", column);
  return colon == std::string::npos ? message : message.substr(colon + 2);
}

std::string mismatch(const json& node, const DataType& type) {
  return "cannot read JSON " + std::string(node.type_name()) + " as " + type.toString();
}

}  // namespace

size_t jsonMemberValueOffset(std::string_view text, std::string_view key) {
  size_t pos = skipSpace(text, 0);
  if (pos >= text.size() || text[pos] != '{') return 0;
  pos = skipSpace(text, pos + 1);
  while (pos < text.size() && text[pos] == '"') {
    const size_t nameEnd = skipString(text, pos);
    const std::string_view name = text.substr(pos + 1, nameEnd - pos - 2);
    pos = skipSpace(text, nameEnd);
    if (pos >= text.size() || text[pos] != ':') return 0;
    pos = skipSpace(text, pos + 1);
    if (name == key) return pos;
    pos = skipSpace(text, skipValue(text, pos));
    if (pos >= text.size() || text[pos] != ',') return 0;
    pos = skipSpace(text, pos + 1);
  }
  return 0;
}

JsonRowDecoder::JsonRowDecoder(const FormatContext& context)
    : settings_(JsonSettings::from(context)), fields_(context.fields), zone_(context.zone) {}

DecodeResult JsonRowDecoder::decode(std::string_view record, std::vector<Value>& row,
                                    DecodeError& error) const {
  const size_t start = skipSpace(record, 0);
  if (start == record.size()) return DecodeResult::Skip;
  json document;
  try {
    document = json::parse(record);
  } catch (const json::parse_error& e) {
    error = {e.byte > 0 ? e.byte - 1 : 0, "invalid JSON: " + parseErrorMessage(e)};
    return DecodeResult::Error;
  }
  if (!document.is_object()) {
    error = {start, "expected a JSON object but found " + std::string(document.type_name())};
    return DecodeResult::Error;
  }
  std::string message;
  int badField = -1;
  if (!decodeObject(document, row, message, badField)) {
    error = {badField < 0 ? start : jsonMemberValueOffset(record, fields_[static_cast<size_t>(badField)].name),
             message};
    return DecodeResult::Error;
  }
  return DecodeResult::Row;
}

bool JsonRowDecoder::decodeObject(const json& object, std::vector<Value>& row, std::string& error,
                                  int& badField) const {
  row.assign(fields_.size(), Value::null());
  for (size_t i = 0; i < fields_.size(); ++i) {
    const auto member = object.find(fields_[i].name);
    if (member == object.end()) {
      if (!settings_.failOnMissingField) continue;
      error = "field '" + fields_[i].name + "' is missing";
      badField = -1;
      return false;
    }
    if (!convert(*member, fields_[i].type, row[i], error)) {
      error += " (field " + fields_[i].name + ")";
      badField = static_cast<int>(i);
      return false;
    }
  }
  return true;
}

bool JsonRowDecoder::parseText(std::string_view text, const DataType& type, Value& out,
                               std::string& error) const {
  runtime::ParsedValue parsed =
      type.isDatetime() ? parseTemporal(text, type, zone_) : runtime::parseValue(text, type, zone_);
  if (!parsed.ok) {
    error = parsed.error;
    return false;
  }
  out = std::move(parsed.value);
  return true;
}

bool JsonRowDecoder::convert(const json& node, const DataType& type, Value& out,
                             std::string& error) const {
  if (node.is_null()) {
    out = Value::null();
    return true;
  }
  switch (type.kind()) {
    case TypeKind::Boolean:
      if (node.is_boolean()) {
        out = Value::ofInteger(node.get<bool>() ? 1 : 0);
        return true;
      }
      if (node.is_string()) return parseText(node.get_ref<const std::string&>(), type, out, error);
      error = mismatch(node, type);
      return false;
    case TypeKind::Float:
    case TypeKind::Double:
      if (node.is_number()) {
        out = Value::ofReal(node.get<double>());
        return true;
      }
      [[fallthrough]];
    case TypeKind::TinyInt:
    case TypeKind::SmallInt:
    case TypeKind::Int:
    case TypeKind::BigInt:
    case TypeKind::Decimal:
    case TypeKind::IntervalYearMonth:
    case TypeKind::IntervalDayTime:
      if (node.is_string()) return parseText(node.get_ref<const std::string&>(), type, out, error);
      if (node.is_number()) return parseText(node.dump(), type, out, error);
      error = mismatch(node, type);
      return false;
    case TypeKind::Char:
    case TypeKind::VarChar:
      return parseText(node.is_string() ? node.get_ref<const std::string&>() : node.dump(), type,
                       out, error);
    case TypeKind::Binary:
    case TypeKind::VarBinary: {
      auto bytes =
          node.is_string() ? decodeBase64(node.get_ref<const std::string&>()) : std::nullopt;
      if (!bytes) {
        error = node.is_string()
                    ? "cannot read '" + node.get<std::string>() + "' as base64 " + type.toString()
                    : mismatch(node, type);
        return false;
      }
      out = Value::ofBytes(std::move(*bytes));
      return true;
    }
    case TypeKind::Date:
    case TypeKind::Time:
    case TypeKind::Timestamp:
    case TypeKind::TimestampLtz:
      if (node.is_string()) return parseText(node.get_ref<const std::string&>(), type, out, error);
      error = mismatch(node, type);
      return false;
    case TypeKind::Array: {
      if (!node.is_array()) break;
      std::vector<Value> elements(node.size());
      for (size_t i = 0; i < node.size(); ++i) {
        if (!convert(node[i], type.elementType(), elements[i], error)) return false;
      }
      out = Value::ofChildren(std::move(elements));
      return true;
    }
    case TypeKind::Multiset:
    case TypeKind::Map:
      if (node.is_object()) return convertObjectEntries(node, type, out, error);
      break;
    case TypeKind::Row:
      if (node.is_object()) return convertRow(node, type, out, error);
      break;
    default: break;
  }
  error = mismatch(node, type);
  return false;
}

bool JsonRowDecoder::convertRow(const json& node, const DataType& type, Value& out,
                                std::string& error) const {
  std::vector<Value> fields(type.fields().size());
  for (size_t i = 0; i < fields.size(); ++i) {
    const RowField& field = type.fields()[i];
    const auto member = node.find(field.name);
    if (member == node.end()) {
      if (!settings_.failOnMissingField) continue;
      error = "field '" + field.name + "' is missing";
      return false;
    }
    if (!convert(*member, *field.type, fields[i], error)) return false;
  }
  out = Value::ofChildren(std::move(fields));
  return true;
}

// MAP: keys parsed to the key type, values converted. MULTISET: element -> count, as Flink
// writes it; each element repeats `count` times.
bool JsonRowDecoder::convertObjectEntries(const json& node, const DataType& type, Value& out,
                                          std::string& error) const {
  const bool isMap = type.kind() == TypeKind::Map;
  const DataType& keyType = isMap ? type.keyType() : type.elementType();
  std::vector<Value> children;
  for (const auto& [keyText, item] : node.items()) {
    Value key;
    if (!parseText(keyText, keyType, key, error)) return false;
    if (isMap) {
      Value value;
      if (!convert(item, type.valueType(), value, error)) return false;
      children.push_back(std::move(key));
      children.push_back(std::move(value));
      continue;
    }
    if (!item.is_number_integer()) {
      error = "expected an element count but found JSON " + std::string(item.type_name());
      return false;
    }
    for (int64_t copy = 0; copy < item.get<int64_t>(); ++copy) children.push_back(key);
  }
  out = Value::ofChildren(std::move(children));
  return true;
}

}  // namespace sluice::connectors
