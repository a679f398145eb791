#include "connectors/format/csv_settings.h"

#include "runtime/connector/connector.h"

namespace sluice::connectors {

namespace {

bool hasMap(const DataType& type) {
  switch (type.kind()) {
    case TypeKind::Map: return true;
    case TypeKind::Array:
    case TypeKind::Multiset: return hasMap(type.elementType());
    case TypeKind::Row:
      for (const RowField& field : type.fields()) {
        if (hasMap(*field.type)) return true;
      }
      return false;
    default: return false;
  }
}

}  // namespace

CsvSettings CsvSettings::from(const FormatContext& context) {
  const TableOptions& options = context.options;
  CsvSettings settings;
  settings.fieldDelimiter = options.character(context.key("field-delimiter"), ',');
  if (options.flag(context.key("disable-quote-character"), false)) {
    settings.quoteCharacter.reset();
  } else {
    settings.quoteCharacter = options.character(context.key("quote-character"), '"');
  }
  settings.allowComments = options.flag(context.key("allow-comments"), false);
  settings.ignoreParseErrors = options.flag(context.key("ignore-parse-errors"), false);
  settings.arrayElementDelimiter = options.text(context.key("array-element-delimiter"), ";");
  if (settings.arrayElementDelimiter.empty()) {
    options.invalid(context.key("array-element-delimiter"), "a non-empty delimiter");
  }
  if (options.find(context.key("escape-character"))) {
    settings.escapeCharacter = options.character(context.key("escape-character"), '\\');
  }
  settings.nullLiteral = options.find(context.key("null-literal"));
  settings.decimalsInScientificNotation =
      options.flag(context.key("write-bigdecimal-in-scientific-notation"), true);
  for (const artifact::Field& field : context.fields) {
    if (hasMap(field.type)) {
      throw runtime::ConnectorError("the csv format of table " + options.table() +
                                    " cannot hold column " + field.name + " of type " +
                                    field.type.toString() + " (MAP has no CSV form)");
    }
  }
  return settings;
}

}  // namespace sluice::connectors
