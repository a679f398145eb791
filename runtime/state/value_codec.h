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

}  // namespace sluice::runtime
