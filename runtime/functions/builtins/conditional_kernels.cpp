// Flink's conditional functions that are plain kernels (docs: "Conditional Functions"):
// GREATEST and LEAST, and the string predicates IS_ALPHA, IS_DIGIT and IS_DECIMAL. IF, IFNULL,
// COALESCE, NULLIF and CASE are special forms of the interpreter and code generator.
//
// GREATEST/LEAST: the binder converts every argument to their common type, so one kernel per
// storage compares values of one type: numbers, dates, times, timestamps and intervals as
// primitives, DECIMAL as unscaled integers (one scale), strings and byte strings byte-wise,
// FALSE < TRUE. NULL if any argument is NULL.
//
// IS_ALPHA/IS_DIGIT/IS_DECIMAL follow Flink's SqlFunctionUtils: never NULL (a NULL argument is
// FALSE), so they are one-argument variadic kernels, which see NULLs.
//  - IS_ALPHA(s): s is not empty and every UTF-16 unit is a letter (Character.isLetter; outside
//    the BMP nothing is). Letters are recognized in the Latin, Greek, Cyrillic, Armenian, Hebrew,
//    Arabic, Devanagari, Thai, Hangul, kana and CJK ranges; other scripts' letters are not.
//  - IS_DIGIT(s): s is not empty and every unit is a decimal digit (Unicode Nd in the BMP);
//    integer arguments are TRUE, other numbers FALSE.
//  - IS_DECIMAL(s): s parses as Java's Integer, Long or Double would parse it; numbers are TRUE.
#include <iterator>
#include <type_traits>

#include "runtime/data/value_text.h"
#include "runtime/functions/builtins/builtin_library.h"
#include "runtime/functions/builtins/string_kernel_utf8.h"

