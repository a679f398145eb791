// Reads Flink's JSON changelog formats, each record one change event of a CDC tool whose row
// images decode as the 'json' format does (same options under the format's prefix):
// - 'debezium-json': {"before": {...}, "after": {...}, "op": "c"|"r"|"u"|"d"}, inside
//   {"schema": ..., "payload": ...} with 'debezium-json.schema-include' = 'true'. c and r give
//   +I of after, u gives -U of before then +U of after, d gives -D of before.
// - 'canal-json': {"data": [...], "old": [...], "type": "INSERT"|"UPDATE"|"DELETE", "database",
//   "table"}: one change per element of data; an update's "old" element holds only the changed
//   fields, the others come from data. CREATE (a DDL event) is skipped, as are events of
//   databases or tables that 'canal-json.database.include' / 'table.include' do not match.
// - 'maxwell-json': {"data": {...}, "old": {...}, "type": "insert"|"update"|"delete"}, one row.
// An empty record is skipped (a tombstone); an unknown op or type is a bad record.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "connectors/format/json_row_decoder.h"
#include "connectors/format/row_format.h"

namespace sluice::connectors {

enum class ChangelogJsonFlavor : uint8_t { Debezium, Canal, Maxwell };

class ChangelogJsonDecoder : public RowDecoder {
 public:
  ChangelogJsonDecoder(ChangelogJsonFlavor flavor, const FormatContext& context);

  // A record may carry several changes: callers read it with decodeChanges; this gives the first
  // of them, as an insert.
  DecodeResult decode(std::string_view record, std::vector<runtime::Value>& row,
                      DecodeError& error) const override;
  DecodeResult decodeChanges(std::string_view record, std::vector<DecodedChange>& changes,
                             DecodeError& error) const override;
  bool ignoresParseErrors() const override { return rows_.ignoresParseErrors(); }

 private:
  struct Event;  // one parsed record and where its errors point
  DecodeResult debezium(Event& event, std::vector<DecodedChange>& changes) const;
  DecodeResult canal(Event& event, std::vector<DecodedChange>& changes) const;
  DecodeResult maxwell(Event& event, std::vector<DecodedChange>& changes) const;
  // Appends the change of the row image `image`, found at member `member` of the record.
  bool addImage(Event& event, const nlohmann::json& image, runtime::RowKind kind,
                std::string_view member, std::vector<DecodedChange>& changes, size_t& count) const;

  ChangelogJsonFlavor flavor_;
  JsonRowDecoder rows_;
  std::vector<std::string> fieldNames_;
  bool schemaInclude_ = false;                 // debezium
  std::optional<std::regex> databaseInclude_;  // canal
  std::optional<std::regex> tableInclude_;
};

}  // namespace sluice::connectors
