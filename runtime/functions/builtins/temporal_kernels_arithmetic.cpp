// TIMESTAMPADD(unit, n, x), TIMESTAMPDIFF(unit, a, b) and FLOOR/CEIL(x TO unit).
//
// Calendar units (YEAR .. DAY, WEEK) work on local date-times: a TIMESTAMP_LTZ moves in the
// session zone, so adding a DAY across a daylight-saving change keeps the wall-clock time. Fixed
// units (HOUR and below) work on the instant. Month arithmetic clamps the day (Jan 31 + 1 month
// = Feb 28/29); TIMESTAMPDIFF counts whole units toward zero, as Flink.
//
// CEIL gives the smallest boundary not before the value; Flink's CEIL of a timestamp to MONTH or
// YEAR looks at the date only and can return a time before the value (CEIL('2026-03-01 10:00'
// TO MONTH) = 2026-03-01 00:00 there, 2026-04-01 00:00 here).
#include "runtime/functions/builtins/temporal_call_state.h"

namespace sluice::runtime::builtins::temporal {
namespace {

// Two's-complement wrapping, as Java's long arithmetic (and never undefined behaviour).
int64_t wrappingMultiply(int64_t a, int64_t b) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) * static_cast<uint64_t>(b));
}
int64_t wrappingAdd(int64_t a, int64_t b) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) + static_cast<uint64_t>(b));
}
int64_t wrappingSubtract(int64_t a, int64_t b) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) - static_cast<uint64_t>(b));
}

int64_t monthsIn(TimeUnit unit) {
  switch (unit) {
    case TimeUnit::Millennium: return 12000;
    case TimeUnit::Century: return 1200;
    case TimeUnit::Decade: return 120;
    case TimeUnit::Year: return 12;
    case TimeUnit::Quarter: return 3;
    default: return 1;
  }
}

int64_t addUnits(TimeUnit unit, int64_t amount, int64_t micros) {
  if (isMonthBased(unit)) {
    return addMonthsToMicros(micros, wrappingMultiply(amount, monthsIn(unit)));
  }
  if (unit == TimeUnit::Nanosecond) return wrappingAdd(micros, amount / 1000);
  return wrappingAdd(micros, wrappingMultiply(amount, microsPerUnit(unit)));
}

template <typename N, Datetime D, Datetime R>
typename DatetimeTraits<R>::Cpp timestampAdd(FunctionCall& call, StringRef, N amount,
                                             typename DatetimeTraits<D>::Cpp value) {
  const TimeUnit unit = *temporalState(call).unit;
  if constexpr (D == Datetime::Ltz) {
    if (!isCalendarUnit(unit)) return addUnits(unit, amount, value);
  }
  return fromLocalMicros<R>(call, addUnits(unit, amount, toLocalMicros<D>(call, value)));
}

template <Datetime A, Datetime B>
int32_t timestampDiff(FunctionCall& call, StringRef, typename DatetimeTraits<A>::Cpp start,
                      typename DatetimeTraits<B>::Cpp end) {
  const TimeUnit unit = *temporalState(call).unit;
  int64_t from = 0;
  int64_t to = 0;
  if (A == Datetime::Ltz && B == Datetime::Ltz && !isMonthBased(unit)) {
    from = start;  // two instants: the time between them, whatever the zone
    to = end;
  } else {
    from = toLocalMicros<A>(call, start);
    to = toLocalMicros<B>(call, end);
  }
  if (isMonthBased(unit)) {
    return static_cast<int32_t>(monthsBetweenMicros(to, from) / monthsIn(unit));
  }
  const int64_t elapsed = wrappingSubtract(to, from);
  if (unit == TimeUnit::Nanosecond) return static_cast<int32_t>(wrappingMultiply(elapsed, 1000));
  return static_cast<int32_t>(elapsed / microsPerUnit(unit));
}

int32_t yearAsInt(int64_t year) {
  return static_cast<int32_t>(year);
}

// The first day of the unit's period holding `date` (as Flink: centuries start in years ..01).
CivilDate periodStart(TimeUnit unit, const CivilDate& date) {
  const int64_t year = date.year;
  switch (unit) {
    case TimeUnit::Millennium: return {yearAsInt(floorDiv(year - 1, 1000) * 1000 + 1), 1, 1};
    case TimeUnit::Century: return {yearAsInt(floorDiv(year - 1, 100) * 100 + 1), 1, 1};
    case TimeUnit::Decade: return {yearAsInt(year - floorMod(year, 10)), 1, 1};
    case TimeUnit::Year: return {date.year, 1, 1};
    case TimeUnit::Quarter: return {date.year, (date.month - 1) / 3 * 3 + 1, 1};
    default: return {date.year, date.month, 1};
  }
}

