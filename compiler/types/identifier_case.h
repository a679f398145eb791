// SQL identifiers and keywords compare case-insensitively (Flink keeps the case of identifiers but
// Blink-style option keys and function names are case-insensitive); these helpers say so by name.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sluice {

bool equalsIgnoreCase(std::string_view a, std::string_view b);
std::string toUpperAscii(std::string_view text);
std::string toLowerAscii(std::string_view text);
// Levenshtein distance ignoring case, for "did you mean" suggestions.
size_t editDistanceIgnoreCase(std::string_view a, std::string_view b);
// The candidate nearest to `name` if it is near enough to be a plausible typo, else "".
std::string nearestName(std::string_view name, const std::vector<std::string>& candidates);

}  // namespace sluice
