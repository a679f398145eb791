// Text forms the record formats share: base64 for binary strings (as Jackson writes byte
// arrays), Flink's JSON/CSV date-time patterns and BigDecimal.toString for decimals. The
// append* functions write to the end of a record being built, without allocating on their own.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "compiler/types/data_type.h"
#include "runtime/data/time_zone.h"
#include "runtime/data/value.h"
#include "runtime/data/value_text.h"

namespace sluice::connectors {

void appendBase64(std::string& out, std::string_view bytes);
// Standard alphabet, padding optional, whitespace not allowed; nullopt when malformed.
std::optional<std::string> decodeBase64(std::string_view text);

// A FLOAT (`isFloat`) or DOUBLE as Java's Float.toString / Double.toString writes it.
void appendReal(std::string& out, double value, bool isFloat);

// How timestamps are written: 'SQL' ("2026-01-01 00:00:05.5") or 'ISO-8601'
// ("2026-01-01T00:00:05.5"), both with the fraction's trailing zeros cut as java.time's
// ISO_LOCAL_TIME does; TIMESTAMP_LTZ values in UTC with a 'Z' suffix.
enum class TimestampStandard : uint8_t { Sql, Iso8601 };

// DATE, TIME, TIMESTAMP and TIMESTAMP_LTZ values as the formats write them.
void appendTemporal(std::string& out, const runtime::Value& value, const DataType& type,
                    TimestampStandard standard);

// Reads a DATE, TIME, TIMESTAMP or TIMESTAMP_LTZ. TIMESTAMP_LTZ text ending in 'Z' is UTC (as
// the formats write it); without it, a local time of `zone`.
runtime::ParsedValue parseTemporal(std::string_view text, const DataType& type,
                                   const runtime::TimeZone& zone);

// A DECIMAL as BigDecimal.toString writes it (scientific notation when the adjusted exponent is
// below -6: "1.2E-7", "0E-8") or, when `plain`, as toPlainString ("0.00000012").
void appendDecimal(std::string& out, const runtime::Value& value, const DataType& type, bool plain);

}  // namespace sluice::connectors
