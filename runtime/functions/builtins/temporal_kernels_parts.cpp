// EXTRACT(unit FROM x) and its shorthands YEAR(x) .. SECOND(x), as Flink's DateTimeUtils:
// MILLISECOND, MICROSECOND and NANOSECOND count within the second (EXTRACT(MILLISECOND FROM
// '..:05.123') is 123), DOW is 1 = Sunday .. 7 = Saturday, WEEK is the ISO week. TIMESTAMP_LTZ
// parts are those of its local time in the session zone (EPOCH stays the instant's). Negative
// (pre-1970) times use floor arithmetic, where Flink's Java remainders go negative.
#include "runtime/data/value_text.h"
#include "runtime/functions/builtins/temporal_call_state.h"

namespace sluice::runtime::builtins::temporal {
namespace {

bool isTimeOfDayUnit(TimeUnit unit) {
  return unit == TimeUnit::Hour || unit == TimeUnit::Minute || unit == TimeUnit::Second ||
         unit == TimeUnit::Millisecond || unit == TimeUnit::Microsecond ||
         unit == TimeUnit::Nanosecond || unit == TimeUnit::Epoch;
}

int64_t extractFromDays(TimeUnit unit, int64_t days) {
  const CivilDate date = civilFromDays(days);
  const int64_t year = date.year;
  switch (unit) {
    case TimeUnit::Millennium: return year > 0 ? (year + 999) / 1000 : (year - 999) / 1000;
    case TimeUnit::Century: return year > 0 ? (year + 99) / 100 : (year - 99) / 100;
    case TimeUnit::Decade: return year / 10;
    case TimeUnit::Year: return year;
    case TimeUnit::IsoYear: return isoWeekYear(days);
    case TimeUnit::Quarter: return (date.month + 2) / 3;
    case TimeUnit::Month: return date.month;
    case TimeUnit::Week: return isoWeekOfYear(days);
    case TimeUnit::Day: return date.day;
    case TimeUnit::DayOfYear: return dayOfYear(days);
    case TimeUnit::DayOfWeek: return dayOfWeekSundayFirst(days);
    case TimeUnit::IsoDayOfWeek: return isoDayOfWeek(days);
    case TimeUnit::Epoch: return days * kSecondsPerDay;
    default: return 0;  // a DATE has no time of day
  }
}

int64_t extractFromLocalMicros(TimeUnit unit, int64_t micros) {
  switch (unit) {
    case TimeUnit::Hour: return floorMod(micros, kMicrosPerDay) / kMicrosPerHour;
    case TimeUnit::Minute: return floorMod(micros, kMicrosPerHour) / kMicrosPerMinute;
    case TimeUnit::Second: return floorMod(micros, kMicrosPerMinute) / kMicrosPerSecond;
    case TimeUnit::Millisecond: return floorMod(micros, kMicrosPerSecond) / kMicrosPerMilli;
    case TimeUnit::Microsecond: return floorMod(micros, kMicrosPerSecond);
    case TimeUnit::Nanosecond: return floorMod(micros, kMicrosPerSecond) * 1000;
    case TimeUnit::Epoch: return floorDiv(micros, kMicrosPerSecond);
    default: return extractFromDays(unit, floorDiv(micros, kMicrosPerDay));
  }
}

template <Datetime D>
int64_t extractFrom(FunctionCall& call, TimeUnit unit, typename DatetimeTraits<D>::Cpp value) {
  if constexpr (D == Datetime::Date) {
    return extractFromDays(unit, value);
  } else if constexpr (D == Datetime::Ltz) {
    if (unit == TimeUnit::Epoch) return floorDiv(value, kMicrosPerSecond);
    return extractFromLocalMicros(unit, toLocalMicros<D>(call, value));
  } else {
    return extractFromLocalMicros(unit, toLocalMicros<D>(call, value));
  }
}

template <Datetime D>
int64_t extractDatetime(FunctionCall& call, StringRef, typename DatetimeTraits<D>::Cpp value) {
  return extractFrom<D>(call, *temporalState(call).unit, value);
}

// Intervals keep their sign in every part, as Calcite's remainders do.
int64_t extractYearMonth(FunctionCall& call, StringRef, int32_t months) {
  switch (*temporalState(call).unit) {
    case TimeUnit::Millennium: return months / 12000;
    case TimeUnit::Century: return months / 1200;
    case TimeUnit::Decade: return months / 120;
    case TimeUnit::Year: return months / 12;
    case TimeUnit::Quarter: return months % 12 / 3 + 1;
    case TimeUnit::Month: return months % 12;
    default: return 0;
  }
}

int64_t extractDayTime(FunctionCall& call, StringRef, int64_t millis) {
  switch (*temporalState(call).unit) {
    case TimeUnit::Week: return millis / (7 * kMillisPerDay);
    case TimeUnit::Day: return millis / kMillisPerDay;
    case TimeUnit::Hour: return millis % kMillisPerDay / 3'600'000;
    case TimeUnit::Minute: return millis % 3'600'000 / 60'000;
    case TimeUnit::Second: return millis % 60'000 / 1000;
    case TimeUnit::Millisecond: return millis % 1000;
    case TimeUnit::Microsecond: return millis % 1000 * 1000;
    case TimeUnit::Nanosecond: return millis % 1000 * 1'000'000;
    case TimeUnit::Epoch: return millis / 1000;
    default: return 0;
  }
}

// EXTRACT(YEAR FROM TIME ..) has no answer.
std::string bindExtract(CallSite& site) {
  std::string error = bindTemporal(site);
  if (!error.empty()) return error;
  const TimeUnit unit = *std::any_cast<TemporalState&>(site.state).unit;
  const TypeKind source = site.argumentTypes.at(1).kind();
  if (source == TypeKind::Time && !isTimeOfDayUnit(unit)) {
    return "EXTRACT of a calendar unit from a TIME is not supported";
  }
  return "";
}

// The shorthands: YEAR(x) is EXTRACT(YEAR FROM x).
template <TimeUnit U, Datetime D>
int64_t partOf(FunctionCall& call, typename DatetimeTraits<D>::Cpp value) {
  return extractFrom<D>(call, U, value);
}

// Blink reads the calendar shorthands from 'yyyy-MM-dd[ HH:mm:ss]' strings too; NULL when the
// text is no date.
template <TimeUnit U>
int64_t partOfText(FunctionCall& call, StringRef text) {
  const auto days = parseDate(text.view());
  if (!days) {
    call.setNull();
    return 0;
  }
  return extractFromDays(U, *days);
}

template <TimeUnit U, Datetime... Ds>
void addShorthand(ScalarFunctionRegistry& registry, const char* name) {
  (registry.add(temporalKernel<&partOf<U, Ds>>(name, {acceptsDatetime<Ds>()}, bigInts())), ...);
}

template <TimeUnit U>
void addCalendarShorthand(ScalarFunctionRegistry& registry, const char* name) {
  addShorthand<U, Datetime::Date, Datetime::Timestamp, Datetime::Ltz>(registry, name);
  ScalarKernel text = temporalKernel<&partOfText<U>>(name, {Accepts::strings()}, bigInts());
  text.mayReturnNull = true;
  registry.add(std::move(text));
}

template <Datetime... Ds>
void addExtract(ScalarFunctionRegistry& registry) {
  (registry.add(temporalKernel<&extractDatetime<Ds>>("EXTRACT", {symbols(), acceptsDatetime<Ds>()},
                                                     bigInts(), bindExtract)),
   ...);
}

}  // namespace

void registerDateParts(ScalarFunctionRegistry& registry) {
  addExtract<Datetime::Date, Datetime::Time, Datetime::Timestamp, Datetime::Ltz>(registry);
  registry.add(temporalKernel<&extractYearMonth>(
      "EXTRACT", {symbols(), Accepts::kind(TypeKind::IntervalYearMonth)}, bigInts()));
  registry.add(temporalKernel<&extractDayTime>(
      "EXTRACT", {symbols(), Accepts::kind(TypeKind::IntervalDayTime)}, bigInts()));

  addCalendarShorthand<TimeUnit::Year>(registry, "YEAR");
  addCalendarShorthand<TimeUnit::Quarter>(registry, "QUARTER");
  addCalendarShorthand<TimeUnit::Month>(registry, "MONTH");
  addCalendarShorthand<TimeUnit::Week>(registry, "WEEK");
  addCalendarShorthand<TimeUnit::DayOfYear>(registry, "DAYOFYEAR");
  addCalendarShorthand<TimeUnit::Day>(registry, "DAYOFMONTH");
  addCalendarShorthand<TimeUnit::DayOfWeek>(registry, "DAYOFWEEK");
  addShorthand<TimeUnit::Hour, Datetime::Time, Datetime::Timestamp, Datetime::Ltz>(registry,
                                                                                   "HOUR");
  addShorthand<TimeUnit::Minute, Datetime::Time, Datetime::Timestamp, Datetime::Ltz>(registry,
                                                                                     "MINUTE");
  addShorthand<TimeUnit::Second, Datetime::Time, Datetime::Timestamp, Datetime::Ltz>(registry,
                                                                                     "SECOND");
}

}  // namespace sluice::runtime::builtins::temporal
