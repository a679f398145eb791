// Reads records of Flink's 'csv' format (RFC 4180 with Jackson's options): quoted values may hold
// delimiters, doubled quotes and line breaks; an escape character, when set, takes the next
// character literally (or as \t, \n, \r, \0). An empty value is NULL for every type but
// CHAR/VARCHAR, and the null literal, when set, is NULL for every type.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "connectors/format/csv_settings.h"
#include "connectors/format/row_format.h"

namespace sluice::connectors {

class CsvRowDecoder : public RowDecoder {
 public:
  explicit CsvRowDecoder(const FormatContext& context);

  bool continuesOnNextLine(std::string_view text) const override;
  DecodeResult decode(std::string_view record, std::vector<runtime::Value>& row,
                      DecodeError& error) const override;
  bool ignoresParseErrors() const override { return settings_.ignoreParseErrors; }

 private:
  struct RawField {
    std::string text;  // unquoted and unescaped
    size_t offset = 0;
  };
  enum class SplitResult : uint8_t { Complete, Unterminated, Malformed };

  SplitResult split(std::string_view record, std::vector<RawField>& fields,
                    DecodeError& error) const;
  bool convert(std::string_view text, const DataType& type, runtime::Value& out,
               std::string& error) const;
  bool convertElements(std::string_view text, const DataType& type, runtime::Value& out,
                       std::string& error) const;
  char unescape(char c) const;

  CsvSettings settings_;
  std::vector<artifact::Field> fields_;
  runtime::TimeZone zone_;
};

}  // namespace sluice::connectors
