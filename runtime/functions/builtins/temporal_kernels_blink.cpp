// The Blink dialect's date functions: DATEDIFF(end, start) in days, and DATE_ADD / DATE_SUB(date,
// days) giving a 'yyyy-MM-dd' string. Dates may be given as DATE, TIMESTAMP, TIMESTAMP_LTZ (its
// local date in the session zone) or 'yyyy-MM-dd[ HH:mm:ss]' text; text that is no date makes
// the result NULL.
#include "runtime/data/value_text.h"
#include "runtime/functions/builtins/temporal_call_state.h"

namespace sluice::runtime::builtins::temporal {
namespace {

enum class DateLike { Text, Date, Timestamp, Ltz };

template <DateLike D>
struct DateLikeTraits;
template <>
struct DateLikeTraits<DateLike::Text> {
  using Cpp = StringRef;
  static Accepts accepts() { return Accepts::strings(); }
};
template <>
struct DateLikeTraits<DateLike::Date> {
  using Cpp = int32_t;
  static Accepts accepts() { return acceptsDatetime<Datetime::Date>(); }
};
template <>
struct DateLikeTraits<DateLike::Timestamp> {
  using Cpp = int64_t;
  static Accepts accepts() { return acceptsDatetime<Datetime::Timestamp>(); }
};
template <>
struct DateLikeTraits<DateLike::Ltz> {
  using Cpp = int64_t;
  static Accepts accepts() { return acceptsDatetime<Datetime::Ltz>(); }
};

template <DateLike D>
std::optional<int64_t> daysOf(FunctionCall& call, typename DateLikeTraits<D>::Cpp value) {
  if constexpr (D == DateLike::Text) {
    const auto days = parseDate(value.view());
    return days ? std::optional<int64_t>(*days) : std::nullopt;
  } else if constexpr (D == DateLike::Date) {
    return value;
  } else if constexpr (D == DateLike::Timestamp) {
    return floorDiv(value, kMicrosPerDay);
  } else {
    return floorDiv(sessionZone(call).localMicrosFromUtc(value), kMicrosPerDay);
  }
}

template <DateLike End, DateLike Start>
int32_t dateDiff(FunctionCall& call, typename DateLikeTraits<End>::Cpp end,
                 typename DateLikeTraits<Start>::Cpp start) {
  const auto endDays = daysOf<End>(call, end);
  const auto startDays = daysOf<Start>(call, start);
  if (!endDays || !startDays) {
    call.setNull();
    return 0;
  }
  return static_cast<int32_t>(*endDays - *startDays);
}

template <DateLike D, typename N, int Sign>
StringRef shiftDate(FunctionCall& call, typename DateLikeTraits<D>::Cpp date, N days) {
  const auto start = daysOf<D>(call, date);
  if (!start) {
    call.setNull();
    return StringRef{};
  }
  char text[kMaxScalarTextLength];
  char* end = writeDate(text, static_cast<int32_t>(*start + Sign * static_cast<int64_t>(days)));
  return textResult(call, std::string_view(text, end - text));
}

template <auto F>
void addNullable(ScalarFunctionRegistry& registry, const char* name, std::vector<Accepts> arguments,
                 Accepts result) {
  ScalarKernel kernel = temporalKernel<F>(name, std::move(arguments), std::move(result));
  kernel.mayReturnNull = true;
  registry.add(std::move(kernel));
}

template <DateLike End, DateLike... Starts>
void addDateDiffs(ScalarFunctionRegistry& registry) {
  (addNullable<&dateDiff<End, Starts>>(
       registry, "DATEDIFF", {DateLikeTraits<End>::accepts(), DateLikeTraits<Starts>::accepts()},
       Accepts::kind(TypeKind::Int)),
   ...);
}

template <DateLike D, typename... Ns>
void addDateShifts(ScalarFunctionRegistry& registry) {
  (addNullable<&shiftDate<D, Ns, 1>>(registry, "DATE_ADD",
                                     {DateLikeTraits<D>::accepts(), acceptsInteger<Ns>()},
                                     Accepts::strings()),
   ...);
  (addNullable<&shiftDate<D, Ns, -1>>(registry, "DATE_SUB",
                                      {DateLikeTraits<D>::accepts(), acceptsInteger<Ns>()},
                                      Accepts::strings()),
   ...);
}

}  // namespace

void registerBlinkDateFunctions(ScalarFunctionRegistry& registry) {
  using enum DateLike;
  addDateDiffs<Text, Text, Date, Timestamp, Ltz>(registry);
  addDateDiffs<Date, Text, Date, Timestamp, Ltz>(registry);
  addDateDiffs<Timestamp, Text, Date, Timestamp, Ltz>(registry);
  addDateDiffs<Ltz, Text, Date, Timestamp, Ltz>(registry);
  addDateShifts<Text, int8_t, int16_t, int32_t, int64_t>(registry);
  addDateShifts<Date, int8_t, int16_t, int32_t, int64_t>(registry);
  addDateShifts<Timestamp, int8_t, int16_t, int32_t, int64_t>(registry);
  addDateShifts<Ltz, int8_t, int16_t, int32_t, int64_t>(registry);
}

}  // namespace sluice::runtime::builtins::temporal
