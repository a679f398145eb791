// CAST between DATE, TIME, TIMESTAMP and TIMESTAMP_LTZ. TIMESTAMP_LTZ is an instant; it meets the
// other types through the session time zone (a DATE becomes the instant of its local midnight, an
// instant becomes the local date-time it shows). Lowering a precision truncates (toward the past,
// so 1969 timestamps stay in their second), as Flink's TIMESTAMP(p) -> TIMESTAMP(q).
// A TIME becomes a timestamp on 1970-01-01, as Flink.
#include "runtime/data/datetime.h"
#include "runtime/functions/builtins/cast_call_state.h"

namespace sluice::runtime::builtins::cast {
namespace {

int64_t truncateMicros(int64_t micros, int precision) {
  if (precision >= 6) return micros;
  int64_t unit = 1;
  for (int digit = precision < 0 ? 0 : precision; digit < 6; ++digit) unit *= 10;
  return floorToMultiple(micros, unit);
}

int32_t truncateMillis(int64_t millisOfDay, int precision) {
  const int64_t unit = precision <= 0 ? 1000 : precision == 1 ? 100 : precision == 2 ? 10 : 1;
  return static_cast<int32_t>(millisOfDay - floorMod(millisOfDay, unit));
}

int64_t localOf(FunctionCall& call, int64_t utcMicros) {
  return castState(call).zone->get(call).localMicrosFromUtc(utcMicros);
}

int64_t utcOf(FunctionCall& call, int64_t localMicros) {
  return castState(call).zone->get(call).utcMicrosFromLocal(localMicros);
}

int32_t timeOfMicros(FunctionCall& call, int64_t micros) {
  const int64_t millisOfDay = floorMod(micros, kMicrosPerDay) / kMicrosPerMilli;
  return truncateMillis(millisOfDay, castState(call).toPrecision);
}

int64_t timestampFromDate(FunctionCall&, int32_t days) {
  return microsAtStartOfDay(days);
}
int64_t ltzFromDate(FunctionCall& call, int32_t days) {
  return utcOf(call, microsAtStartOfDay(days));
}

int32_t dateFromTimestamp(FunctionCall&, int64_t micros) {
  return static_cast<int32_t>(floorDiv(micros, kMicrosPerDay));
}
int32_t dateFromLtz(FunctionCall& call, int64_t utcMicros) {
  return dateFromTimestamp(call, localOf(call, utcMicros));
}

int32_t timeFromTimestamp(FunctionCall& call, int64_t micros) {
  return timeOfMicros(call, micros);
}
int32_t timeFromLtz(FunctionCall& call, int64_t utcMicros) {
  return timeOfMicros(call, localOf(call, utcMicros));
}
int32_t timeFromTime(FunctionCall& call, int32_t millisOfDay) {
  return truncateMillis(millisOfDay, castState(call).toPrecision);
}

int64_t timestampFromTime(FunctionCall& call, int32_t millisOfDay) {
  return truncateMicros(millisOfDay * kMicrosPerMilli, castState(call).toPrecision);
}
int64_t ltzFromTime(FunctionCall& call, int32_t millisOfDay) {
  return utcOf(call, timestampFromTime(call, millisOfDay));
}

int64_t timestampFromTimestamp(FunctionCall& call, int64_t micros) {
  return truncateMicros(micros, castState(call).toPrecision);
}
int64_t timestampFromLtz(FunctionCall& call, int64_t utcMicros) {
  return truncateMicros(localOf(call, utcMicros), castState(call).toPrecision);
}
int64_t ltzFromTimestamp(FunctionCall& call, int64_t localMicros) {
  return utcOf(call, truncateMicros(localMicros, castState(call).toPrecision));
}

// Kinds whose values never change under CAST (only nullability or an interval's fields may).
int32_t sameInt32(FunctionCall&, int32_t value) {
  return value;
}
int64_t sameInt64(FunctionCall&, int64_t value) {
  return value;
}

}  // namespace

void registerTemporalCasts(ScalarFunctionRegistry& registry) {
  const Accepts date = Accepts::kind(TypeKind::Date);
  const Accepts time = Accepts::kind(TypeKind::Time);
  const Accepts timestamp = Accepts::kind(TypeKind::Timestamp);
  const Accepts ltz = Accepts::kind(TypeKind::TimestampLtz);

  addCast<&timestampFromDate>(registry, date, timestamp, false);
  addCast<&ltzFromDate>(registry, date, ltz, false);
  addCast<&dateFromTimestamp>(registry, timestamp, date, false);
  addCast<&dateFromLtz>(registry, ltz, date, false);
  addCast<&timeFromTimestamp>(registry, timestamp, time, false);
  addCast<&timeFromLtz>(registry, ltz, time, false);
  addCast<&timeFromTime>(registry, time, time, false);
  addCast<&timestampFromTime>(registry, time, timestamp, false);
  addCast<&ltzFromTime>(registry, time, ltz, false);
  addCast<&timestampFromTimestamp>(registry, timestamp, timestamp, false);
  addCast<&timestampFromTimestamp>(registry, ltz, ltz, false);
  addCast<&timestampFromLtz>(registry, ltz, timestamp, false);
  addCast<&ltzFromTimestamp>(registry, timestamp, ltz, false);

  addCast<&sameInt32>(registry, date, date, false);
  addCast<&sameInt32>(registry, Accepts::kind(TypeKind::IntervalYearMonth),
                      Accepts::kind(TypeKind::IntervalYearMonth), false);
  addCast<&sameInt64>(registry, Accepts::kind(TypeKind::IntervalDayTime),
                      Accepts::kind(TypeKind::IntervalDayTime), false);
}

}  // namespace sluice::runtime::builtins::cast
