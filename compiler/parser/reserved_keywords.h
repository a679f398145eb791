// Flink SQL's reserved keywords (Calcite's, as Flink lists them). Sluice's grammar accepts most of
// them as plain identifiers to stay lenient for Blink jobs, so the binder uses this list to
// refuse, as Flink does, an unquoted reserved word where Flink needs `back-quotes`.
#pragma once

#include <string_view>

namespace sluice {

bool isFlinkReservedKeyword(std::string_view word);

}  // namespace sluice