int64_t roundToUnit(TimeUnit unit, int64_t micros, bool up) {
  int64_t floor = micros;
  int64_t next = micros;
  if (isMonthBased(unit)) {
    const CivilDate start = periodStart(unit, civilFromDays(floorDiv(micros, kMicrosPerDay)));
    floor = microsAtStartOfDay(daysFromCivil(start.year, start.month, start.day));
    next = addMonthsToMicros(floor, monthsIn(unit));
  } else if (unit == TimeUnit::Week) {
    const int64_t days = floorDiv(micros, kMicrosPerDay);
    floor = microsAtStartOfDay(days - (dayOfWeekSundayFirst(days) - 1));  // back to Sunday
    next = wrappingAdd(floor, 7 * kMicrosPerDay);
  } else if (unit != TimeUnit::Nanosecond) {
    const int64_t length = microsPerUnit(unit);
    floor = floorToMultiple(micros, length);
    next = wrappingAdd(floor, length);
  }
  return up && floor != micros ? next : floor;
}

template <Datetime D, bool Up>
typename DatetimeTraits<D>::Cpp roundDatetime(FunctionCall& call,
                                              typename DatetimeTraits<D>::Cpp value) {
  const TimeUnit unit = *temporalState(call).unit;
  return fromLocalMicros<D>(call, roundToUnit(unit, toLocalMicros<D>(call, value), Up));
}
template <Datetime D, bool Up>
typename DatetimeTraits<D>::Cpp roundUnitFirst(FunctionCall& call, StringRef,
                                               typename DatetimeTraits<D>::Cpp value) {
  return roundDatetime<D, Up>(call, value);
}
template <Datetime D, bool Up>
typename DatetimeTraits<D>::Cpp roundUnitLast(FunctionCall& call,
                                              typename DatetimeTraits<D>::Cpp value, StringRef) {
  return roundDatetime<D, Up>(call, value);
}

std::string bindRounding(CallSite& site) {
  std::string error = bindTemporal(site);
  if (!error.empty()) return error;
  const TimeUnit unit = *std::any_cast<TemporalState&>(site.state).unit;
  const bool supported = isMonthBased(unit) || microsPerUnit(unit) > 0;
  return supported ? "" : "FLOOR/CEIL cannot round to this time unit";
}

template <typename N>
void addTimestampAdds(ScalarFunctionRegistry& registry) {
  const Accepts amount = acceptsInteger<N>();
  auto add = [&](auto kernel) { registry.add(std::move(kernel)); };
  using enum Datetime;
  add(temporalKernel<&timestampAdd<N, Date, Date>>(
      "TIMESTAMPADD", {symbols(), amount, acceptsDatetime<Date>()}, acceptsDatetime<Date>()));
  add(temporalKernel<&timestampAdd<N, Date, Timestamp>>(
      "TIMESTAMPADD", {symbols(), amount, acceptsDatetime<Date>()}, acceptsDatetime<Timestamp>()));
  add(temporalKernel<&timestampAdd<N, Time, Time>>(
      "TIMESTAMPADD", {symbols(), amount, acceptsDatetime<Time>()}, acceptsDatetime<Time>()));
  add(temporalKernel<&timestampAdd<N, Timestamp, Timestamp>>(
      "TIMESTAMPADD", {symbols(), amount, acceptsDatetime<Timestamp>()},
      acceptsDatetime<Timestamp>()));
  add(temporalKernel<&timestampAdd<N, Ltz, Ltz>>(
      "TIMESTAMPADD", {symbols(), amount, acceptsDatetime<Ltz>()}, acceptsDatetime<Ltz>()));
}

template <Datetime A, Datetime... Bs>
void addTimestampDiffsFrom(ScalarFunctionRegistry& registry) {
  (registry.add(temporalKernel<&timestampDiff<A, Bs>>(
       "TIMESTAMPDIFF", {symbols(), acceptsDatetime<A>(), acceptsDatetime<Bs>()},
       Accepts::kind(TypeKind::Int))),
   ...);
}

template <bool Up, Datetime... Ds>
void addRounding(ScalarFunctionRegistry& registry, const char* name) {
  (registry.add(temporalKernel<&roundUnitLast<Ds, Up>>(name, {acceptsDatetime<Ds>(), symbols()},
                                                       acceptsDatetime<Ds>(), bindRounding)),
   ...);
  (registry.add(temporalKernel<&roundUnitFirst<Ds, Up>>(name, {symbols(), acceptsDatetime<Ds>()},
                                                        acceptsDatetime<Ds>(), bindRounding)),
   ...);
}

}  // namespace

void registerDatetimeArithmetic(ScalarFunctionRegistry& registry) {
  addTimestampAdds<int8_t>(registry);
  addTimestampAdds<int16_t>(registry);
  addTimestampAdds<int32_t>(registry);
  addTimestampAdds<int64_t>(registry);
  using enum Datetime;
  addTimestampDiffsFrom<Date, Date, Time, Timestamp, Ltz>(registry);
  addTimestampDiffsFrom<Time, Date, Time, Timestamp, Ltz>(registry);
  addTimestampDiffsFrom<Timestamp, Date, Time, Timestamp, Ltz>(registry);
  addTimestampDiffsFrom<Ltz, Date, Time, Timestamp, Ltz>(registry);
  addRounding<false, Date, Time, Timestamp, Ltz>(registry, "FLOOR");
  addRounding<true, Date, Time, Timestamp, Ltz>(registry, "CEIL");
  addRounding<true, Date, Time, Timestamp, Ltz>(registry, "CEILING");
}

}  // namespace sluice::runtime::builtins::temporal
