// The formats a connector reads and writes records in ('csv', 'json'), behind two small
// interfaces so every connector carrying records (files now, message queues later) shares them.
// A record is one line of a file or one message; decoders report errors with the byte offset of
// the bad field so the caller can name its own position (file:line:column, partition:offset).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/artifact/job_plan.h"
#include "connectors/options/table_options.h"
#include "runtime/data/row_kind.h"
#include "runtime/data/time_zone.h"
#include "runtime/data/value.h"

namespace sluice::connectors {

// Where a format finds its options and what rows it reads or writes.
struct FormatContext {
  TableOptions options;
  // Put before the format's keys: 'csv.' for 'format' = 'csv', 'format.' in the legacy
  // 'format.type' form, 'value.csv.' for a message queue's values.
  std::string prefix;
  std::vector<artifact::Field> fields;
  // TIMESTAMP_LTZ text without an offset is a local time of this (the session) zone.
  runtime::TimeZone zone;

  std::string key(const std::string& name) const { return prefix + name; }
};

struct DecodeError {
  size_t offset = 0;  // in the record, of the bad field (or of the bad character)
  std::string message;
};

enum class DecodeResult : uint8_t {
  Row,    // `row` holds one value per field
  Skip,   // not a row: a comment or blank line
  Error,  // `error` says why
};

// One change a record carries: changelog formats (debezium-json, canal-json, maxwell-json) turn
// one record into several (an update's -U and +U; canal's rows in arrays).
struct DecodedChange {
  runtime::RowKind kind = runtime::RowKind::Insert;
  std::vector<runtime::Value> row;
};

class RowDecoder {
 public:
  virtual ~RowDecoder() = default;
  // Whether a record that so far is `text` goes on past the next line break (a CSV value in
  // quotes may hold line breaks).
  virtual bool continuesOnNextLine(std::string_view text) const {
    (void)text;
    return false;
  }
  virtual DecodeResult decode(std::string_view record, std::vector<runtime::Value>& row,
                              DecodeError& error) const = 0;
  // The changes of one record, resizing `changes` (kept between calls so rows reuse their
  // buffers). With Row, `changes` holds them all (a canal record may hold none); plain formats
  // give one insert.
  virtual DecodeResult decodeChanges(std::string_view record, std::vector<DecodedChange>& changes,
                                     DecodeError& error) const {
    changes.resize(1);
    changes[0].kind = runtime::RowKind::Insert;
    return decode(record, changes[0].row, error);
  }
  // Whether bad records are skipped (and counted) rather than failing the job.
  virtual bool ignoresParseErrors() const = 0;
};

class RowEncoder {
 public:
  virtual ~RowEncoder() = default;
  // Appends the record of one row (one value per field) to `out`, without a line terminator.
  // Fails with a ConnectorError for a row the format cannot write.
  virtual void encode(const std::vector<runtime::Value>& row, std::string& out) const = 0;
};

// The decoder and encoder of a format by name; a ConnectorError for a format or a column type
// the runtime cannot read or write.
std::unique_ptr<RowDecoder> makeRowDecoder(const std::string& format, const FormatContext& context);
std::unique_ptr<RowEncoder> makeRowEncoder(const std::string& format, const FormatContext& context);

}  // namespace sluice::connectors
