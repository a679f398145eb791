// TRIM, LTRIM, RTRIM and BTRIM.
//
// SQL's TRIM([BOTH | LEADING | TRAILING] [chars] FROM s) arrives as TRIM(side, chars, s) with
// side a SYMBOL operand ('BOTH', 'LEADING' or 'TRAILING') and chars ' ' when omitted; shorter
// forms (TRIM(s), TRIM(side, s), TRIM(chars, s)) are accepted too. As Flink, `chars` is a set:
// every leading/trailing character found in it is removed (TRIM(BOTH 'ab' FROM 'abcba') is 'c'),
// and the default removes only the space character (U+0020), not other whitespace.
#include "runtime/functions/builtins/string_kernel_utf8.h"

namespace sluice::runtime::builtins {
namespace {

bool containsCharacter(std::string_view set, std::string_view character) {
  for (size_t at = 0; at < set.size(); at = utf8::next(set, at)) {
    if (set.substr(at, utf8::next(set, at) - at) == character) return true;
  }
  return false;
}

// The start of the character ending at `end`: continuation bytes belong to the lead before them.
size_t previousStart(std::string_view text, size_t begin, size_t end) {
  size_t at = end - 1;
  while (at > begin && end - at < 4 && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) {
    --at;
  }
  return at;
}

std::string_view trimText(std::string_view text, std::string_view set, bool leading,
                          bool trailing) {
  size_t begin = 0;
  if (leading) {
    while (begin < text.size()) {
      const size_t next = utf8::next(text, begin);
      if (!containsCharacter(set, text.substr(begin, next - begin))) break;
      begin = next;
    }
  }
  size_t end = text.size();
  while (trailing && begin < end) {
    const size_t start = previousStart(text, begin, end);
    if (!containsCharacter(set, text.substr(start, end - start))) break;
    end = start;
  }
  return text.substr(begin, end - begin);
}

constexpr std::string_view kSpace = " ";

// The side keyword of TRIM: 'BOTH', 'LEADING' or 'TRAILING'.
void sides(StringRef keyword, bool& leading, bool& trailing) {
  const char first = keyword.size() > 0 ? keyword.data()[0] : 'B';
  leading = first != 'T' && first != 't';
  trailing = first != 'L' && first != 'l';
}

StringRef trimSideSpaces(FunctionCall& call, StringRef side, StringRef text) {
  bool leading = true, trailing = true;
  sides(side, leading, trailing);
  return resultString(call, trimText(text.view(), kSpace, leading, trailing));
}

StringRef trimCharacters(FunctionCall& call, StringRef characters, StringRef text) {
  return resultString(call, trimText(text.view(), characters.view(), true, true));
}

StringRef trimSideCharacters(FunctionCall& call, StringRef side, StringRef characters,
                             StringRef text) {
  bool leading = true, trailing = true;
  sides(side, leading, trailing);
  return resultString(call, trimText(text.view(), characters.view(), leading, trailing));
}

// LTRIM/RTRIM/BTRIM(s [, chars]): the string comes first here, unlike TRIM.
template <bool Leading, bool Trailing>
StringRef trimSpacesOf(FunctionCall& call, StringRef text) {
  return resultString(call, trimText(text.view(), kSpace, Leading, Trailing));
}

template <bool Leading, bool Trailing>
StringRef trimCharactersOf(FunctionCall& call, StringRef text, StringRef characters) {
  return resultString(call, trimText(text.view(), characters.view(), Leading, Trailing));
}

}  // namespace

void registerStringTrimming(ScalarFunctionRegistry& registry) {
  const Accepts strings = Accepts::strings();
  const Accepts side = Accepts::kind(TypeKind::Symbol);
  registry.add(scalarKernel<&trimSpacesOf<true, true>>("TRIM", {strings}, strings));
  registry.add(scalarKernel<&trimSideSpaces>("TRIM", {side, strings}, strings));
  registry.add(scalarKernel<&trimCharacters>("TRIM", {strings, strings}, strings));
  registry.add(scalarKernel<&trimSideCharacters>("TRIM", {side, strings, strings}, strings));
  registry.add(scalarKernel<&trimSpacesOf<true, false>>("LTRIM", {strings}, strings));
  registry.add(scalarKernel<&trimCharactersOf<true, false>>("LTRIM", {strings, strings}, strings));
  registry.add(scalarKernel<&trimSpacesOf<false, true>>("RTRIM", {strings}, strings));
  registry.add(scalarKernel<&trimCharactersOf<false, true>>("RTRIM", {strings, strings}, strings));
  registry.add(scalarKernel<&trimSpacesOf<true, true>>("BTRIM", {strings}, strings));
  registry.add(scalarKernel<&trimCharactersOf<true, true>>("BTRIM", {strings, strings}, strings));
}

}  // namespace sluice::runtime::builtins
