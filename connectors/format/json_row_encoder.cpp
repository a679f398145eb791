#include "connectors/format/json_row_encoder.h"

#include <algorithm>
#include <cmath>

#include "connectors/format/format_text.h"
#include "runtime/connector/connector.h"
#include "runtime/data/json_text.h"
#include "runtime/data/value_text.h"

namespace sluice::connectors {

using runtime::appendJsonString;

namespace {

using runtime::Value;

// Stands in for the fields a row is short of.
const Value kNull;

// Jackson quotes the non-numbers (NaN, Infinity), which JSON cannot write bare.
void appendFloating(std::string& out, double value, bool isFloat) {
  const bool quoted = !std::isfinite(value);
  if (quoted) out += '"';
  appendReal(out, value, isFloat);
  if (quoted) out += '"';
}

// The object key of a MAP key or MULTISET element: strings as they are, others as CAST writes.
std::string keyText(const Value& key, const DataType& type) {
  return type.isCharacterString() ? key.bytes : runtime::formatValue(key, type);
}

}  // namespace

JsonRowEncoder::JsonRowEncoder(const FormatContext& context)
    : settings_(JsonSettings::from(context)),
      fields_(context.fields),
      table_(context.options.table()) {}

void JsonRowEncoder::encode(const std::vector<Value>& row, std::string& out) const {
  out += '{';
  bool first = true;
  for (size_t i = 0; i < fields_.size(); ++i) {
    appendMember(fields_[i].name, i < row.size() ? row[i] : kNull, fields_[i].type, first, out);
  }
  out += '}';
}

void JsonRowEncoder::appendMember(const std::string& name, const Value& value, const DataType& type,
                                  bool& first, std::string& out) const {
  if (value.isNull && settings_.ignoreNullFields) return;
  if (!first) out += ',';
  first = false;
  appendJsonString(out, name);
  out += ':';
  appendValue(value, type, out);
}

void JsonRowEncoder::appendValue(const Value& value, const DataType& type, std::string& out) const {
  if (value.isNull) {
    out += "null";
    return;
  }
  switch (type.kind()) {
    case TypeKind::Boolean: out += value.integer != 0 ? "true" : "false"; return;
    case TypeKind::TinyInt:
    case TypeKind::SmallInt:
    case TypeKind::Int:
    case TypeKind::BigInt: out += std::to_string(value.integer); return;
    case TypeKind::Float:
    case TypeKind::Double: appendFloating(out, value.real, type.kind() == TypeKind::Float); return;
    case TypeKind::Decimal:
      appendDecimal(out, value, type, settings_.decimalsAsPlainNumbers);
      return;
    case TypeKind::Char:
    case TypeKind::VarChar: appendJsonString(out, value.bytes); return;
    case TypeKind::Binary:
    case TypeKind::VarBinary:
      // Base64 and date-time text need no escaping inside the quotes.
      out += '"';
      appendBase64(out, value.bytes);
      out += '"';
      return;
    case TypeKind::Date:
    case TypeKind::Time:
    case TypeKind::Timestamp:
    case TypeKind::TimestampLtz:
      out += '"';
      appendTemporal(out, value, type, settings_.timestampStandard);
      out += '"';
      return;
    case TypeKind::Array:
      out += '[';
      for (size_t i = 0; i < value.children.size(); ++i) {
        if (i > 0) out += ',';
        appendValue(value.children[i], type.elementType(), out);
      }
      out += ']';
      return;
    case TypeKind::Multiset: appendMultiset(value, type, out); return;
    case TypeKind::Map: appendMap(value, type, out); return;
    case TypeKind::Row: {
      out += '{';
      bool first = true;
      for (size_t i = 0; i < type.fields().size(); ++i) {
        const RowField& field = type.fields()[i];
        appendMember(field.name, i < value.children.size() ? value.children[i] : kNull, *field.type,
                     first, out);
      }
      out += '}';
      return;
    }
    default: appendJsonString(out, runtime::formatValue(value, type)); return;
  }
}

void JsonRowEncoder::appendMap(const Value& value, const DataType& type, std::string& out) const {
  out += '{';
  bool first = true;
  for (size_t i = 0; i + 1 < value.children.size(); i += 2) {
    const Value& key = value.children[i];
    std::string name;
    if (!key.isNull) {
      name = keyText(key, type.keyType());
    } else if (settings_.mapNullKeyMode == MapNullKeyMode::Literal) {
      name = settings_.mapNullKeyLiteral;
    } else if (settings_.mapNullKeyMode == MapNullKeyMode::Drop) {
      continue;
    } else {
      throw runtime::ConnectorError("the json format of table " + table_ +
                                    " cannot write a MAP with a null key; set "
                                    "'json.map-null-key.mode' to 'DROP' or 'LITERAL'");
    }
    if (!first) out += ',';
    first = false;
    appendJsonString(out, name);
    out += ':';
    appendValue(value.children[i + 1], type.valueType(), out);
  }
  out += '}';
}

// Flink writes a MULTISET as an object of element -> count, in order of first appearance.
void JsonRowEncoder::appendMultiset(const Value& value, const DataType& type,
                                    std::string& out) const {
  std::vector<std::pair<std::string, int64_t>> counts;
  for (const Value& element : value.children) {
    if (element.isNull) continue;
    const std::string name = keyText(element, type.elementType());
    auto it = std::find_if(counts.begin(), counts.end(),
                           [&](const auto& entry) { return entry.first == name; });
    if (it == counts.end()) {
      counts.emplace_back(name, 1);
    } else {
      ++it->second;
    }
  }
  out += '{';
  for (size_t i = 0; i < counts.size(); ++i) {
    if (i > 0) out += ',';
    appendJsonString(out, counts[i].first);
    out += ':';
    out += std::to_string(counts[i].second);
  }
  out += '}';
}

}  // namespace sluice::connectors
