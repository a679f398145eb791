// Flink's date-part functions (docs: "Temporal Functions"): EXTRACT(unit FROM x) and its
// shorthands YEAR(x) .. SECOND(x), all BIGINT as Calcite types them.
#include "compiler/functions/builtin_families.h"
#include "compiler/functions/signature_builders.h"

namespace sluice::builtin {

void registerDatePartFunctions(FunctionRegistry& r) {
  const DataType bigint = DataType::bigInt();
  const std::vector<std::string> units = {
      "MILLENNIUM", "CENTURY",     "DECADE",      "YEAR",       "ISOYEAR", "QUARTER", "MONTH",
      "WEEK",       "DAY",         "DOY",         "DOW",        "ISODOW",  "HOUR",    "MINUTE",
      "SECOND",     "MILLISECOND", "MICROSECOND", "NANOSECOND", "EPOCH"};
  r.add(scalar("EXTRACT",
               {sig({symbolArg("TIME_UNIT", units), datetimeArg()}, nullableIfArgs(bigint)),
                sig({symbolArg("TIME_UNIT", units), intervalArg()}, nullableIfArgs(bigint))}));

  // Calendar parts. Blink also reads them from 'yyyy-MM-dd[ HH:mm:ss]' strings.
  for (const char* name :
       {"YEAR", "QUARTER", "MONTH", "WEEK", "DAYOFYEAR", "DAYOFMONTH", "DAYOFWEEK"}) {
    r.add(scalar(name, {sig({datetimeArg()}, nullableIfArgs(bigint)),
                        sig({stringArg()}, forceNullable(bigint))}));
  }
  for (const char* name : {"HOUR", "MINUTE", "SECOND"}) {
    r.add(scalar(name, {sig({datetimeArg()}, nullableIfArgs(bigint))}));
  }
}

}  // namespace sluice::builtin
