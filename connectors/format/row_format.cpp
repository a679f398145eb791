#include "connectors/format/row_format.h"

#include "connectors/format/changelog_json_decoder.h"
#include "connectors/format/csv_row_decoder.h"
#include "connectors/format/csv_row_encoder.h"
#include "connectors/format/json_row_decoder.h"
#include "connectors/format/json_row_encoder.h"
#include "runtime/connector/connector.h"

namespace sluice::connectors {

namespace {

[[noreturn]] void unsupportedFormat(const std::string& format, const FormatContext& context) {
  throw runtime::ConnectorError("table " + context.options.table() + ": format '" + format +
                                "' is not supported at run time (supported: 'csv', 'json'; for "
                                "reading also 'debezium-json', 'canal-json', 'maxwell-json')");
}

}  // namespace

std::unique_ptr<RowDecoder> makeRowDecoder(const std::string& format,
                                           const FormatContext& context) {
  if (format == "csv") return std::make_unique<CsvRowDecoder>(context);
  if (format == "json") return std::make_unique<JsonRowDecoder>(context);
  if (format == "debezium-json") {
    return std::make_unique<ChangelogJsonDecoder>(ChangelogJsonFlavor::Debezium, context);
  }
  if (format == "canal-json") {
    return std::make_unique<ChangelogJsonDecoder>(ChangelogJsonFlavor::Canal, context);
  }
  if (format == "maxwell-json") {
    return std::make_unique<ChangelogJsonDecoder>(ChangelogJsonFlavor::Maxwell, context);
  }
  unsupportedFormat(format, context);
}

std::unique_ptr<RowEncoder> makeRowEncoder(const std::string& format,
                                           const FormatContext& context) {
  if (format == "csv") return std::make_unique<CsvRowEncoder>(context);
  if (format == "json") return std::make_unique<JsonRowEncoder>(context);
  unsupportedFormat(format, context);
}

}  // namespace sluice::connectors
