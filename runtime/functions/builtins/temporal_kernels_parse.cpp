// Text and numbers to date-times: TO_TIMESTAMP, TO_DATE, UNIX_TIMESTAMP and TO_TIMESTAMP_LTZ, as
// Flink's DateTimeUtils.
//
// TO_TIMESTAMP(text[, format]) reads a local date-time (java.time patterns; when the format does
// not match, the 'yyyy-M-d H:m:s[.f]' form is tried, as Flink falls back to Timestamp.valueOf)
// and keeps milliseconds; NULL when it cannot. TO_DATE(text[, format]) likewise (the format in
// SimpleDateFormat letters). UNIX_TIMESTAMP(text[, format]) reads a time in the session zone
// (or at the offset the text names) as epoch seconds, and Long.MIN_VALUE when it cannot, as
// Flink documents. TO_TIMESTAMP_LTZ(number, 0|3) reads epoch seconds or milliseconds; NULL
// outside years 0000..9999. Blink's TO_TIMESTAMP(millis) and TO_DATE(days) take numbers.
#include <cmath>
#include <limits>

#include "runtime/data/value_text.h"
#include "runtime/functions/builtins/temporal_call_state.h"

namespace sluice::runtime::builtins::temporal {
namespace {

// java.time's range for epoch values: 0000-01-01 00:00:00 .. 9999-12-31 23:59:59.999 UTC.
constexpr int64_t kMinEpochMillis = -62167219200000;
constexpr int64_t kMaxEpochMillis = 253402300799999;
constexpr int64_t kMinEpochSeconds = -62167219200;
constexpr int64_t kMaxEpochSeconds = 253402300799;

TemporalState& mutableState(CallSite& site) {
  return std::any_cast<TemporalState&>(site.state);
}

std::string bindWithPattern(CallSite& site, size_t index, PatternDialect dialect) {
  std::string error = bindTemporal(site);
  if (!error.empty()) return error;
  return bindPattern(site, index, dialect, mutableState(site).pattern);
}
std::string bindJavaTimePattern(CallSite& site) {
  return bindWithPattern(site, 1, PatternDialect::JavaTime);
}
std::string bindSimplePattern(CallSite& site) {
  return bindWithPattern(site, 1, PatternDialect::SimpleDateFormat);
}
// TO_TIMESTAMP_LTZ(text, format, zone): a constant zone is looked up once.
std::string bindJavaTimePatternAndZone(CallSite& site) {
  std::string error = bindJavaTimePattern(site);
  if (!error.empty()) return error;
  if (const auto name = constantString(site, 2)) {
    mutableState(site).fixedZones[0] = TimeZone::forName(*name);
  }
  return "";
}
std::string bindDefaultPattern(CallSite& site) {
  std::string error = bindTemporal(site);
  if (!error.empty()) return error;
  mutableState(site).pattern =
      DateTimePattern::compile("yyyy-MM-dd HH:mm:ss", PatternDialect::SimpleDateFormat, error);
  return error;
}

// The call's format: bound when constant, else compiled from this row's text into `scratch`;
// nullptr when that is invalid.
const DateTimePattern* formatOf(FunctionCall& call, StringRef format, PatternDialect dialect,
                                std::optional<DateTimePattern>& scratch) {
  return patternFor(call, temporalState(call).pattern, format, dialect, scratch);
}

template <typename T>
T nullResult(FunctionCall& call) {
  call.setNull();
  return T{};
}

int64_t toMillisPrecision(int64_t micros) {
  return floorToMultiple(micros, kMicrosPerMilli);
}

int64_t toTimestampDefault(FunctionCall& call, StringRef text) {
  const auto micros = parseTimestamp(text.view(), 3);
  return micros ? *micros : nullResult<int64_t>(call);
}

int64_t toTimestampFormatted(FunctionCall& call, StringRef text, StringRef format) {
  std::optional<DateTimePattern> scratch;
  const DateTimePattern* pattern = formatOf(call, format, PatternDialect::JavaTime, scratch);
  if (pattern == nullptr) return 0;
  if (const auto parsed = pattern->parse(text.view())) {
    return toMillisPrecision(microsFromCivil(parsed->local));
  }
  return toTimestampDefault(call, text);
}

template <typename N>
int64_t toTimestampFromMillis(FunctionCall&, N millis) {
  return static_cast<int64_t>(static_cast<uint64_t>(millis) * kMicrosPerMilli);
}

int32_t toDateDefault(FunctionCall& call, StringRef text) {
  const auto days = parseDate(text.view());
  return days ? *days : nullResult<int32_t>(call);
}

int32_t toDateFormatted(FunctionCall& call, StringRef text, StringRef format) {
  std::optional<DateTimePattern> scratch;
  const DateTimePattern* pattern =
      formatOf(call, format, PatternDialect::SimpleDateFormat, scratch);
  if (pattern == nullptr) return 0;
  const auto parsed = pattern->parse(text.view());
  if (!parsed) return nullResult<int32_t>(call);
  const int64_t utc = microsFromCivil(parsed->local) -
                      parsed->offsetSeconds.value_or(0) * kMicrosPerSecond;  // read in UTC
  return static_cast<int32_t>(floorDiv(utc, kMicrosPerDay));
}

template <typename N>
int32_t toDateFromDays(FunctionCall&, N days) {
  return static_cast<int32_t>(days);
}

// The instant `text` denotes per `pattern`, read in the session zone.
std::optional<int64_t> instantOf(FunctionCall& call, const DateTimePattern& pattern,
                                 std::string_view text) {
  const auto parsed = pattern.parse(text);
  if (!parsed) return std::nullopt;
  const int64_t local = microsFromCivil(parsed->local);
  if (parsed->offsetSeconds) return local - *parsed->offsetSeconds * kMicrosPerSecond;
  return sessionZone(call).utcMicrosFromLocal(local);
}

int64_t unixTimestampOf(FunctionCall& call, StringRef text, StringRef format) {
  std::optional<DateTimePattern> scratch;
  const DateTimePattern* pattern =
      formatOf(call, format, PatternDialect::SimpleDateFormat, scratch);
  if (pattern == nullptr) return 0;
  const auto instant = instantOf(call, *pattern, text.view());
  if (!instant) return std::numeric_limits<int64_t>::min();
  return floorDiv(*instant, kMicrosPerSecond);
}

int64_t unixTimestampDefault(FunctionCall& call, StringRef text) {
  return unixTimestampOf(call, text, StringRef{});
}

// ---- TO_TIMESTAMP_LTZ(number[, precision])

std::optional<int64_t> epochMillisToMicros(int64_t millis) {
  if (millis < kMinEpochMillis || millis > kMaxEpochMillis) return std::nullopt;
  return millis * kMicrosPerMilli;
}

template <typename V>
std::optional<int64_t> epochValueToMicros(FunctionCall& call, V value, int64_t precision) {
  if (precision != 0 && precision != 3) {
    call.fail("the precision of TO_TIMESTAMP_LTZ must be 0 (seconds) or 3 (milliseconds), got " +
              std::to_string(precision));
    return std::nullopt;
  }
  if constexpr (std::is_floating_point_v<V>) {
    const double number = value;
    if (precision == 0) {
      if (!(number >= kMinEpochSeconds && number <= kMaxEpochSeconds)) return std::nullopt;
      return epochMillisToMicros(static_cast<int64_t>(number * 1000));
    }
    if (!(number >= kMinEpochMillis && number <= kMaxEpochMillis)) return std::nullopt;
    return epochMillisToMicros(static_cast<int64_t>(number));
  } else if constexpr (std::is_same_v<V, int128_t> || sizeof(V) == 8) {
    // BIGINT, or a DECIMAL's unscaled value: the integral part (toward zero).
    const bool isDecimal = call.site->argumentTypes[0].kind() == TypeKind::Decimal;
    const int128_t whole =
        isDecimal ? int128_t{value} / decimalPowerOfTen(call.site->argumentTypes[0].scale())
                  : int128_t{value};
    if (precision == 0) {
      if (whole < kMinEpochSeconds || whole > kMaxEpochSeconds) return std::nullopt;
      return epochMillisToMicros(static_cast<int64_t>(whole) * 1000);
    }
    if (whole < kMinEpochMillis || whole > kMaxEpochMillis) return std::nullopt;
    return epochMillisToMicros(static_cast<int64_t>(whole));
  } else {
    return epochValueToMicros<int64_t>(call, value, precision);
  }
}

template <typename V>
int64_t toLtzFromNumber(FunctionCall& call, V value) {
  const auto micros = epochValueToMicros(call, value, 3);
  return micros ? *micros : nullResult<int64_t>(call);
}

template <typename V, typename P>
int64_t toLtzFromNumberWithPrecision(FunctionCall& call, V value, P precision) {
  const auto micros = epochValueToMicros(call, value, precision);
  return micros ? *micros : nullResult<int64_t>(call);
}

// ---- TO_TIMESTAMP_LTZ(text[, format[, zone]]): a local time read in the session zone or `zone`.

int64_t toLtzFromText(FunctionCall& call, StringRef text) {
  const auto local = parseTimestamp(text.view(), 3);
  if (!local) return nullResult<int64_t>(call);
  return sessionZone(call).utcMicrosFromLocal(*local);
}

int64_t toLtzFromTextFormatted(FunctionCall& call, StringRef text, StringRef format) {
  std::optional<DateTimePattern> scratch;
  const DateTimePattern* pattern = formatOf(call, format, PatternDialect::JavaTime, scratch);
  if (pattern == nullptr) return 0;
  const auto instant = instantOf(call, *pattern, text.view());
  return instant ? toMillisPrecision(*instant) : nullResult<int64_t>(call);
}

int64_t toLtzFromTextInZone(FunctionCall& call, StringRef text, StringRef format, StringRef zone) {
  std::optional<DateTimePattern> scratch;
  const DateTimePattern* pattern = formatOf(call, format, PatternDialect::JavaTime, scratch);
  if (pattern == nullptr) return 0;
  const auto parsed = pattern->parse(text.view());
  const std::optional<TimeZone>& bound = temporalState(call).fixedZones[0];
  std::optional<TimeZone> rowZone;
  if (!bound) rowZone = TimeZone::forName(zone.view());
  const std::optional<TimeZone>& timeZone = bound ? bound : rowZone;
  if (!parsed || !timeZone) return nullResult<int64_t>(call);
  const int64_t local = microsFromCivil(parsed->local);
  const int64_t instant = parsed->offsetSeconds ? local - *parsed->offsetSeconds * kMicrosPerSecond
                                                : timeZone->utcMicrosFromLocal(local);
  return toMillisPrecision(instant);
}

template <auto F>
void addNullable(ScalarFunctionRegistry& registry, const char* name, std::vector<Accepts> arguments,
                 Accepts result, BindHook bind = bindTemporal) {
  ScalarKernel kernel =
      temporalKernel<F>(name, std::move(arguments), std::move(result), std::move(bind));
  kernel.mayReturnNull = true;
  registry.add(std::move(kernel));
}

template <typename V, typename... Ps>
void addLtzFromNumber(ScalarFunctionRegistry& registry, Accepts number) {
  const Accepts ltz = acceptsDatetime<Datetime::Ltz>();
  addNullable<&toLtzFromNumber<V>>(registry, "TO_TIMESTAMP_LTZ", {number}, ltz);
  (addNullable<&toLtzFromNumberWithPrecision<V, Ps>>(registry, "TO_TIMESTAMP_LTZ",
                                                     {number, acceptsInteger<Ps>()}, ltz),
   ...);
}

template <typename... Ns>
void addIntegerForms(ScalarFunctionRegistry& registry) {
  const Accepts timestamp = acceptsDatetime<Datetime::Timestamp>();
  const Accepts date = acceptsDatetime<Datetime::Date>();
  (registry.add(temporalKernel<&toTimestampFromMillis<Ns>>("TO_TIMESTAMP", {acceptsInteger<Ns>()},
                                                           timestamp)),
   ...);
  (registry.add(temporalKernel<&toDateFromDays<Ns>>("TO_DATE", {acceptsInteger<Ns>()}, date)), ...);
  (addLtzFromNumber<Ns, int8_t, int16_t, int32_t, int64_t>(registry, acceptsInteger<Ns>()), ...);
}

}  // namespace

void registerDatetimeParsing(ScalarFunctionRegistry& registry) {
  const Accepts text = Accepts::strings();
  const Accepts timestamp = acceptsDatetime<Datetime::Timestamp>();
  const Accepts ltz = acceptsDatetime<Datetime::Ltz>();
  const Accepts date = acceptsDatetime<Datetime::Date>();
  addNullable<&toTimestampDefault>(registry, "TO_TIMESTAMP", {text}, timestamp);
  addNullable<&toTimestampFormatted>(registry, "TO_TIMESTAMP", {text, text}, timestamp,
                                     bindJavaTimePattern);
  addNullable<&toDateDefault>(registry, "TO_DATE", {text}, date);
  addNullable<&toDateFormatted>(registry, "TO_DATE", {text, text}, date, bindSimplePattern);
  registry.add(temporalKernel<&unixTimestampDefault>("UNIX_TIMESTAMP", {text}, bigInts(),
                                                     bindDefaultPattern));
  registry.add(temporalKernel<&unixTimestampOf>("UNIX_TIMESTAMP", {text, text}, bigInts(),
                                                bindSimplePattern));
  addIntegerForms<int8_t, int16_t, int32_t, int64_t>(registry);
  const Accepts decimals = Accepts::kind(TypeKind::Decimal);
  addLtzFromNumber<float, int8_t, int16_t, int32_t, int64_t>(registry,
                                                             Accepts::kind(TypeKind::Float));
  addLtzFromNumber<double, int8_t, int16_t, int32_t, int64_t>(registry,
                                                              Accepts::kind(TypeKind::Double));
  addLtzFromNumber<int64_t, int8_t, int16_t, int32_t, int64_t>(registry, decimals);
  addLtzFromNumber<int128_t, int8_t, int16_t, int32_t, int64_t>(registry, decimals);
  addNullable<&toLtzFromText>(registry, "TO_TIMESTAMP_LTZ", {text}, ltz);
  addNullable<&toLtzFromTextFormatted>(registry, "TO_TIMESTAMP_LTZ", {text, text}, ltz,
                                       bindJavaTimePattern);
  addNullable<&toLtzFromTextInZone>(registry, "TO_TIMESTAMP_LTZ", {text, text, text}, ltz,
                                    bindJavaTimePatternAndZone);
}

}  // namespace sluice::runtime::builtins::temporal
