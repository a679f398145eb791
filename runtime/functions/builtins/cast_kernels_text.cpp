// CAST to and from character strings (and between binary strings): every value prints as
// formatValue writes it and parses as parseValue reads it (runtime/data/value_text.h), then a
// CHAR(n) result is padded with spaces and a CHAR(n)/VARCHAR(n) result cut to n characters, as
// Flink 1.15+ does; BINARY(n) pads with zero bytes. TIMESTAMP_LTZ uses the session time zone.
//
// ROW, ARRAY, MULTISET and MAP to STRING is a nested kernel (interpreter only: the row ABI has no
// nested types): the text formatValue writes, `(5, q)`, `[x, y]`, `{a=1}`, `{x=2}` (a multiset
// as element=count), NULLs inside as `null`, then fitted to the target's length like any text.
#include "runtime/data/datetime.h"
#include "runtime/data/value_text.h"
#include "runtime/functions/builtins/cast_call_state.h"

namespace sluice::runtime::builtins::cast {
namespace {

// Source and target families of text casts; each has one storage, so one kernel.
enum class Text { Bool, I8, I16, I32, I64, F32, F64, Dec64, Dec128, Date, Time, Ts, Ltz, Ym, Dt };

template <Text T>
struct TextTraits;
#define SLUICE_TEXT_TRAITS(Tag, CppType, ...)                 \
  template <>                                                 \
  struct TextTraits<Text::Tag> {                              \
    using Cpp = CppType;                                      \
    static Accepts accepts() { return Accepts{__VA_ARGS__}; } \
  };
SLUICE_TEXT_TRAITS(Bool, bool, TypeKind::Boolean)
SLUICE_TEXT_TRAITS(I8, int8_t, TypeKind::TinyInt)
SLUICE_TEXT_TRAITS(I16, int16_t, TypeKind::SmallInt)
SLUICE_TEXT_TRAITS(I32, int32_t, TypeKind::Int)
SLUICE_TEXT_TRAITS(I64, int64_t, TypeKind::BigInt)
SLUICE_TEXT_TRAITS(F32, float, TypeKind::Float)
SLUICE_TEXT_TRAITS(F64, double, TypeKind::Double)
SLUICE_TEXT_TRAITS(Dec64, int64_t, TypeKind::Decimal)
SLUICE_TEXT_TRAITS(Dec128, int128_t, TypeKind::Decimal)
SLUICE_TEXT_TRAITS(Date, int32_t, TypeKind::Date)
SLUICE_TEXT_TRAITS(Time, int32_t, TypeKind::Time)
SLUICE_TEXT_TRAITS(Ts, int64_t, TypeKind::Timestamp)
SLUICE_TEXT_TRAITS(Ltz, int64_t, TypeKind::TimestampLtz)
SLUICE_TEXT_TRAITS(Ym, int32_t, TypeKind::IntervalYearMonth)
SLUICE_TEXT_TRAITS(Dt, int64_t, TypeKind::IntervalDayTime)
#undef SLUICE_TEXT_TRAITS

Accepts characterStrings() {
  return Accepts::strings();
}

// `text` fitted to the target's length, in the call's arena.
StringRef fitted(FunctionCall& call, std::string_view text, char padding) {
  const CastState& state = castState(call);
  if (!state.truncateToLength && !state.padToLength) return call.arena().copy(text);
  const bool isBytes = padding == '\0';
  std::string_view kept = text;
  if (state.truncateToLength) {
    kept = isBytes ? text.substr(0, std::min<size_t>(text.size(), state.toLength))
                   : prefixOfCodePoints(text, state.toLength);
  }
  const size_t have = isBytes ? kept.size() : countCodePoints(kept);
  if (!state.padToLength || have >= static_cast<size_t>(state.toLength)) {
    return call.arena().copy(kept);
  }
  std::string padded(kept);
  padded.append(static_cast<size_t>(state.toLength) - have, padding);
  return call.arena().copy(padded);
}

template <Text From>
StringRef toText(FunctionCall& call, typename TextTraits<From>::Cpp value) {
  char text[kMaxScalarTextLength];
  char* end = text;
  const CastState& state = castState(call);
  if constexpr (From == Text::Bool) {
    end = writeBoolean(text, value);
  } else if constexpr (From == Text::F32) {
    end = writeFloat(text, value);
  } else if constexpr (From == Text::F64) {
    end = writeDouble(text, value);
  } else if constexpr (From == Text::Dec64 || From == Text::Dec128) {
    end = writeDecimal(text, value, state.fromScale);
  } else if constexpr (From == Text::Date) {
    end = writeDate(text, value);
  } else if constexpr (From == Text::Time) {
    end = writeTime(text, value, state.fromPrecision);
  } else if constexpr (From == Text::Ts) {
    end = writeTimestamp(text, value, state.fromPrecision);
  } else if constexpr (From == Text::Ltz) {
    const TimeZone& zone = state.zone->get(call);
    end = writeTimestamp(text, zone.localMicrosFromUtc(value), state.fromPrecision);
  } else if constexpr (From == Text::Ym) {
    end = writeIntervalYearMonth(text, value);
  } else if constexpr (From == Text::Dt) {
    end = writeIntervalDayTime(text, value);
  } else {
    end = writeInteger(text, value);
  }
  return fitted(call, std::string_view(text, end - text), ' ');
}

template <typename T>
T parsedOr(FunctionCall& call, std::string_view text, const std::optional<T>& parsed) {
  if (parsed) return *parsed;
  castFailed(call, "cannot parse " + quoted(text) + " as " + castState(call).toTypeName);
  return T{};
}

template <Text To>
typename TextTraits<To>::Cpp fromText(FunctionCall& call, StringRef input) {
  const std::string_view text = input.view();
  const CastState& state = castState(call);
  if constexpr (To == Text::Bool) {
    return parsedOr(call, text, parseBoolean(text));
  } else if constexpr (To == Text::F32) {
    return parsedOr(call, text, parseFloat(text));
  } else if constexpr (To == Text::F64) {
    return parsedOr(call, text, parseDouble(text));
  } else if constexpr (To == Text::Dec64 || To == Text::Dec128) {
    using Cpp = typename TextTraits<To>::Cpp;
    return static_cast<Cpp>(
        parsedOr(call, text, parseDecimal(text, state.toPrecision, state.toScale)));
  } else if constexpr (To == Text::Date) {
    return parsedOr(call, text, parseDate(text));
  } else if constexpr (To == Text::Time) {
    return parsedOr(call, text, parseTime(text, state.toPrecision));
  } else if constexpr (To == Text::Ts) {
    return parsedOr(call, text, parseTimestamp(text, state.toPrecision));
  } else if constexpr (To == Text::Ltz) {
    const auto local = parseTimestamp(text, state.toPrecision);
    if (!local) return parsedOr(call, text, local);
    return state.zone->get(call).utcMicrosFromLocal(*local);
  } else if constexpr (To == Text::Ym) {
    return parsedOr(call, text, parseIntervalYearMonth(text));
  } else if constexpr (To == Text::Dt) {
    return parsedOr(call, text, parseIntervalDayTime(text));
  } else {
    using Cpp = typename TextTraits<To>::Cpp;
    constexpr TypeKind kKind = To == Text::I8    ? TypeKind::TinyInt
                               : To == Text::I16 ? TypeKind::SmallInt
                               : To == Text::I32 ? TypeKind::Int
                                                 : TypeKind::BigInt;
    return static_cast<Cpp>(parsedOr(call, text, parseInteger(text, kKind)));
  }
}

// CHAR/VARCHAR -> CHAR/VARCHAR and BINARY/VARBINARY -> BINARY/VARBINARY: only the length.
StringRef refitText(FunctionCall& call, StringRef text) {
  return fitted(call, text.view(), ' ');
}
StringRef refitBytes(FunctionCall& call, StringRef bytes) {
  return fitted(call, bytes.view(), '\0');
}

// BINARY/VARBINARY -> CHAR/VARCHAR: the bytes decoded as UTF-8 (invalid sequences as U+FFFD).
StringRef bytesToText(FunctionCall& call, StringRef bytes) {
  std::string text;
  appendUtf8Lossy(text, bytes.view());
  return fitted(call, text, ' ');
}

template <Text... Families>
void addTextCasts(ScalarFunctionRegistry& registry) {
  (addCast<&toText<Families>>(registry, TextTraits<Families>::accepts(), characterStrings(), false),
   ...);
  (addCast<&fromText<Families>>(registry, characterStrings(), TextTraits<Families>::accepts(),
                                true),
   ...);
}

void nestedToText(FunctionCall& call, const Vector* const* arguments, int, const int32_t* rows,
                  int rowCount, Vector& out) {
  const Vector& value = *arguments[0];
  const TimeZone& zone = castState(call).zone->get(call);
  auto* results = out.values<StringRef>();
  std::string text;
  for (int k = 0; k < rowCount; ++k) {
    const int32_t row = rows[k];
    text.clear();
    appendValue(text, readValue(value, row), value.type(), zone);
    results[row] = fitted(call, text, ' ');
  }
}

}  // namespace

void registerTextCasts(ScalarFunctionRegistry& registry) {
  addTextCasts<Text::Bool, Text::I8, Text::I16, Text::I32, Text::I64, Text::F32, Text::F64,
               Text::Dec64, Text::Dec128, Text::Date, Text::Time, Text::Ts, Text::Ltz, Text::Ym,
               Text::Dt>(registry);
  addCast<&refitText>(registry, characterStrings(), characterStrings(), false);
  addCast<&refitBytes>(registry, Accepts::binaries(), Accepts::binaries(), false);
  // CHAR/VARCHAR -> BINARY/VARBINARY: the UTF-8 bytes.
  addCast<&refitBytes>(registry, characterStrings(), Accepts::binaries(), false);
  addCast<&bytesToText>(registry, Accepts::binaries(), characterStrings(), false);
  ScalarKernel nested =
      nestedKernel("CAST", {Accepts::nested()}, characterStrings(), &nestedToText);
  nested.bind = bindCast;
  registry.add(std::move(nested));
}

}  // namespace sluice::runtime::builtins::cast
