// Writes records of Flink's 'csv' format as Jackson's CSV generator (which Flink uses) does.
// Numbers and booleans are written bare. Text values (strings, base64 binary, date-times, and
// ARRAY elements or nested ROW fields joined with the array element delimiter) are quoted by
// Jackson's default "loose" check: when longer than 24 characters, or holding the escape
// character or any character below max(delimiter, quote, '\n') + 1 (so a space or a '#'
// quotes, as in Flink's output); quotes inside are doubled, escape characters too. NULL is
// empty, or the null literal.
#pragma once

#include <string>
#include <vector>

#include "connectors/format/csv_settings.h"
#include "connectors/format/row_format.h"

namespace sluice::connectors {

class CsvRowEncoder : public RowEncoder {
 public:
  explicit CsvRowEncoder(const FormatContext& context);

  void encode(const std::vector<runtime::Value>& row, std::string& out) const override;

 private:
  // The text of one value before quoting; whether it is text (quoted when needed).
  bool appendText(const runtime::Value& value, const DataType& type, std::string& out) const;
  void appendQuoted(const std::string& text, std::string& out) const;
  bool needsQuotes(const std::string& text) const;

  CsvSettings settings_;
  std::vector<artifact::Field> fields_;
  int lowestSafeCharacter_ = 0;  // text with a character below this one is quoted
};

}  // namespace sluice::connectors
