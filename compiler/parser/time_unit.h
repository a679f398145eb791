// Time units as SQL spells them (YEAR, MINUTES, SQL_TSI_DAY, ...), normalized to the singular
// upper-case name Flink uses; nullopt for a word that is not a time unit.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sluice {

std::optional<std::string> normalizeTimeUnit(std::string_view word);

}  // namespace sluice
