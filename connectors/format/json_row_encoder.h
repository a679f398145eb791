// Writes records of Flink's 'json' format: one compact object per row, fields in schema order,
// as Flink's RowDataToJsonConverters and Jackson write them: FLOAT/DOUBLE as Java prints them
// (NaN and Infinity as strings), DECIMAL as BigDecimal.toString (or plain), binary as base64,
// date-times in the 'json.timestamp-format.standard', MAP and MULTISET as objects (null keys per
// 'json.map-null-key.mode'), NULL as null or, with 'json.encode.ignore-null-fields', left out.
#pragma once

#include <string>
#include <vector>

#include "connectors/format/json_settings.h"
#include "connectors/format/row_format.h"

namespace sluice::connectors {

class JsonRowEncoder : public RowEncoder {
 public:
  explicit JsonRowEncoder(const FormatContext& context);

  void encode(const std::vector<runtime::Value>& row, std::string& out) const override;

 private:
  void appendValue(const runtime::Value& value, const DataType& type, std::string& out) const;
  void appendMember(const std::string& name, const runtime::Value& value, const DataType& type,
                    bool& first, std::string& out) const;
  void appendMap(const runtime::Value& value, const DataType& type, std::string& out) const;
  void appendMultiset(const runtime::Value& value, const DataType& type, std::string& out) const;

  JsonSettings settings_;
  std::vector<artifact::Field> fields_;
  std::string table_;
};

}  // namespace sluice::connectors
