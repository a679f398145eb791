// Reads records of Flink's 'json' format: one JSON object per record, fields by exact name,
// extra fields ignored, a missing field NULL (or an error with 'json.fail-on-missing-field').
// Values convert by JSON type as Flink's JsonToRowDataConverters do: numbers and strings both
// read as numbers, booleans and decimals; any non-string JSON reads as STRING in its JSON text;
// date-times from strings in the 'json.timestamp-format.standard'; binary from base64; objects
// as ROW, MAP (keys parsed to the key type) and MULTISET (element -> count); arrays as ARRAY.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "connectors/format/json_settings.h"
#include "connectors/format/row_format.h"

namespace sluice::connectors {

class JsonRowDecoder : public RowDecoder {
 public:
  explicit JsonRowDecoder(const FormatContext& context);

  DecodeResult decode(std::string_view record, std::vector<runtime::Value>& row,
                      DecodeError& error) const override;
  bool ignoresParseErrors() const override { return settings_.ignoreParseErrors; }
  // The row of one JSON object, fields by name: a changelog format's before or after image.
  // On failure `badField` is the index of the field that could not be read, or -1 for a field
  // missing under 'fail-on-missing-field'.
  bool decodeObject(const nlohmann::json& object, std::vector<runtime::Value>& row,
                    std::string& error, int& badField) const;

 private:
  bool convert(const nlohmann::json& node, const DataType& type, runtime::Value& out,
               std::string& error) const;
  bool convertRow(const nlohmann::json& node, const DataType& type, runtime::Value& out,
                  std::string& error) const;
  bool convertObjectEntries(const nlohmann::json& node, const DataType& type, runtime::Value& out,
                            std::string& error) const;
  bool parseText(std::string_view text, const DataType& type, runtime::Value& out,
                 std::string& error) const;

  JsonSettings settings_;
  std::vector<artifact::Field> fields_;
  runtime::TimeZone zone_;
};

// Where the value of top-level member `key` starts in the JSON object `text` (0 when not found):
// the column an error about that field names.
size_t jsonMemberValueOffset(std::string_view text, std::string_view key);

}  // namespace sluice::connectors
