// A type as written in SQL, before the binder resolves it to a DataType (which may fail: an
// unknown type name, a precision out of range).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/diagnostics/source_location.h"

namespace sluice::ast {

struct TypeName;

struct RowFieldName {
  std::string name;
  std::unique_ptr<TypeName> type;
  std::string comment;
};

struct TypeName {
  SourceLocation location;
  // Upper-cased base name: "INT", "VARCHAR", "DECIMAL", "ROW", "ARRAY", "MAP", "MULTISET",
  // "TIMESTAMP", "TIMESTAMP_LTZ", "TIME", "INTERVAL", "RAW", "DOUBLE PRECISION", ...
  std::string name;
  std::vector<int64_t> parameters;  // VARCHAR(10), DECIMAL(10, 2), TIMESTAMP(3)
  bool withLocalTimeZone = false;   // TIMESTAMP(3) WITH LOCAL TIME ZONE
  std::vector<std::unique_ptr<TypeName>> elements;  // ARRAY / MULTISET element, MAP key + value
  std::vector<RowFieldName> fields;                 // ROW
  std::string intervalFrom, intervalTo;             // INTERVAL DAY TO SECOND
  std::vector<std::string> rawArguments;            // RAW('class', 'snapshot')
  bool notNull = false;
};

}  // namespace sluice::ast
