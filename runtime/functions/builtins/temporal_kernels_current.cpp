// The current time: CURRENT_TIMESTAMP, NOW(), CURRENT_ROW_TIMESTAMP() and PROCTIME() as the
// instant (TIMESTAMP_LTZ(3)); LOCALTIMESTAMP, CURRENT_DATE, CURRENT_TIME and LOCALTIME as its
// local date-time in the session zone; UNIX_TIMESTAMP() as epoch seconds. "Now" is the task's
// statement time (TaskContext::statementTimeMicros, set per batch), so every row of a batch sees
// the same time; Flink evaluates CURRENT_ROW_TIMESTAMP and PROCTIME per record, which differs
// only by the time it takes to process one batch.
#include "runtime/functions/builtins/temporal_call_state.h"

namespace sluice::runtime::builtins::temporal {
namespace {

int64_t nowMicros(FunctionCall& call) {
  return call.task->statementTimeMicros;
}

int64_t currentInstant(FunctionCall& call) {
  const int64_t now = nowMicros(call);
  return floorToMultiple(now, kMicrosPerMilli);  // TIMESTAMP_LTZ(3)
}

int64_t localNow(FunctionCall& call) {
  return sessionZone(call).localMicrosFromUtc(nowMicros(call));
}

int64_t localTimestamp(FunctionCall& call) {
  const int64_t local = localNow(call);
  return floorToMultiple(local, kMicrosPerMilli);
}

int32_t currentDate(FunctionCall& call) {
  return static_cast<int32_t>(floorDiv(localNow(call), kMicrosPerDay));
}

// TIME(0): whole seconds of the local day, in milliseconds.
int32_t currentTime(FunctionCall& call) {
  const int64_t ofDay = floorMod(localNow(call), kMicrosPerDay);
  return static_cast<int32_t>(ofDay / kMicrosPerSecond * 1000);
}

int64_t unixTimestampNow(FunctionCall& call) {
  return floorDiv(nowMicros(call), kMicrosPerSecond);
}

template <auto F>
void addCurrent(ScalarFunctionRegistry& registry, const char* name, TypeKind result) {
  ScalarKernel kernel = temporalKernel<F>(name, {}, Accepts::kind(result));
  kernel.deterministic = false;
  registry.add(std::move(kernel));
}

}  // namespace

void registerCurrentTime(ScalarFunctionRegistry& registry) {
  for (const char* name : {"CURRENT_TIMESTAMP", "NOW", "CURRENT_ROW_TIMESTAMP", "PROCTIME"}) {
    addCurrent<&currentInstant>(registry, name, TypeKind::TimestampLtz);
  }
  addCurrent<&localTimestamp>(registry, "LOCALTIMESTAMP", TypeKind::Timestamp);
  addCurrent<&currentDate>(registry, "CURRENT_DATE", TypeKind::Date);
  addCurrent<&currentTime>(registry, "CURRENT_TIME", TypeKind::Time);
  addCurrent<&currentTime>(registry, "LOCALTIME", TypeKind::Time);
  addCurrent<&unixTimestampNow>(registry, "UNIX_TIMESTAMP", TypeKind::BigInt);
}

}  // namespace sluice::runtime::builtins::temporal
