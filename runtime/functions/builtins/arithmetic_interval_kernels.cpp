// Datetime and interval arithmetic, as Flink's ScalarOperatorGens.generateTemporalPlusMinus:
//   TIMESTAMP[_LTZ] +/- INTERVAL DAY TO SECOND   exact, in microseconds
//   TIMESTAMP[_LTZ] +/- INTERVAL YEAR TO MONTH   calendar months, day clamped to the month's end
//   DATE +/- INTERVAL DAY TO SECOND              whole days, the milliseconds truncated
//   DATE +/- INTERVAL YEAR TO MONTH              calendar months
//   TIME +/- INTERVAL DAY TO SECOND              wraps around midnight
//   TIME +/- INTERVAL YEAR TO MONTH              the time unchanged
//   INTERVAL + datetime, INTERVAL +/- INTERVAL, INTERVAL * integer, integer * INTERVAL,
//   -INTERVAL and ABS(INTERVAL).
// Storage: TIMESTAMP int64 microseconds, DATE int32 days, TIME int32 milliseconds of the day,
// INTERVAL YEAR TO MONTH int32 months, INTERVAL DAY TO SECOND int64 milliseconds. Overflow wraps
// as Java's long and int arithmetic do.
#include <type_traits>

#include "runtime/data/datetime.h"
#include "runtime/functions/builtins/arithmetic_families.h"
#include "runtime/functions/scalar_kernel_adapter.h"

