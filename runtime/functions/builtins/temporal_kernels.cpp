// Flink's temporal functions (docs: "Temporal Functions") and the Blink date functions, as
// kernels: date parts (EXTRACT, YEAR, ..), arithmetic (TIMESTAMPADD, TIMESTAMPDIFF, FLOOR/CEIL TO
// unit), formatting and parsing (DATE_FORMAT, TO_TIMESTAMP, UNIX_TIMESTAMP, ..) and the current
// time. TIMESTAMP_LTZ values are read and written in the session time zone.
#include "runtime/functions/builtins/builtin_library.h"
#include "runtime/functions/builtins/temporal_call_state.h"

namespace sluice::runtime::builtins {
namespace temporal {

std::optional<TimeUnit> timeUnitNamed(std::string_view keyword) {
  struct Named {
    std::string_view name;
    TimeUnit unit;
  };
  static constexpr Named kUnits[] = {
      {"MILLENNIUM", TimeUnit::Millennium},
      {"CENTURY", TimeUnit::Century},
      {"DECADE", TimeUnit::Decade},
      {"YEAR", TimeUnit::Year},
      {"ISOYEAR", TimeUnit::IsoYear},
      {"QUARTER", TimeUnit::Quarter},
      {"MONTH", TimeUnit::Month},
      {"WEEK", TimeUnit::Week},
      {"DAY", TimeUnit::Day},
      {"DOY", TimeUnit::DayOfYear},
      {"DOW", TimeUnit::DayOfWeek},
      {"ISODOW", TimeUnit::IsoDayOfWeek},
      {"HOUR", TimeUnit::Hour},
      {"MINUTE", TimeUnit::Minute},
      {"SECOND", TimeUnit::Second},
      {"MILLISECOND", TimeUnit::Millisecond},
      {"MICROSECOND", TimeUnit::Microsecond},
      {"NANOSECOND", TimeUnit::Nanosecond},
      {"EPOCH", TimeUnit::Epoch},
      {"FRAC_SECOND", TimeUnit::Microsecond},
  };
  for (const Named& named : kUnits) {
    if (named.name == keyword) return named.unit;
  }
  return std::nullopt;
}

int64_t microsPerUnit(TimeUnit unit) {
  switch (unit) {
    case TimeUnit::Week: return 7 * kMicrosPerDay;
    case TimeUnit::Day: return kMicrosPerDay;
    case TimeUnit::Hour: return kMicrosPerHour;
    case TimeUnit::Minute: return kMicrosPerMinute;
    case TimeUnit::Second: return kMicrosPerSecond;
    case TimeUnit::Millisecond: return kMicrosPerMilli;
    case TimeUnit::Microsecond:
    case TimeUnit::Nanosecond: return 1;
    default: return 0;
  }
}

std::optional<std::string> constantString(const CallSite& site, size_t index) {
  if (index >= site.constants.size() || !site.constants[index] || site.constants[index]->isNull) {
    return std::nullopt;
  }
  return site.constants[index]->bytes;
}

std::string bindTemporal(CallSite& site) {
  TemporalState state;
  state.zone = std::make_shared<SessionZone>();
  for (size_t i = 0; i < site.argumentTypes.size(); ++i) {
    if (site.argumentTypes[i].kind() != TypeKind::Symbol) continue;
    const auto keyword = constantString(site, i);
    if (!keyword) return "the time unit must be a keyword";
    state.unit = timeUnitNamed(*keyword);
    if (!state.unit) return "unknown time unit '" + *keyword + "'";
  }
  site.state = std::move(state);
  return "";
}

std::string bindPattern(CallSite& site, size_t index, PatternDialect dialect,
                        std::optional<DateTimePattern>& into) {
  const auto pattern = constantString(site, index);
  if (!pattern) return "";
  std::string error;
  into = DateTimePattern::compile(*pattern, dialect, error);
  return into ? "" : "invalid date-time pattern '" + *pattern + "': " + error;
}

std::optional<DateTimePattern> rowPattern(FunctionCall& call, std::string_view pattern,
                                          PatternDialect dialect) {
  std::string error;
  auto compiled = DateTimePattern::compile(pattern, dialect, error);
  if (!compiled) call.fail("invalid date-time pattern '" + std::string(pattern) + "': " + error);
  return compiled;
}

const DateTimePattern* patternFor(FunctionCall& call, const std::optional<DateTimePattern>& bound,
                                  StringRef text, PatternDialect dialect,
                                  std::optional<DateTimePattern>& scratch) {
  if (bound) return &*bound;
  scratch = rowPattern(call, text.view(), dialect);
  return scratch ? &*scratch : nullptr;
}

}  // namespace temporal

void registerTemporal(ScalarFunctionRegistry& registry) {
  temporal::registerDateParts(registry);
  temporal::registerDatetimeArithmetic(registry);
  temporal::registerBlinkDateFunctions(registry);
  temporal::registerDatetimeFormatting(registry);
  temporal::registerDatetimeParsing(registry);
  temporal::registerCurrentTime(registry);
}

}  // namespace sluice::runtime::builtins
