// What the temporal kernels share (internal to temporal_kernels*.cpp): time units, the state
// their bind hooks prepare, and type traits to register one kernel per storage.
//
// Keyword operands (EXTRACT(YEAR FROM ..), TIMESTAMPADD(DAY, ..)) arrive as SYMBOL arguments:
// a constant string the bind hook reads once; kernels receive it per row and ignore it.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "runtime/data/datetime.h"
#include "runtime/functions/builtins/temporal_pattern.h"
#include "runtime/functions/builtins/temporal_session_zone.h"
#include "runtime/functions/scalar_kernel_adapter.h"

namespace sluice::runtime::builtins::temporal {

enum class TimeUnit : uint8_t {
  Millennium,
  Century,
  Decade,
  Year,
  IsoYear,
  Quarter,
  Month,
  Week,
  Day,
  DayOfYear,
  DayOfWeek,
  IsoDayOfWeek,
  Hour,
  Minute,
  Second,
  Millisecond,
  Microsecond,
  Nanosecond,
  Epoch,
};

std::optional<TimeUnit> timeUnitNamed(std::string_view keyword);
// Units counted in months (the rest are fixed lengths of time).
inline bool isMonthBased(TimeUnit unit) {
  return unit == TimeUnit::Millennium || unit == TimeUnit::Century || unit == TimeUnit::Decade ||
         unit == TimeUnit::Year || unit == TimeUnit::Quarter || unit == TimeUnit::Month;
}
// Units of calendar days or longer: computed on local date-times, also for TIMESTAMP_LTZ.
inline bool isCalendarUnit(TimeUnit unit) {
  return isMonthBased(unit) || unit == TimeUnit::Week || unit == TimeUnit::Day;
}
// Microseconds in a fixed-length unit (WEEK .. MICROSECOND); 0 for month-based units.
int64_t microsPerUnit(TimeUnit unit);

struct TemporalState {
  std::optional<TimeUnit> unit;                 // the SYMBOL argument, when there is one
  std::shared_ptr<SessionZone> zone;            // table.local-time-zone
  std::optional<DateTimePattern> pattern;       // a constant format argument, compiled
  std::optional<DateTimePattern> inputPattern;  // how a string input is read, when fixed
  std::optional<TimeZone> fixedZones[2];        // constant zone names: CONVERT_TZ, TO_TIMESTAMP_LTZ
  std::optional<int64_t> constantPrecision;     // TO_TIMESTAMP_LTZ's constant precision
};

// Reads the SYMBOL argument (if any) into the state; an unknown unit is a bind error.
std::string bindTemporal(CallSite& site);

inline const TemporalState& temporalState(FunctionCall& call) {
  return call.state<TemporalState>();
}
inline const TimeZone& sessionZone(FunctionCall& call) {
  return temporalState(call).zone->get(call);
}

// The constant string argument `index`, if it is one (a NULL constant is not).
std::optional<std::string> constantString(const CallSite& site, size_t index);

// Compiles a pattern at bind time when the argument is constant.
std::string bindPattern(CallSite& site, size_t index, PatternDialect dialect,
                        std::optional<DateTimePattern>& into);
// A pattern given per row: compiled on each call (failing the call when it is invalid).
std::optional<DateTimePattern> rowPattern(FunctionCall& call, std::string_view pattern,
                                          PatternDialect dialect);
// The bound pattern when there is one, else this row's `text` compiled into `scratch`; nullptr
// when that is invalid (the call has failed).
const DateTimePattern* patternFor(FunctionCall& call, const std::optional<DateTimePattern>& bound,
                                  StringRef text, PatternDialect dialect,
                                  std::optional<DateTimePattern>& scratch);

template <auto F>
ScalarKernel temporalKernel(std::string name, std::vector<Accepts> arguments, Accepts result,
                            BindHook bind = bindTemporal) {
  ScalarKernel kernel = scalarKernel<F>(std::move(name), std::move(arguments), std::move(result));
  kernel.bind = std::move(bind);
  return kernel;
}

// ---- Storage traits, to register one kernel per type with templates.

enum class Datetime { Date, Time, Timestamp, Ltz };

template <Datetime D>
struct DatetimeTraits;
template <>
struct DatetimeTraits<Datetime::Date> {
  using Cpp = int32_t;
  static constexpr TypeKind kKind = TypeKind::Date;
};
template <>
struct DatetimeTraits<Datetime::Time> {
  using Cpp = int32_t;
  static constexpr TypeKind kKind = TypeKind::Time;
};
template <>
struct DatetimeTraits<Datetime::Timestamp> {
  using Cpp = int64_t;
  static constexpr TypeKind kKind = TypeKind::Timestamp;
};
template <>
struct DatetimeTraits<Datetime::Ltz> {
  using Cpp = int64_t;
  static constexpr TypeKind kKind = TypeKind::TimestampLtz;
};

template <Datetime D>
Accepts acceptsDatetime() {
  return Accepts::kind(DatetimeTraits<D>::kKind);
}

// A datetime as local microseconds since the epoch (TIMESTAMP_LTZ in the session zone; a TIME on
// 1970-01-01), and back.
template <Datetime D>
int64_t toLocalMicros(FunctionCall& call, typename DatetimeTraits<D>::Cpp value) {
  if constexpr (D == Datetime::Date) return microsAtStartOfDay(value);
  if constexpr (D == Datetime::Time) return value * kMicrosPerMilli;
  if constexpr (D == Datetime::Timestamp) return value;
  if constexpr (D == Datetime::Ltz) return sessionZone(call).localMicrosFromUtc(value);
}

template <Datetime D>
typename DatetimeTraits<D>::Cpp fromLocalMicros(FunctionCall& call, int64_t micros) {
  if constexpr (D == Datetime::Date) return static_cast<int32_t>(floorDiv(micros, kMicrosPerDay));
  if constexpr (D == Datetime::Time) {
    return static_cast<int32_t>(floorMod(micros, kMicrosPerDay) / kMicrosPerMilli);
  }
  if constexpr (D == Datetime::Timestamp) return micros;
  if constexpr (D == Datetime::Ltz) return sessionZone(call).utcMicrosFromLocal(micros);
}

template <typename T>
Accepts acceptsInteger() {
  if constexpr (std::is_same_v<T, int8_t>) return Accepts::kind(TypeKind::TinyInt);
  if constexpr (std::is_same_v<T, int16_t>) return Accepts::kind(TypeKind::SmallInt);
  if constexpr (std::is_same_v<T, int32_t>) return Accepts::kind(TypeKind::Int);
  if constexpr (std::is_same_v<T, int64_t>) return Accepts::kind(TypeKind::BigInt);
}

inline Accepts symbols() {
  return Accepts::kind(TypeKind::Symbol);
}
inline Accepts bigInts() {
  return Accepts::kind(TypeKind::BigInt);
}

// Text results, in the call's arena.
inline StringRef textResult(FunctionCall& call, std::string_view text) {
  return call.arena().copy(text);
}

// The kernel families, one file each.
void registerDateParts(ScalarFunctionRegistry& registry);
void registerDatetimeArithmetic(ScalarFunctionRegistry& registry);
void registerBlinkDateFunctions(ScalarFunctionRegistry& registry);
void registerDatetimeFormatting(ScalarFunctionRegistry& registry);
void registerDatetimeParsing(ScalarFunctionRegistry& registry);
void registerCurrentTime(ScalarFunctionRegistry& registry);

}  // namespace sluice::runtime::builtins::temporal
