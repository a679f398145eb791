// UPPER, LOWER and INITCAP.
//
// Flink maps case with java.lang.String.toUpperCase/toLowerCase. These kernels cover ASCII,
// Latin-1, Latin Extended-A, basic Greek and Cyrillic and full-width Latin, including Java's
// one-to-many mappings there ('ß' -> "SS", 'İ' -> "i̇"); other scripts are left unchanged, and
// Greek final sigma is not special-cased (Java lower-cases a word-final 'Σ' to 'ς').
#include "runtime/functions/builtins/string_kernel_utf8.h"

namespace sluice::runtime::builtins {
namespace {

// Latin Extended-A pairs capital/small as even/odd code points, except in these two runs where
// the capital is odd.
bool oddCapitalRun(char32_t cp) {
  return (cp >= 0x0139 && cp <= 0x0148) || (cp >= 0x0179 && cp <= 0x017E);
}

bool cyrillicPairRun(char32_t cp) {
  return (cp >= 0x0460 && cp <= 0x0481) || (cp >= 0x048A && cp <= 0x04BF) ||
         (cp >= 0x04D0 && cp <= 0x04FF);
}

// Small letters whose capital is 32 code points below: ASCII, Latin-1, Greek, Cyrillic а-я and
// full-width Latin.
bool capitalIs32Below(char32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 0x00E0 && cp <= 0x00FE && cp != 0x00F7) ||
         (cp >= 0x03B1 && cp <= 0x03C9 && cp != 0x03C2) || (cp >= 0x0430 && cp <= 0x044F) ||
         (cp >= 0xFF41 && cp <= 0xFF5A);
}

bool smallIs32Above(char32_t cp) {
  return (cp >= 'A' && cp <= 'Z') || (cp >= 0x00C0 && cp <= 0x00DE && cp != 0x00D7) ||
         (cp >= 0x0391 && cp <= 0x03A9 && cp != 0x03A2) || (cp >= 0x0410 && cp <= 0x042F) ||
         (cp >= 0xFF21 && cp <= 0xFF3A);
}

// Latin Extended-A letters with a case pair (the others there have none or a special one).
bool pairedLatinExtended(char32_t cp) {
  return cp >= 0x0100 && cp <= 0x017F && cp != 0x0130 && cp != 0x0131 && cp != 0x0138 &&
         cp != 0x0149 && cp != 0x0178 && cp != 0x017F;
}

char32_t upperOf(char32_t cp) {
  if (capitalIs32Below(cp)) return cp - 32;
  if (cp < 0x80) return cp;
  switch (cp) {
    case 0x00B5: return 0x039C;
    case 0x00FF: return 0x0178;
    case 0x0131: return 'I';
    case 0x017F: return 'S';
    case 0x03C2: return 0x03A3;
    case 0x03AC: return 0x0386;
    case 0x03CC: return 0x038C;
    case 0x04CF: return 0x04C0;
    default: break;
  }
  if (pairedLatinExtended(cp)) {
    const bool isSmall = oddCapitalRun(cp) ? (cp % 2 == 0) : (cp % 2 == 1);
    return isSmall ? cp - 1 : cp;
  }
  if (cp >= 0x03AD && cp <= 0x03AF) return cp - 37;
  if (cp == 0x03CD || cp == 0x03CE) return cp - 63;
  if (cp >= 0x0450 && cp <= 0x045F) return cp - 80;
  if (cyrillicPairRun(cp)) return cp % 2 == 1 ? cp - 1 : cp;
  if (cp >= 0x04C1 && cp <= 0x04CE) return cp % 2 == 0 ? cp - 1 : cp;
  return cp;
}

char32_t lowerOf(char32_t cp) {
  if (smallIs32Above(cp)) return cp + 32;
  if (cp < 0x80) return cp;
  switch (cp) {
    case 0x0178: return 0x00FF;
    case 0x0386: return 0x03AC;
    case 0x038C: return 0x03CC;
    case 0x04C0: return 0x04CF;
    default: break;
  }
  if (pairedLatinExtended(cp)) {
    const bool isCapital = oddCapitalRun(cp) ? (cp % 2 == 1) : (cp % 2 == 0);
    return isCapital ? cp + 1 : cp;
  }
  if (cp >= 0x0388 && cp <= 0x038A) return cp + 37;
  if (cp == 0x038E || cp == 0x038F) return cp + 63;
  if (cp >= 0x0400 && cp <= 0x040F) return cp + 80;
  if (cyrillicPairRun(cp)) return cp % 2 == 0 ? cp + 1 : cp;
  if (cp >= 0x04C1 && cp <= 0x04CE) return cp % 2 == 1 ? cp + 1 : cp;
  return cp;
}

// Java's one-to-many mappings in these ranges: 'ß' upper-cases to "SS", 'İ' lower-cases to
// 'i' + U+0307.
void appendUpper(std::string& out, char32_t cp) {
  if (cp == 0x00DF) {
    out += "SS";
  } else {
    utf8::append(out, upperOf(cp));
  }
}

void appendLower(std::string& out, char32_t cp) {
  if (cp == 0x0130) {
    out += "i\u0307";
  } else {
    utf8::append(out, lowerOf(cp));
  }
}

template <void (*Append)(std::string&, char32_t), char First, char Last, int Shift>
StringRef mapCase(FunctionCall& call, StringRef text) {
  const std::string_view in = text.view();
  bool ascii = true;
  for (char c : in) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) {  // the common case: map bytes in place, no decoding
    char* out = call.arena().allocate(in.size());
    for (size_t i = 0; i < in.size(); ++i) {
      const char c = in[i];
      out[i] = (c >= First && c <= Last) ? static_cast<char>(c + Shift) : c;
    }
    return StringRef::of(out, static_cast<uint32_t>(in.size()));
  }
  std::string mapped;
  mapped.reserve(in.size());
  for (size_t at = 0; at < in.size(); at = utf8::next(in, at)) Append(mapped, utf8::decode(in, at));
  return resultString(call, mapped);
}

// INITCAP(s), as Flink (Calcite's algorithm): words are runs of ASCII letters and digits; the
// first letter of a word is upper-cased and the rest lower-cased. Any other character, including
// non-ASCII letters, separates words and is left unchanged.
StringRef initcap(FunctionCall& call, StringRef text) {
  const std::string_view in = text.view();
  char* out = call.arena().allocate(in.size());
  bool wordStart = true;
  for (size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    const bool digit = c >= '0' && c <= '9';
    const bool upper = c >= 'A' && c <= 'Z';
    const bool lower = c >= 'a' && c <= 'z';
    if (wordStart) {
      if (lower) c = static_cast<char>(c - 32);
      wordStart = !(digit || upper || lower);
    } else if (upper) {
      c = static_cast<char>(c + 32);
    } else if (!digit && !lower) {
      wordStart = true;
    }
    out[i] = c;
  }
  return StringRef::of(out, static_cast<uint32_t>(in.size()));
}

}  // namespace

void registerStringCase(ScalarFunctionRegistry& registry) {
  const Accepts strings = Accepts::strings();
  registry.add(scalarKernel<&mapCase<&appendUpper, 'a', 'z', -32>>("UPPER", {strings}, strings));
  registry.add(scalarKernel<&mapCase<&appendLower, 'A', 'Z', 32>>("LOWER", {strings}, strings));
  registry.add(scalarKernel<&initcap>("INITCAP", {strings}, strings));
}

}  // namespace sluice::runtime::builtins
