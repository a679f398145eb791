// SQL type names as a native library (UDX) declares them: "BIGINT", "TIMESTAMP(3)",
// "STRING, DOUBLE". The compiler's DDL types go through the ANTLR grammar, which the runtime
// cannot link; a library's types are a small scalar set (the row-entry ABI has no nested or
// DECIMAL values), so both sides share this small parser instead.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/types/data_type.h"

namespace sluice {

// One type: BOOLEAN, TINYINT, SMALLINT, INT/INTEGER, BIGINT, FLOAT, DOUBLE, STRING, VARCHAR(n),
// BYTES, VARBINARY(n), DATE, TIME, TIMESTAMP(p), TIMESTAMP_LTZ(p) (also TIMESTAMP(p) WITH LOCAL
// TIME ZONE), case-insensitive, nullable. nullopt with `error` set otherwise.
std::optional<DataType> parseScalarTypeText(std::string_view text, std::string& error);

// A comma-separated list of such types; "" (or blanks) is the empty list.
std::optional<std::vector<DataType>> parseScalarTypeList(std::string_view text, std::string& error);

// A table function's row type: "ROW<name TYPE, ...>" (also ROW(name TYPE, ...)), at least one
// field, each of the types above; a name may be quoted in backquotes. Nullable, as are its fields.
std::optional<DataType> parseRowTypeText(std::string_view text, std::string& error);

}  // namespace sluice
