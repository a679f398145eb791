// Date-times to text: DATE_FORMAT, FROM_UNIXTIME and CONVERT_TZ.
//
// DATE_FORMAT(timestamp, format) uses java.time patterns, as Flink's formatTimestamp; a
// TIMESTAMP_LTZ shows its local time in the session zone. DATE_FORMAT(text, format) reads the
// text as 'yyyy-MM-dd HH:mm:ss' and writes it with SimpleDateFormat patterns; Blink's
// DATE_FORMAT(text, fromFormat, toFormat) reads it with fromFormat. Unreadable text gives NULL.
// FROM_UNIXTIME(seconds[, format]) writes an instant in the session zone (SimpleDateFormat,
// 'yyyy-MM-dd HH:mm:ss' by default). A constant format is compiled once, when the call is bound.
#include <array>

#include "runtime/functions/builtins/temporal_call_state.h"

namespace sluice::runtime::builtins::temporal {
namespace {

constexpr std::string_view kDefaultFormat = "yyyy-MM-dd HH:mm:ss";

TemporalState& mutableState(CallSite& site) {
  return std::any_cast<TemporalState&>(site.state);
}

std::optional<DateTimePattern> compileDefault() {
  std::string error;
  return DateTimePattern::compile(kDefaultFormat, PatternDialect::SimpleDateFormat, error);
}

StringRef formatInstant(FunctionCall& call, const DateTimePattern& pattern, int64_t utcMicros,
                        const TimeZone& zone) {
  const int32_t offset = zone.offsetSecondsAtUtc(floorDiv(utcMicros, kMicrosPerSecond));
  std::string text;
  pattern.format(text, civilFromMicros(utcMicros + offset * kMicrosPerSecond), offset);
  return textResult(call, text);
}

// Reads `text` with `input` as a time in `zone` (or at the offset the text names).
std::optional<int64_t> readInstant(const DateTimePattern& input, std::string_view text,
                                   const TimeZone& zone) {
  const auto parsed = input.parse(text);
  if (!parsed) return std::nullopt;
  const int64_t local = microsFromCivil(parsed->local);
  if (parsed->offsetSeconds) return local - *parsed->offsetSeconds * kMicrosPerSecond;
  return zone.utcMicrosFromLocal(local);
}

// The last text a few patterns wrote on this thread, with the span of local time it holds for
// (DateTimePattern::steadyMicros): the rows of a stream mostly fall in the same day or minute
// ('yyyy-MM-dd', 'HH:mm' in Nexmark q10, q15-q17), so one formatting serves many rows. Only text
// stored inline in its StringRef (12 bytes or less) is kept: it needs no arena, so it outlives
// every batch.
struct FormatMemo {
  uint64_t pattern = 0;  // DateTimePattern::id()
  int64_t span = 0;      // local micros / steadyMicros
  StringRef text;
};
thread_local std::array<FormatMemo, 4> formatMemos;

StringRef formatLocal(FunctionCall& call, const DateTimePattern& pattern, int64_t localMicros) {
  const int64_t steady = pattern.steadyMicros();
  FormatMemo* memo = nullptr;
  int64_t span = 0;
  if (steady > 0) {
    span = floorDiv(localMicros, steady);
    memo = &formatMemos[pattern.id() % formatMemos.size()];
    if (memo->pattern == pattern.id() && memo->span == span) return memo->text;
  }
  std::string text;
  pattern.format(text, civilFromMicros(localMicros), 0);
  const StringRef result = textResult(call, text);
  if (memo != nullptr && text.size() <= StringRef::kInlineLimit) *memo = {pattern.id(), span, result};
  return result;
}

template <Datetime D>
StringRef formatDatetime(FunctionCall& call, typename DatetimeTraits<D>::Cpp value,
                         StringRef format) {
  std::optional<DateTimePattern> scratch;
  const DateTimePattern* pattern =
      patternFor(call, temporalState(call).pattern, format, PatternDialect::JavaTime, scratch);
  if (pattern == nullptr) return StringRef{};
  if constexpr (D == Datetime::Ltz) {
    return formatInstant(call, *pattern, value, sessionZone(call));
  } else {
    return formatLocal(call, *pattern, toLocalMicros<D>(call, value));
  }
}

StringRef reformatText(FunctionCall& call, std::string_view text, const DateTimePattern& input,
                       const DateTimePattern& output) {
  const TimeZone& zone = sessionZone(call);
  const auto instant = readInstant(input, text, zone);
  if (!instant) {
    call.setNull();
    return StringRef{};
  }
  return formatInstant(call, output, *instant, zone);
}

StringRef formatText(FunctionCall& call, StringRef text, StringRef format) {
  const TemporalState& state = temporalState(call);
  std::optional<DateTimePattern> scratch;
  const DateTimePattern* output =
      patternFor(call, state.pattern, format, PatternDialect::SimpleDateFormat, scratch);
  if (output == nullptr) return StringRef{};
  return reformatText(call, text.view(), *state.inputPattern, *output);
}

StringRef reformatBlink(FunctionCall& call, StringRef text, StringRef fromFormat,
                        StringRef toFormat) {
  const TemporalState& state = temporalState(call);
  std::optional<DateTimePattern> inputScratch;
  std::optional<DateTimePattern> outputScratch;
  const PatternDialect dialect = PatternDialect::SimpleDateFormat;
  const DateTimePattern* input =
      patternFor(call, state.inputPattern, fromFormat, dialect, inputScratch);
  const DateTimePattern* output = patternFor(call, state.pattern, toFormat, dialect, outputScratch);
  if (input == nullptr || output == nullptr) return StringRef{};
  return reformatText(call, text.view(), *input, *output);
}

template <typename N>
StringRef fromUnixtime(FunctionCall& call, N seconds) {
  const int64_t micros = static_cast<int64_t>(static_cast<uint64_t>(seconds) * kMicrosPerSecond);
  return formatInstant(call, *temporalState(call).pattern, micros, sessionZone(call));
}

template <typename N>
StringRef fromUnixtimeFormatted(FunctionCall& call, N seconds, StringRef format) {
  std::optional<DateTimePattern> scratch;
  const DateTimePattern* pattern = patternFor(call, temporalState(call).pattern, format,
                                              PatternDialect::SimpleDateFormat, scratch);
  if (pattern == nullptr) return StringRef{};
  const int64_t micros = static_cast<int64_t>(static_cast<uint64_t>(seconds) * kMicrosPerSecond);
  return formatInstant(call, *pattern, micros, sessionZone(call));
}

// Java's TimeZone.getTimeZone reads an unknown zone name as GMT; CONVERT_TZ inherits that.
TimeZone zoneOrUtc(std::string_view name) {
  return TimeZone::forName(name).value_or(TimeZone());
}

// The bound zone, or this row's `name` looked up into `scratch` (no copy of a bound zone per row).
const TimeZone& zoneFor(const std::optional<TimeZone>& bound, StringRef name,
                        std::optional<TimeZone>& scratch) {
  if (bound) return *bound;
  return scratch.emplace(zoneOrUtc(name.view()));
}

StringRef convertTz(FunctionCall& call, StringRef text, StringRef fromZone, StringRef toZone) {
  const TemporalState& state = temporalState(call);
  std::optional<TimeZone> fromScratch;
  std::optional<TimeZone> toScratch;
  const TimeZone& from = zoneFor(state.fixedZones[0], fromZone, fromScratch);
  const TimeZone& to = zoneFor(state.fixedZones[1], toZone, toScratch);
  const auto instant = readInstant(*state.inputPattern, text.view(), from);
  if (!instant) {
    call.setNull();
    return StringRef{};
  }
  return formatInstant(call, *state.pattern, *instant, to);
}

std::string bindWith(CallSite& site, size_t inputIndex, size_t outputIndex,
                     PatternDialect dialect) {
  std::string error = bindTemporal(site);
  if (!error.empty()) return error;
  TemporalState& state = mutableState(site);
  // Index 0 means the default 'yyyy-MM-dd HH:mm:ss' (argument 0 is never a format).
  if (inputIndex > 0) {
    error = bindPattern(site, inputIndex, dialect, state.inputPattern);
    if (!error.empty()) return error;
  } else {
    state.inputPattern = compileDefault();
  }
  if (outputIndex > 0) return bindPattern(site, outputIndex, dialect, state.pattern);
  state.pattern = compileDefault();
  return "";
}

std::string bindFormatDatetime(CallSite& site) {
  return bindWith(site, 0, 1, PatternDialect::JavaTime);
}
std::string bindFormatText(CallSite& site) {
  return bindWith(site, 0, 1, PatternDialect::SimpleDateFormat);
}
std::string bindFormatBlink(CallSite& site) {
  return bindWith(site, 1, 2, PatternDialect::SimpleDateFormat);
}
std::string bindDefaultFormat(CallSite& site) {
  return bindWith(site, 0, 0, PatternDialect::SimpleDateFormat);
}
std::string bindConvertTz(CallSite& site) {
  std::string error = bindDefaultFormat(site);
  if (!error.empty()) return error;
  TemporalState& state = mutableState(site);
  for (size_t i = 0; i < 2; ++i) {
    if (const auto name = constantString(site, i + 1)) state.fixedZones[i] = zoneOrUtc(*name);
  }
  return error;
}

template <auto F>
void addNullable(ScalarFunctionRegistry& registry, const char* name, std::vector<Accepts> arguments,
                 BindHook bind) {
  ScalarKernel kernel =
      temporalKernel<F>(name, std::move(arguments), Accepts::strings(), std::move(bind));
  kernel.mayReturnNull = true;
  registry.add(std::move(kernel));
}

template <Datetime... Ds>
void addDateFormats(ScalarFunctionRegistry& registry) {
  (addNullable<&formatDatetime<Ds>>(
       registry, "DATE_FORMAT", {acceptsDatetime<Ds>(), Accepts::strings()}, bindFormatDatetime),
   ...);
}

template <typename... Ns>
void addFromUnixtimes(ScalarFunctionRegistry& registry) {
  (addNullable<&fromUnixtime<Ns>>(registry, "FROM_UNIXTIME", {acceptsInteger<Ns>()},
                                  bindDefaultFormat),
   ...);
  (addNullable<&fromUnixtimeFormatted<Ns>>(
       registry, "FROM_UNIXTIME", {acceptsInteger<Ns>(), Accepts::strings()}, bindFormatText),
   ...);
}

}  // namespace

void registerDatetimeFormatting(ScalarFunctionRegistry& registry) {
  const Accepts text = Accepts::strings();
  addDateFormats<Datetime::Date, Datetime::Timestamp, Datetime::Ltz>(registry);
  addNullable<&formatText>(registry, "DATE_FORMAT", {text, text}, bindFormatText);
  addNullable<&reformatBlink>(registry, "DATE_FORMAT", {text, text, text}, bindFormatBlink);
  addFromUnixtimes<int8_t, int16_t, int32_t, int64_t>(registry);
  addNullable<&convertTz>(registry, "CONVERT_TZ", {text, text, text}, bindConvertTz);
}

}  // namespace sluice::runtime::builtins::temporal
