// Finding and splitting: POSITION, LOCATE, INSTR, REPLACE, SPLIT_INDEX, STARTSWITH, ENDSWITH and
// Blink's KEYVALUE. Positions are 1-based character positions, 0 when not found.
#include <optional>

#include "runtime/functions/builtins/string_kernel_utf8.h"

namespace sluice::runtime::builtins {
namespace {

// POSITION(needle IN haystack [FROM from]) and LOCATE(needle, haystack [, from]), as Flink's
// SqlFunctionUtils.position: an empty needle is at 1, and a from below 1 searches from the start.
int32_t position(FunctionCall&, StringRef needle, StringRef haystack) {
  return static_cast<int32_t>(utf8::indexOf(haystack.view(), needle.view(), 0) + 1);
}

template <typename From>
int32_t positionFrom(FunctionCall&, StringRef needle, StringRef haystack, From from) {
  const int64_t start = static_cast<int64_t>(toInt32(from)) - 1;
  return static_cast<int32_t>(utf8::indexOf(haystack.view(), needle.view(), start) + 1);
}

std::string reversed(std::string_view text) {
  std::string out(text.size(), '\0');
  for (size_t at = 0; at < text.size();) {
    const size_t next = utf8::next(text, at);
    out.replace(text.size() - next, next - at, text.substr(at, next - at));
    at = next;
  }
  return out;
}

// Flink's instr: the position of the nth occurrence of `needle`, searching forward from
// `start`, or backward from the start-th character from the end when start is negative.
int64_t instrPosition(std::string_view text, std::string_view needle, int64_t start, int64_t nth) {
  if (start == 0) return 0;
  if (start > 0) {
    int64_t index = 0;
    for (int64_t i = 0; i < nth; ++i) {
      index = utf8::indexOf(text, needle, start - 1) + 1;
      if (index == 0) return 0;
      start = index + 1;
    }
    return index;
  }
  const int64_t found = instrPosition(reversed(text), reversed(needle), -start, nth);
  if (found == 0) return 0;
  return utf8::length(text) + 2 - found - utf8::length(needle);
}

int32_t instr(FunctionCall&, StringRef text, StringRef needle) {
  return static_cast<int32_t>(instrPosition(text.view(), needle.view(), 1, 1));
}

template <typename Start>
int32_t instrFrom(FunctionCall&, StringRef text, StringRef needle, Start start) {
  return static_cast<int32_t>(instrPosition(text.view(), needle.view(), start, 1));
}

template <typename Start, typename Nth>
int32_t instrNth(FunctionCall& call, StringRef text, StringRef needle, Start start, Nth nth) {
  if (nth <= 0) {
    call.fail("nthAppearance must be positive, got " + std::to_string(nth));
    return 0;
  }
  return static_cast<int32_t>(instrPosition(text.view(), needle.view(), start, nth));
}

// REPLACE(s, search, replacement), as Java's String.replace: non-overlapping, left to right; an
// empty search inserts the replacement around every character.
StringRef replace(FunctionCall& call, StringRef text, StringRef search, StringRef replacement) {
  const std::string_view in = text.view();
  const std::string_view target = search.view();
  std::string out;
  if (target.empty()) {
    out.append(replacement.view());
    for (size_t at = 0; at < in.size(); at = utf8::next(in, at)) {
      out.append(in.substr(at, utf8::next(in, at) - at));
      out.append(replacement.view());
    }
    return resultString(call, out);
  }
  size_t from = 0;
  for (size_t found = in.find(target); found != std::string_view::npos;
       found = in.find(target, from)) {
    out.append(in.substr(from, found - from));
    out.append(replacement.view());
    from = found + target.size();
  }
  out.append(in.substr(from));
  return resultString(call, out);
}

// Java's Character.isWhitespace: splitting on an empty separator splits at each of these.
bool isJavaWhitespace(char32_t cp) {
  if (cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F)) return true;
  return cp == 0x1680 || (cp >= 0x2000 && cp <= 0x2006) || (cp >= 0x2008 && cp <= 0x200A) ||
         cp == 0x2028 || cp == 0x2029 || cp == 0x205F || cp == 0x3000;
}

// The index-th (0-based) piece of `text` split at every `separator`, keeping empty pieces (as
// commons-lang's splitByWholeSeparatorPreserveAllTokens); an empty separator splits at each
// whitespace character. nullopt when there is no such piece; '' has no pieces at all.
std::optional<std::string_view> splitPiece(std::string_view text, std::string_view separator,
                                           int64_t index) {
  if (index < 0 || text.empty()) return std::nullopt;
  if (separator.size() == 1) {
    // One byte (SPLIT_INDEX(url, '/', 3)): a plain scan; a find() per piece cost a memchr call
    // for every few characters of a URL.
    const char mark = separator[0];
    size_t begin = 0;
    int64_t piece = 0;
    for (size_t at = 0; at < text.size(); ++at) {
      if (text[at] != mark) continue;
      if (piece == index) return text.substr(begin, at - begin);
      ++piece;
      begin = at + 1;
    }
    if (piece == index) return text.substr(begin);
    return std::nullopt;
  }
  size_t begin = 0;
  for (int64_t piece = 0;; ++piece) {
    size_t end = 0;
    size_t skip = 0;
    if (separator.empty()) {
      end = begin;
      while (end < text.size() && !isJavaWhitespace(utf8::decode(text, end))) {
        end = utf8::next(text, end);
      }
      skip = end < text.size() ? utf8::next(text, end) - end : 0;
    } else {
      end = std::min(text.find(separator, begin), text.size());
      skip = separator.size();
    }
    if (piece == index) return text.substr(begin, end - begin);
    if (end >= text.size()) return std::nullopt;
    begin = end + skip;
  }
}

template <typename Index>
StringRef splitIndex(FunctionCall& call, StringRef text, StringRef separator, Index index) {
  const auto piece = splitPiece(text.view(), separator.view(), index);
  if (!piece) {
    call.setNull();
    return {};
  }
  return resultString(call, *piece);
}

// SPLIT_INDEX(s, characterCode, index): the separator given as a code in 1..255.
template <typename Code, typename Index>
StringRef splitIndexByCode(FunctionCall& call, StringRef text, Code code, Index index) {
  if (code < 1 || code > 255) {
    call.setNull();
    return {};
  }
  std::string separator;
  utf8::append(separator, static_cast<char32_t>(code));
  return splitIndex(call, text, StringRef::of(separator), index);
}

template <bool AtStart>
bool affix(FunctionCall&, StringRef text, StringRef part) {
  return AtStart ? text.view().starts_with(part.view()) : text.view().ends_with(part.view());
}

// KEYVALUE(s, pairSeparator, keyValueSeparator, key) (Blink): the value of the first pair whose
// text before its first keyValueSeparator is `key`; NULL when none, or when s or key is ''.
// Flink's implementation only works for one-byte separators (longer ones always give NULL);
// here any non-empty separators work.
StringRef keyValue(FunctionCall& call, StringRef text, StringRef pairSeparator,
                   StringRef keyValueSeparator, StringRef key) {
  const std::string_view in = text.view();
  const std::string_view pairs = pairSeparator.view();
  const std::string_view inner = keyValueSeparator.view();
  if (in.empty() || key.size() == 0 || pairs.empty() || inner.empty()) {
    call.setNull();
    return {};
  }
  for (size_t begin = 0; begin <= in.size();) {
    const size_t end = std::min(in.find(pairs, begin), in.size());
    const std::string_view pair = in.substr(begin, end - begin);
    const size_t split = pair.find(inner);
    if (split != std::string_view::npos && pair.substr(0, split) == key.view()) {
      return resultString(call, pair.substr(split + inner.size()));
    }
    begin = end + pairs.size();
  }
  call.setNull();
  return {};
}

}  // namespace

