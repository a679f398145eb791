// Flink's temporal functions that convert and compute (docs: "Temporal Functions"): DATE_FORMAT,
// TIMESTAMPADD, TIMESTAMPDIFF, CONVERT_TZ, FROM_UNIXTIME, UNIX_TIMESTAMP, TO_DATE, TO_TIMESTAMP,
// TO_TIMESTAMP_LTZ, plus the Blink overloads of these names (Blink jobs call DATE_FORMAT with
// three strings, TO_TIMESTAMP with epoch milliseconds, TO_DATE with epoch days). Date parts are in
// builtin_date_part_functions.cpp, the current time in builtin_time_attribute_functions.cpp.
#include <fmt/format.h>

#include <algorithm>

#include "compiler/functions/builtin_families.h"
#include "compiler/functions/signature_builders.h"
#include "compiler/types/identifier_case.h"

namespace sluice::builtin {
namespace {

// TIMESTAMPADD(unit, n, datetime), as Calcite's SqlTimestampAddFunction: fractional-second units
// raise a TIME/TIMESTAMP to at least millisecond/microsecond/nanosecond precision; HOUR, MINUTE
// and SECOND turn a DATE into a TIMESTAMP (Flink's default precision 6); other units keep the
// datetime type.
ResultRule timestampAddResult() {
  return [](const CallArgs& args) -> Result<DataType> {
    const std::string unit = toUpperAscii(args.operand(0).literal.value_or(""));
    const DataType datetime = args.type(2).withTimeAttribute(TimeAttribute::None);
    int fraction = -1;
    if (unit == "MILLISECOND") fraction = 3;
    if (unit == "MICROSECOND") fraction = 6;
    if (unit == "NANOSECOND") fraction = 9;
    const bool subDay = fraction >= 0 || unit == "HOUR" || unit == "MINUTE" || unit == "SECOND";
    if (!subDay) return datetime;
    const int precision =
        std::max(fraction, datetime.kind() == TypeKind::Date ? DataType::kDefaultTimestampPrecision
                                                             : datetime.precision());
    switch (datetime.kind()) {
      case TypeKind::Time: return DataType::time(precision);
      case TypeKind::TimestampLtz: return DataType::timestampLtz(precision);
      default: return DataType::timestamp(std::min(precision, 9));
    }
  };
}

// TO_TIMESTAMP_LTZ(epoch, precision): precision 0 reads seconds, 3 milliseconds; the result
// carries that precision when it is a literal.
ResultRule epochLtzResult() {
  return [](const CallArgs& args) -> Result<DataType> {
    std::optional<int64_t> precision = args.integerLiteral(1);
    if (!precision) return DataType::timestampLtz(3);
    if (*precision != 0 && *precision != 3) {
      return fail(
          fmt::format("the precision of TO_TIMESTAMP_LTZ must be 0 (seconds) or 3 "
                      "(milliseconds), got {}",
                      *precision));
    }
    return DataType::timestampLtz(static_cast<int>(*precision));
  };
}

}  // namespace

void registerTemporalFunctions(FunctionRegistry& r) {
  const DataType str = DataType::string();
  const DataType ts3 = DataType::timestamp(3);
  const DataType ltz3 = DataType::timestampLtz(3);
  const std::vector<std::string> diffUnits = {"YEAR", "QUARTER", "MONTH",  "WEEK",
                                              "DAY",  "HOUR",    "MINUTE", "SECOND"};
  std::vector<std::string> addUnits = diffUnits;
  addUnits.insert(addUnits.end(), {"MILLISECOND", "MICROSECOND", "NANOSECOND"});

  r.add(scalar("DATE_FORMAT", {sig({timestampArg(), stringArg()}, forceNullable(str)),
                               sig({dateArg(), stringArg()}, forceNullable(str)),
                               sig({stringArg(), stringArg()}, forceNullable(str)),
                               // Blink: DATE_FORMAT(text, fromFormat, toFormat)
                               sig({stringArg(), stringArg(), stringArg()}, forceNullable(str))}));
  r.add(scalar("TIMESTAMPADD", {sig({symbolArg("TIME_UNIT", addUnits), integerArg(), datetimeArg()},
                                    nullableIfArgs(timestampAddResult()))}));
  r.add(scalar("TIMESTAMPDIFF",
               {sig({symbolArg("TIME_UNIT", diffUnits), datetimeArg(), datetimeArg()},
                    nullableIfArgs(DataType::integer()))}));
  r.add(scalar("CONVERT_TZ", {sig({stringArg(), stringArg(), stringArg()}, forceNullable(str))}));
  // FROM_UNIXTIME(epochSeconds[, format]); Blink passes BIGINT seconds as well.
  r.add(scalar("FROM_UNIXTIME", {sig({integerArg()}, forceNullable(str)),
                                 sig({integerArg(), stringArg()}, forceNullable(str))}));
  r.add(nonDeterministic(scalar(
      "UNIX_TIMESTAMP", {sig({}, explicitType(DataType::bigInt().notNull())),
                         sig({stringArg()}, nullableIfArgs(DataType::bigInt())),
                         sig({stringArg(), stringArg()}, nullableIfArgs(DataType::bigInt()))})));
  r.add(scalar("TO_DATE", {sig({stringArg()}, forceNullable(DataType::date())),
                           sig({stringArg(), stringArg()}, forceNullable(DataType::date())),
                           // Blink: TO_DATE(epochDays)
                           sig({integerArg()}, nullableIfArgs(DataType::date()))}));
  r.add(scalar("TO_TIMESTAMP", {sig({stringArg()}, forceNullable(ts3)),
                                sig({stringArg(), stringArg()}, forceNullable(ts3)),
                                // Blink: TO_TIMESTAMP(epochMillis)
                                sig({integerArg()}, nullableIfArgs(ts3))}));
  r.add(scalar("TO_TIMESTAMP_LTZ",
               {sig({numericArg()}, forceNullable(ltz3)),
                sig({numericArg(), integerArg()}, forceNullable(epochLtzResult())),
                sig({stringArg()}, forceNullable(ltz3)),
                sig({stringArg(), stringArg()}, forceNullable(ltz3)),
                sig({stringArg(), stringArg(), stringArg()}, forceNullable(ltz3))}));
}

}  // namespace sluice::builtin