namespace sluice::runtime::builtins {
namespace {

enum class Extremum : uint8_t { Greatest, Least };

template <typename T>
bool before(const T& a, const T& b) {
  if constexpr (std::is_same_v<T, StringRef>) {
    return compare(a, b) < 0;
  } else {
    return a < b;
  }
}

// BOOLEAN arguments travel as int8_t (see registerExtremum); R is then bool.
template <Extremum E, typename T, typename R = T>
R extremum(FunctionCall& call, const T* values, const uint8_t* valid, int32_t count) {
  for (int32_t i = 0; i < count; ++i) {
    if (!valid[i]) {
      call.setNull();
      return R{};
    }
  }
  if (count == 0) {
    call.setNull();
    return R{};
  }
  T best = values[0];
  for (int32_t i = 1; i < count; ++i) {
    if (E == Extremum::Greatest ? before(best, values[i]) : before(values[i], best)) {
      best = values[i];
    }
  }
  return static_cast<R>(best);
}

template <Extremum E>
void registerExtremum(ScalarFunctionRegistry& registry, const char* name) {
  using K = TypeKind;
  registry.add(variadicKernel<&extremum<E, int8_t>>(name, {K::TinyInt}, {K::TinyInt}));
  registry.add(variadicKernel<&extremum<E, int16_t>>(name, {K::SmallInt}, {K::SmallInt}));
  const Accepts int32Kinds{K::Int, K::Date, K::Time, K::IntervalYearMonth};
  registry.add(variadicKernel<&extremum<E, int32_t>>(name, int32Kinds, int32Kinds));
  // DECIMAL(p <= 18) is stored in 64 bits, wider ones in 128: the registry matches the storage.
  const Accepts int64Kinds{K::BigInt, K::Timestamp, K::TimestampLtz, K::IntervalDayTime,
                           K::Decimal};
  registry.add(variadicKernel<&extremum<E, int64_t>>(name, int64Kinds, int64Kinds));
  registry.add(variadicKernel<&extremum<E, int128_t>>(name, {K::Decimal}, {K::Decimal}));
  registry.add(variadicKernel<&extremum<E, float>>(name, {K::Float}, {K::Float}));
  registry.add(variadicKernel<&extremum<E, double>>(name, {K::Double}, {K::Double}));
  registry.add(
      variadicKernel<&extremum<E, StringRef>>(name, Accepts::strings(), Accepts::strings()));
  registry.add(
      variadicKernel<&extremum<E, StringRef>>(name, Accepts::binaries(), Accepts::binaries()));
  // Booleans are stored as one byte, 0 or 1: read them as int8_t, declare the BOOLEAN storage.
  ScalarKernel boolean =
      variadicKernel<&extremum<E, int8_t, bool>>(name, {K::Boolean}, {K::Boolean});
  boolean.variadicElement = AbiType::Bool;
  registry.add(std::move(boolean));
}

// ---- IS_ALPHA, IS_DIGIT, IS_DECIMAL

struct CodeRange {
  char16_t first;
  char16_t last;
};

bool inRanges(char32_t cp, const CodeRange* ranges, size_t count) {
  for (size_t i = 0; i < count; ++i) {
    if (cp >= ranges[i].first && cp <= ranges[i].last) return true;
  }
  return false;
}

constexpr CodeRange kLetters[] = {
    {u'A', u'Z'},     {u'a', u'z'},     {0x00AA, 0x00AA}, {0x00B5, 0x00B5}, {0x00BA, 0x00BA},
    {0x00C0, 0x00D6}, {0x00D8, 0x00F6}, {0x00F8, 0x02C1}, {0x02C6, 0x02D1}, {0x02E0, 0x02E4},
    {0x0370, 0x0374}, {0x0376, 0x0377}, {0x037A, 0x037D}, {0x037F, 0x037F}, {0x0386, 0x0386},
    {0x0388, 0x038A}, {0x038C, 0x038C}, {0x038E, 0x03A1}, {0x03A3, 0x03F5}, {0x03F7, 0x0481},
    {0x048A, 0x052F}, {0x0531, 0x0556}, {0x0561, 0x0587}, {0x05D0, 0x05EA}, {0x0620, 0x064A},
    {0x0671, 0x06D3}, {0x0904, 0x0939}, {0x0E01, 0x0E30}, {0x1100, 0x11FF}, {0x1E00, 0x1F15},
    {0x1F18, 0x1FBC}, {0x3041, 0x3096}, {0x30A1, 0x30FA}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF},
    {0xAC00, 0xD7A3}, {0xF900, 0xFAFF}, {0xFF21, 0xFF3A}, {0xFF41, 0xFF5A}, {0xFF66, 0xFF9D},
};

// The BMP's decimal digit runs (Unicode Nd), each ten code points long.
constexpr char16_t kDigitZeros[] = {
    0x0030, 0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6,
    0x0C66, 0x0CE6, 0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0,
    0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620,
    0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
};

bool isLetter(char32_t cp) {
  return inRanges(cp, kLetters, std::size(kLetters));
}

bool isDigit(char32_t cp) {
  for (const char16_t zero : kDigitZeros) {
    if (cp >= zero && cp < static_cast<char32_t>(zero) + 10) return true;
  }
  return false;
}

// Whether every character of a non-empty string satisfies `test` (supplementary characters are
// two UTF-16 surrogates for Java, neither a letter nor a digit).
template <bool (*Test)(char32_t)>
bool everyCharacter(std::string_view text) {
  if (text.empty()) return false;
  for (size_t at = 0; at < text.size(); at = utf8::next(text, at)) {
    if (!Test(utf8::decode(text, at))) return false;
  }
  return true;
}

// Integer.parseInt/Long.parseLong also take non-ASCII decimal digits; Double.parseDouble the rest.
bool parsesAsNumber(std::string_view text) {
  if (text.empty()) return false;
  const bool hasSign = text[0] == '+' || text[0] == '-';
  if (everyCharacter<&isDigit>(text.substr(hasSign ? 1 : 0))) return true;
  return parseDouble(text).has_value();
}

template <bool (*Test)(std::string_view)>
bool stringPredicate(FunctionCall&, const StringRef* values, const uint8_t* valid, int32_t) {
  return valid[0] && Test(values[0].view());
}

// A numeric argument: `Answer` unless it is NULL.
template <bool Answer, typename T>
bool numberPredicate(FunctionCall&, const T*, const uint8_t* valid, int32_t) {
  return Answer && valid[0];
}

// The kernels are variadic to see NULL arguments; the binder passes exactly one.
ScalarKernel predicate(ScalarKernel kernel) {
  kernel.mayReturnNull = false;
  return kernel;
}

template <typename T, bool Answer>
void addNumberPredicate(ScalarFunctionRegistry& registry, const char* name, TypeKind kind) {
  registry.add(predicate(variadicKernel<&numberPredicate<Answer, T>>(
      name, Accepts::kind(kind), Accepts::kind(TypeKind::Boolean))));
}

template <bool IntegerAnswer, bool OtherAnswer>
void registerNumberPredicate(ScalarFunctionRegistry& registry, const char* name) {
  addNumberPredicate<int8_t, IntegerAnswer>(registry, name, TypeKind::TinyInt);
  addNumberPredicate<int16_t, IntegerAnswer>(registry, name, TypeKind::SmallInt);
  addNumberPredicate<int32_t, IntegerAnswer>(registry, name, TypeKind::Int);
  addNumberPredicate<int64_t, IntegerAnswer>(registry, name, TypeKind::BigInt);
  addNumberPredicate<float, OtherAnswer>(registry, name, TypeKind::Float);
  addNumberPredicate<double, OtherAnswer>(registry, name, TypeKind::Double);
  addNumberPredicate<int64_t, OtherAnswer>(registry, name, TypeKind::Decimal);
  addNumberPredicate<int128_t, OtherAnswer>(registry, name, TypeKind::Decimal);
}

}  // namespace

void registerConditional(ScalarFunctionRegistry& registry) {
  registerExtremum<Extremum::Greatest>(registry, "GREATEST");
  registerExtremum<Extremum::Least>(registry, "LEAST");

  const Accepts boolean = Accepts::kind(TypeKind::Boolean);
  registry.add(predicate(variadicKernel<&stringPredicate<&everyCharacter<&isLetter>>>(
      "IS_ALPHA", Accepts::strings(), boolean)));
  registry.add(predicate(variadicKernel<&stringPredicate<&everyCharacter<&isDigit>>>(
      "IS_DIGIT", Accepts::strings(), boolean)));
  registry.add(predicate(variadicKernel<&stringPredicate<&parsesAsNumber>>(
      "IS_DECIMAL", Accepts::strings(), boolean)));
  registerNumberPredicate<false, false>(registry, "IS_ALPHA");
  registerNumberPredicate<true, false>(registry, "IS_DIGIT");
  registerNumberPredicate<true, true>(registry, "IS_DECIMAL");
}

}  // namespace sluice::runtime::builtins
