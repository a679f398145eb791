// Boxed values as bytes, for what operators keep in keyed state (accumulators, rows). A compact
// self-describing form: it needs no type to decode, so a state entry survives plan changes that
// keep its meaning.
#pragma once

#include <string>
#include <string_view>

#include "runtime/data/value.h"

namespace sluice::runtime {

void encodeValue(const Value& value, std::string& out);
// Decodes one value at `in`, advancing it; throws StateError on truncated or malformed bytes.
Value decodeValue(std::string_view& in);

// The same bytes straight from and into a batch's column, without a boxed Value for the scalar
// types (the hot paths of join state): encodeCell(v, r) writes encodeValue(readValue(v, r)), and
// decodeCell does writeValue(v, at, decodeValue(in), arena). Nested types go through a Value.
void encodeCell(const Vector& vector, int row, std::string& out);
void decodeCell(std::string_view& in, Vector& vector, int at, Arena& arena);
// encodeValue(Value::ofInteger(value)), and decodeValue(in).integer without the boxed Value.
void encodeInteger(int64_t value, std::string& out);
int64_t decodeInteger(std::string_view& in);

}  // namespace sluice::runtime
