// The options of Flink's 'csv' format, shared by its decoder and encoder.
#pragma once

#include <optional>
#include <string>

#include "connectors/format/row_format.h"

namespace sluice::connectors {

struct CsvSettings {
  char fieldDelimiter = ',';
  std::optional<char> quoteCharacter = '"';  // none with 'csv.disable-quote-character'
  bool allowComments = false;                // lines starting with '#' are skipped
  bool ignoreParseErrors = false;
  std::string arrayElementDelimiter = ";";  // between ARRAY elements and nested ROW fields
  std::optional<char> escapeCharacter;
  std::optional<std::string> nullLiteral;
  bool decimalsInScientificNotation = true;  // 'csv.write-bigdecimal-in-scientific-notation'

  // Reads the settings, and refuses columns CSV has no text form for (MAP, as Flink).
  static CsvSettings from(const FormatContext& context);
};

}  // namespace sluice::connectors
