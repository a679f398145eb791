#include "compiler/parser/time_unit.h"

#include "compiler/types/identifier_case.h"

namespace sluice {

std::optional<std::string> normalizeTimeUnit(std::string_view word) {
  std::string unit = toUpperAscii(word);
  if (unit.rfind("SQL_TSI_", 0) == 0) unit = unit.substr(8);
  static const char* kUnits[] = {"YEAR", "QUARTER", "MONTH", "WEEK", "DAY", "HOUR", "MINUTE",
                                 "SECOND", "MILLISECOND", "MICROSECOND", "NANOSECOND", "DOW",
                                 "DOY", "ISODOW", "ISOYEAR", "EPOCH", "DECADE", "CENTURY",
                                 "MILLENNIUM", "FRAC_SECOND"};
  for (const char* known : kUnits) {
    std::string name = known;
    if (unit == name || unit == name + "S") return name;
  }
  return std::nullopt;
}

}  // namespace sluice
