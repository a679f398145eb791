// One boxed SQL value: literals of the plan artifact, rows read by connectors and tests, and the
// slow generic paths (nested types). Hot paths work on vectors and never box.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "runtime/data/physical_type.h"

namespace sluice::runtime {

class Vector;
class Arena;

struct Value {
  bool isNull = true;
  int64_t integer = 0;   // every integer-stored type (BOOLEAN as 0/1), and DECIMAL(p <= 18)
  int128_t wide = 0;     // DECIMAL(p > 18)
  double real = 0;       // FLOAT and DOUBLE
  std::string bytes;     // strings and binary
  std::vector<Value> children;  // ROW fields; ARRAY elements; MAP keys and values alternating

  static Value null() { return Value{}; }
  static Value ofInteger(int64_t v);
  static Value ofWide(int128_t v);
  static Value ofReal(double v);
  static Value ofBytes(std::string v);
  static Value ofChildren(std::vector<Value> v);

  bool operator==(const Value& other) const = default;
};

// Reads row `row` of `vector` as a Value.
Value readValue(const Vector& vector, int row);
// Writes `value` at row `row`; long strings are copied into `arena`.
void writeValue(Vector& vector, int row, const Value& value, Arena& arena);

}  // namespace sluice::runtime
