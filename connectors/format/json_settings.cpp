#include "connectors/format/json_settings.h"

#include <cctype>

#include "runtime/connector/connector.h"

namespace sluice::connectors {

namespace {

std::string upperCase(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

}  // namespace

JsonSettings JsonSettings::from(const FormatContext& context) {
  const TableOptions& options = context.options;
  JsonSettings settings;
  settings.failOnMissingField = options.flag(context.key("fail-on-missing-field"), false);
  settings.ignoreParseErrors = options.flag(context.key("ignore-parse-errors"), false);
  if (settings.failOnMissingField && settings.ignoreParseErrors) {
    // As Flink: a missing field would be an error and not one at the same time.
    throw runtime::ConnectorError("table " + options.table() + ": options '" +
                                  context.key("fail-on-missing-field") + "' and '" +
                                  context.key("ignore-parse-errors") + "' cannot both be true");
  }
  const std::string standardKey = context.key("timestamp-format.standard");
  const std::string standard = upperCase(options.text(standardKey, "SQL"));
  if (standard == "ISO-8601") {
    settings.timestampStandard = TimestampStandard::Iso8601;
  } else if (standard != "SQL") {
    options.invalid(standardKey, "'SQL' or 'ISO-8601'");
  }
  const std::string modeKey = context.key("map-null-key.mode");
  const std::string mode = upperCase(options.text(modeKey, "FAIL"));
  if (mode == "DROP") {
    settings.mapNullKeyMode = MapNullKeyMode::Drop;
  } else if (mode == "LITERAL") {
    settings.mapNullKeyMode = MapNullKeyMode::Literal;
  } else if (mode != "FAIL") {
    options.invalid(modeKey, "'FAIL', 'DROP' or 'LITERAL'");
  }
  settings.mapNullKeyLiteral = options.text(context.key("map-null-key.literal"), "null");
  settings.decimalsAsPlainNumbers =
      options.flag(context.key("encode.decimal-as-plain-number"), false);
  settings.ignoreNullFields = options.flag(context.key("encode.ignore-null-fields"), false);
  return settings;
}

}  // namespace sluice::connectors
