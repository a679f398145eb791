// s [NOT] LIKE pattern [ESCAPE e], matched directly (no regex engine) with Flink's semantics:
// the whole string must match; '%' matches any sequence (line breaks included); '_' matches one
// character other than a line terminator (\n, \r, U+0085, U+2028, U+2029), as the '.' of the
// Java regex Flink translates it to; there is no escape character unless ESCAPE names one, and
// then only escape + '%', '_' or escape is valid ("Invalid escape sequence" otherwise). A constant
// pattern is compiled once per call site by the bind hook.
#include <memory>
#include <optional>
#include <vector>

#include "runtime/functions/builtins/string_kernel_utf8.h"

namespace sluice::runtime::builtins {
namespace {

struct LikeElement {
  enum class Kind : uint8_t { Character, AnyCharacter, AnySequence };
  Kind kind = Kind::Character;
  char32_t character = 0;
};

using LikePattern = std::vector<LikeElement>;
using CompiledLike = std::shared_ptr<const LikePattern>;

// Compiles `pattern`; returns an error message (empty on success).
std::string compileLike(std::string_view pattern, std::optional<std::string_view> escapeText,
                        LikePattern& out) {
  std::optional<char32_t> escape;
  if (escapeText) {
    if (escapeText->empty() || utf8::next(*escapeText, 0) != escapeText->size()) {
      return "Invalid escape character '" + std::string(*escapeText) + "'";
    }
    escape = utf8::decode(*escapeText, 0);
  }
  int64_t index = 0;
  for (size_t at = 0; at < pattern.size(); at = utf8::next(pattern, at), ++index) {
    const char32_t c = utf8::decode(pattern, at);
    if (escape && c == *escape) {
      const size_t following = utf8::next(pattern, at);
      const bool atEnd = following >= pattern.size();
      const char32_t next = atEnd ? 0 : utf8::decode(pattern, following);
      if (atEnd || (next != '_' && next != '%' && next != c)) {
        return "Invalid escape sequence '" + std::string(pattern) + "', " + std::to_string(index);
      }
      out.push_back({LikeElement::Kind::Character, next});
      at = following;
      ++index;
    } else if (c == '_') {
      out.push_back({LikeElement::Kind::AnyCharacter, 0});
    } else if (c == '%') {
      if (out.empty() || out.back().kind != LikeElement::Kind::AnySequence) {
        out.push_back({LikeElement::Kind::AnySequence, 0});
      }
    } else {
      out.push_back({LikeElement::Kind::Character, c});
    }
  }
  return {};
}

bool isLineTerminator(char32_t c) {
  return c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029;
}

// Wildcard matching with one backtrack point (the last '%' seen), which is enough because a
// later '%' can absorb whatever an earlier one would have: linear for most patterns.
bool matchesLike(const LikePattern& pattern, std::string_view text) {
  size_t element = 0;
  size_t at = 0;
  std::optional<size_t> starElement;
  size_t starText = 0;
  while (at < text.size()) {
    if (element < pattern.size() && pattern[element].kind != LikeElement::Kind::AnySequence) {
      const char32_t c = utf8::decode(text, at);
      const LikeElement& e = pattern[element];
      const bool match =
          e.kind == LikeElement::Kind::AnyCharacter ? !isLineTerminator(c) : e.character == c;
      if (match) {
        ++element;
        at = utf8::next(text, at);
        continue;
      }
    } else if (element < pattern.size()) {
      starElement = element++;
      starText = at;
      continue;
    }
    if (!starElement) return false;
    element = *starElement + 1;
    starText = utf8::next(text, starText);
    at = starText;
  }
  while (element < pattern.size() && pattern[element].kind == LikeElement::Kind::AnySequence) {
    ++element;
  }
  return element == pattern.size();
}

bool like(FunctionCall& call, StringRef text, StringRef pattern,
          std::optional<std::string_view> escape) {
  if (call.site->state.has_value()) return matchesLike(*call.state<CompiledLike>(), text.view());
  LikePattern compiled;
  const std::string error = compileLike(pattern.view(), escape, compiled);
  if (!error.empty()) {
    call.fail(error);
    return false;
  }
  return matchesLike(compiled, text.view());
}

template <bool Negated>
bool likeKernel(FunctionCall& call, StringRef text, StringRef pattern) {
  return like(call, text, pattern, std::nullopt) != Negated;
}

template <bool Negated>
bool likeEscapeKernel(FunctionCall& call, StringRef text, StringRef pattern, StringRef escape) {
  return like(call, text, pattern, escape.view()) != Negated;
}

// Compiles a constant pattern (and escape) once; an invalid one fails the bind.
std::string bindLike(CallSite& site) {
  const auto constant = [&](size_t i) -> const Value* {
    if (i >= site.constants.size() || !site.constants[i] || site.constants[i]->isNull) {
      return nullptr;
    }
    return &*site.constants[i];
  };
  const Value* pattern = constant(1);
  const Value* escape = constant(2);
  if (pattern == nullptr || (site.constants.size() > 2 && escape == nullptr)) return {};
  auto compiled = std::make_shared<LikePattern>();
  std::optional<std::string_view> escapeText;
  if (escape != nullptr) escapeText = escape->bytes;
  const std::string error = compileLike(pattern->bytes, escapeText, *compiled);
  if (!error.empty()) return site.function + ": " + error;
  site.state = CompiledLike(std::move(compiled));
  return {};
}

ScalarKernel withLikeBinding(ScalarKernel kernel) {
  kernel.bind = &bindLike;
  return kernel;
}

}  // namespace

void registerStringLike(ScalarFunctionRegistry& registry) {
  const Accepts strings = Accepts::strings();
  const Accepts boolean = Accepts::kind(TypeKind::Boolean);
  registry.add(
      withLikeBinding(scalarKernel<&likeKernel<false>>("LIKE", {strings, strings}, boolean)));
  registry.add(
      withLikeBinding(scalarKernel<&likeKernel<true>>("NOT LIKE", {strings, strings}, boolean)));
  registry.add(withLikeBinding(
      scalarKernel<&likeEscapeKernel<false>>("LIKE", {strings, strings, strings}, boolean)));
  registry.add(withLikeBinding(
      scalarKernel<&likeEscapeKernel<true>>("NOT LIKE", {strings, strings, strings}, boolean)));
}

}  // namespace sluice::runtime::builtins
