// How each SQL type is stored in a column vector (see docs/ARCHITECTURE.md, "Data"):
// TIMESTAMP/TIMESTAMP_LTZ are int64 microseconds since the epoch, DATE int32 days, TIME int32
// milliseconds of the day (as Flink), DECIMAL int64 (p <= 18) or int128 unscaled, INTERVAL
// YEAR TO MONTH int32 months and DAY TO SECOND int64 milliseconds; strings and bytes StringRef.
#pragma once

#include <cstdint>

#include "compiler/types/data_type.h"

namespace sluice::runtime {

enum class PhysicalType : uint8_t {
  Null,  // an untyped NULL: every row null (stored as Int8)
  Bool,  // uint8_t 0 / 1
  Int8,
  Int16,
  Int32,
  Int64,
  Int128,
  Float32,
  Float64,
  String,  // StringRef
  Row,     // one child vector per field
  Array,   // offsets + sizes into child 0 (ARRAY and MULTISET)
  Map,     // offsets + sizes into children 0 (keys) and 1 (values)
};

using int128_t = __int128;

PhysicalType physicalTypeOf(const DataType& type);
// Bytes per row of the value array; 0 for Row/Array/Map (their data lives in children).
int physicalWidth(PhysicalType type);
const char* physicalTypeName(PhysicalType type);

// BOOLEAN, the integers, FLOAT and DOUBLE: what the typed aggregation paths widen to one 64-bit
// word (a double's bits for the floating-point ones).
bool isFixedWidthNumber(PhysicalType type);
bool isFloatingPoint(PhysicalType type);

// Decimals with more digits than this are stored as int128.
constexpr int kMaxInt64DecimalPrecision = 18;

}  // namespace sluice::runtime