namespace sluice::runtime::builtins {
namespace {

// Wrapping integer arithmetic through the unsigned type of the same width.
template <typename T>
T wrappingAdd(T a, T b) {
  using U = std::make_unsigned_t<T>;
  return static_cast<T>(static_cast<U>(a) + static_cast<U>(b));
}
template <typename T>
T wrappingSubtract(T a, T b) {
  using U = std::make_unsigned_t<T>;
  return static_cast<T>(static_cast<U>(a) - static_cast<U>(b));
}
template <typename T>
T wrappingMultiply(T a, int64_t b) {
  return static_cast<T>(static_cast<uint64_t>(a) * static_cast<uint64_t>(b));
}

enum class Direction : uint8_t { Plus, Minus };

template <Direction D, typename T>
T signedAmount(T amount) {
  return D == Direction::Plus ? amount : wrappingSubtract<T>(0, amount);
}

template <Direction D>
int64_t timestampWithMillis(FunctionCall&, int64_t micros, int64_t millis) {
  return wrappingAdd(micros, wrappingMultiply(signedAmount<D>(millis), kMicrosPerMilli));
}

template <Direction D>
int64_t timestampWithMonths(FunctionCall&, int64_t micros, int32_t months) {
  return addMonthsToMicros(micros, signedAmount<D>(int64_t{months}));
}

template <Direction D>
int32_t dateWithMillis(FunctionCall&, int32_t days, int64_t millis) {
  // Java's long division truncates toward zero: DATE '2020-01-02' - INTERVAL '1' HOUR is
  // 2020-01-02.
  const auto wholeDays = static_cast<int32_t>(millis / kMillisPerDay);
  return wrappingAdd(days, signedAmount<D>(wholeDays));
}

template <Direction D>
int32_t dateWithMonths(FunctionCall&, int32_t days, int32_t months) {
  return static_cast<int32_t>(addMonthsToDays(days, signedAmount<D>(int64_t{months})));
}

template <Direction D>
int32_t timeWithMillis(FunctionCall&, int32_t millisOfDay, int64_t millis) {
  const int64_t shift = signedAmount<D>(millis % kMillisPerDay);
  return static_cast<int32_t>(floorMod(millisOfDay + shift, kMillisPerDay));
}

int32_t timeWithMonths(FunctionCall&, int32_t millisOfDay, int32_t) {
  return millisOfDay;
}

// INTERVAL + datetime is the datetime plus the interval.
template <auto DatetimePlus, typename Datetime, typename Interval>
Datetime intervalPlusDatetime(FunctionCall& call, Interval interval, Datetime datetime) {
  return DatetimePlus(call, datetime, interval);
}

template <Direction D, typename T>
T intervalWithInterval(FunctionCall&, T a, T b) {
  return wrappingAdd(a, signedAmount<D>(b));
}

template <typename Interval, typename Factor>
Interval intervalTimes(FunctionCall&, Interval interval, Factor factor) {
  return wrappingMultiply(interval, factor);
}

template <typename Interval, typename Factor>
Interval timesInterval(FunctionCall&, Factor factor, Interval interval) {
  return wrappingMultiply(interval, factor);
}

template <typename T>
T negatedInterval(FunctionCall&, T interval) {
  return signedAmount<Direction::Minus>(interval);
}

template <typename T>
T absoluteInterval(FunctionCall&, T interval) {
  return interval < 0 ? signedAmount<Direction::Minus>(interval) : interval;
}

const Accepts& dayTime() {
  static const Accepts accepts = Accepts::kind(TypeKind::IntervalDayTime);
  return accepts;
}
const Accepts& yearMonth() {
  static const Accepts accepts = Accepts::kind(TypeKind::IntervalYearMonth);
  return accepts;
}

// datetime +/- interval, and interval + datetime.
template <auto PlusEntry, auto MinusEntry, typename Datetime, typename Interval>
void registerShift(ScalarFunctionRegistry& registry, const Accepts& datetime,
                   const Accepts& interval) {
  registry.add(scalarKernel<PlusEntry>("+", {datetime, interval}, datetime));
  registry.add(scalarKernel<MinusEntry>("-", {datetime, interval}, datetime));
  registry.add(scalarKernel<&intervalPlusDatetime<PlusEntry, Datetime, Interval>>(
      "+", {interval, datetime}, datetime));
}

template <typename T>
void registerIntervalKind(ScalarFunctionRegistry& registry, const Accepts& interval) {
  registry.add(
      scalarKernel<&intervalWithInterval<Direction::Plus, T>>("+", {interval, interval}, interval));
  registry.add(scalarKernel<&intervalWithInterval<Direction::Minus, T>>("-", {interval, interval},
                                                                        interval));
  registry.add(scalarKernel<&negatedInterval<T>>("-", {interval}, interval));
  registry.add(scalarKernel<&absoluteInterval<T>>("ABS", {interval}, interval));
  forEachIntegerFamily([&registry, &interval]<typename Factor>(Factor) {
    using F = typename Factor::Type;
    const Accepts factor = Accepts::kind(Factor::kind);
    registry.add(scalarKernel<&intervalTimes<T, F>>("*", {interval, factor}, interval));
    registry.add(scalarKernel<&timesInterval<T, F>>("*", {factor, interval}, interval));
  });
}

}  // namespace

void registerIntervalArithmetic(ScalarFunctionRegistry& registry) {
  const Accepts timestamps = Accepts::timestamps();
  const Accepts date = Accepts::kind(TypeKind::Date);
  const Accepts time = Accepts::kind(TypeKind::Time);
  registerShift<&timestampWithMillis<Direction::Plus>, &timestampWithMillis<Direction::Minus>,
                int64_t, int64_t>(registry, timestamps, dayTime());
  registerShift<&timestampWithMonths<Direction::Plus>, &timestampWithMonths<Direction::Minus>,
                int64_t, int32_t>(registry, timestamps, yearMonth());
  registerShift<&dateWithMillis<Direction::Plus>, &dateWithMillis<Direction::Minus>, int32_t,
                int64_t>(registry, date, dayTime());
  registerShift<&dateWithMonths<Direction::Plus>, &dateWithMonths<Direction::Minus>, int32_t,
                int32_t>(registry, date, yearMonth());
  registerShift<&timeWithMillis<Direction::Plus>, &timeWithMillis<Direction::Minus>, int32_t,
                int64_t>(registry, time, dayTime());
  registerShift<&timeWithMonths, &timeWithMonths, int32_t, int32_t>(registry, time, yearMonth());
  registerIntervalKind<int64_t>(registry, dayTime());
  registerIntervalKind<int32_t>(registry, yearMonth());
}

}  // namespace sluice::runtime::builtins
