// JSON text of a string: the one writer shared by the JSON format's encoder and the JSON
// functions' documents. Escapes as Jackson (Flink's JSON library) does: quote, backslash, the
// short escapes and other control characters as \u00XX; everything else, UTF-8 included, as is.
#pragma once

#include <string>
#include <string_view>

namespace sluice::runtime {

void appendJsonString(std::string& out, std::string_view text);

}  // namespace sluice::runtime