void registerStringSearch(ScalarFunctionRegistry& registry) {
  const Accepts strings = Accepts::strings();
  const Accepts integers = Accepts::integers();
  const Accepts integer = Accepts::kind(TypeKind::Int);
  const Accepts boolean = Accepts::kind(TypeKind::Boolean);
  for (const char* name : {"POSITION", "LOCATE"}) {
    registry.add(scalarKernel<&position>(name, {strings, strings}, integer));
  }
  registry.add(scalarKernel<&instr>("INSTR", {strings, strings}, integer));
  registry.add(scalarKernel<&replace>("REPLACE", {strings, strings, strings}, strings));
  registry.add(scalarKernel<&affix<true>>("STARTSWITH", {strings, strings}, boolean));
  registry.add(scalarKernel<&affix<false>>("ENDSWITH", {strings, strings}, boolean));
  const Accepts bytes = Accepts::binaries();
  registry.add(scalarKernel<&affix<true>>("STARTSWITH", {bytes, bytes}, boolean));
  registry.add(scalarKernel<&affix<false>>("ENDSWITH", {bytes, bytes}, boolean));
  registry.add(returningNull(
      scalarKernel<&keyValue>("KEYVALUE", {strings, strings, strings, strings}, strings)));
  forEachIntegerType([&](auto first) {
    using First = typename decltype(first)::type;
    for (const char* name : {"POSITION", "LOCATE"}) {
      registry.add(scalarKernel<&positionFrom<First>>(name, {strings, strings, integers}, integer));
    }
    registry.add(scalarKernel<&instrFrom<First>>("INSTR", {strings, strings, integers}, integer));
    registry.add(returningNull(
        scalarKernel<&splitIndex<First>>("SPLIT_INDEX", {strings, strings, integers}, strings)));
    forEachIntegerType([&](auto second) {
      using Second = typename decltype(second)::type;
      registry.add(scalarKernel<&instrNth<First, Second>>(
          "INSTR", {strings, strings, integers, integers}, integer));
      registry.add(returningNull(scalarKernel<&splitIndexByCode<First, Second>>(
          "SPLIT_INDEX", {strings, integers, integers}, strings)));
    });
  });
}

}  // namespace sluice::runtime::builtins
