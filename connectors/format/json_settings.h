// The options of Flink's 'json' format, shared by its decoder and encoder.
#pragma once

#include <string>

#include "connectors/format/format_text.h"
#include "connectors/format/row_format.h"

namespace sluice::connectors {

enum class MapNullKeyMode : uint8_t { Fail, Drop, Literal };

struct JsonSettings {
  bool failOnMissingField = false;  // otherwise a missing field reads as NULL
  bool ignoreParseErrors = false;
  TimestampStandard timestampStandard = TimestampStandard::Sql;
  MapNullKeyMode mapNullKeyMode = MapNullKeyMode::Fail;
  std::string mapNullKeyLiteral = "null";
  bool decimalsAsPlainNumbers = false;  // 'json.encode.decimal-as-plain-number'
  bool ignoreNullFields = false;        // 'json.encode.ignore-null-fields'

  static JsonSettings from(const FormatContext& context);
};

}  // namespace sluice::connectors
