// Flink's regular-expression functions: REGEXP, REGEXP_EXTRACT, REGEXP_EXTRACT_ALL,
// REGEXP_REPLACE, REGEXP_COUNT, REGEXP_INSTR and REGEXP_SUBSTR, evaluated with RE2.
//
// Flink takes java.util.regex syntax. RE2 accepts the common subset (classes, quantifiers, lazy
// quantifiers, groups, named groups (?P<n>..), \d \w \s \b, \Q..\E, inline flags (?i) (?s) (?m))
// but rejects backreferences (\1), lookaround ((?=..), (?<!..)), possessive quantifiers (a*+),
// atomic groups and class intersections ([a-z&&[^b]]); Java's POSIX names \p{Alpha} become
// [[:alpha:]]. Semantics also differ slightly: Java's '.' excludes \r, U+0085, U+2028 and U+2029
// besides \n, and Java's '$' also matches before a final line terminator; RE2 matches
// leftmost-first like Java, on code points rather than UTF-16 units.
//
// A constant pattern is compiled once per call site; one RE2 cannot compile is a bind error
// naming it (Flink would log it and return NULL or FALSE row by row). A pattern computed per row
// is compiled through a small per-thread cache, and an invalid one gives NULL (FALSE for REGEXP),
// as in Flink.
#include <re2/re2.h>

#include <functional>
#include <iterator>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "runtime/functions/builtins/builtin_library.h"
#include "runtime/functions/builtins/nested_elements.h"
#include "runtime/functions/builtins/string_kernel_utf8.h"

namespace sluice::runtime::builtins {
namespace {

using CompiledRegex = std::shared_ptr<const re2::RE2>;

CompiledRegex compile(std::string_view pattern) {
  re2::RE2::Options options;
  options.set_log_errors(false);
  return std::make_shared<const re2::RE2>(re2::StringPiece(pattern.data(), pattern.size()),
                                          options);
}

// Hashes std::string keys and std::string_view probes alike, so a lookup copies nothing.
struct PatternHash {
  using is_transparent = void;
  size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

// The call site's regex when the pattern is constant, else the row's from the cache; nullptr
// when the pattern does not compile.
const re2::RE2* regexFor(FunctionCall& call, StringRef pattern) {
  if (call.site->state.has_value()) return call.state<CompiledRegex>().get();
  thread_local std::unordered_map<std::string, CompiledRegex, PatternHash, std::equal_to<>> cache;
  constexpr size_t kCacheLimit = 64;
  auto found = cache.find(pattern.view());
  if (found == cache.end()) {
    if (cache.size() >= kCacheLimit) cache.clear();
    found = cache.emplace(std::string(pattern.view()), compile(pattern.view())).first;
  }
  return found->second->ok() ? found->second.get() : nullptr;
}

std::string bindPattern(CallSite& site) {
  if (site.constants.size() < 2 || !site.constants[1] || site.constants[1]->isNull) return {};
  const std::string& pattern = site.constants[1]->bytes;
  CompiledRegex regex = compile(pattern);
  if (!regex->ok()) {
    return site.function + ": invalid regular expression '" + pattern + "': " + regex->error();
  }
  site.state = std::move(regex);
  return {};
}

ScalarKernel withPatternBinding(ScalarKernel kernel) {
  kernel.bind = &bindPattern;
  return kernel;
}

struct Match {
  size_t begin = 0;
  size_t end = 0;
};

// Calls onMatch(Match) for each match in the order Java's Matcher.find() loop finds them: the
// next search starts where the last match ended, one character later after an empty match.
// During the call, groups[0] is the match and groups[1..groupCount) its first groups (a group
// that did not take part has a null data()). onMatch returns false to stop.
template <typename OnMatch>
void forEachMatch(const re2::RE2& regex, std::string_view text, re2::StringPiece* groups,
                  int groupCount, OnMatch&& onMatch) {
  const re2::StringPiece input(text.data(), text.size());
  size_t from = 0;
  while (from <= text.size() &&
         regex.Match(input, from, text.size(), re2::RE2::UNANCHORED, groups, groupCount)) {
    const re2::StringPiece& found = groups[0];
    const Match match{static_cast<size_t>(found.data() - text.data()),
                      static_cast<size_t>(found.data() - text.data()) + found.size()};
    if (!onMatch(match)) return;
    from = match.end > match.begin   ? match.end
           : match.end < text.size() ? utf8::next(text, match.end)
                                     : text.size() + 1;
  }
}

template <typename OnMatch>
void forEachMatch(const re2::RE2& regex, std::string_view text, OnMatch&& onMatch) {
  re2::StringPiece found;
  forEachMatch(regex, text, &found, 1, onMatch);
}

// REGEXP(s, regex): whether any substring of s matches; FALSE for an empty or invalid regex.
bool regexpFind(FunctionCall& call, StringRef text, StringRef pattern) {
  if (pattern.size() == 0) return false;
  const re2::RE2* regex = regexFor(call, pattern);
  if (regex == nullptr) return false;
  return re2::RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *regex);
}

StringRef nullString(FunctionCall& call) {
  call.setNull();
  return {};
}

// REGEXP_EXTRACT(s, regex [, group]): group `group` (0, the whole match, by default) of the first
// match; NULL without a match, for a group out of range or one that did not participate.
StringRef extractGroup(FunctionCall& call, StringRef text, StringRef pattern, int64_t group) {
  const re2::RE2* regex = regexFor(call, pattern);
  if (regex == nullptr || group < 0 || group > regex->NumberOfCapturingGroups()) {
    return nullString(call);
  }
  // Room for the usual few groups on the stack; more only for patterns that have them.
  const auto count = static_cast<size_t>(group) + 1;
  re2::StringPiece fewGroups[8];
  std::vector<re2::StringPiece> manyGroups(count > std::size(fewGroups) ? count : 0);
  re2::StringPiece* groups = manyGroups.empty() ? fewGroups : manyGroups.data();
  const re2::StringPiece input(text.data(), text.size());
  if (!regex->Match(input, 0, text.size(), re2::RE2::UNANCHORED, groups, static_cast<int>(count)) ||
      groups[group].data() == nullptr) {
    return nullString(call);
  }
  return resultString(call, std::string_view(groups[group].data(), groups[group].size()));
}

StringRef regexpExtract(FunctionCall& call, StringRef text, StringRef pattern) {
  return extractGroup(call, text, pattern, 0);
}

template <typename Group>
StringRef regexpExtractGroup(FunctionCall& call, StringRef text, StringRef pattern, Group group) {
  return extractGroup(call, text, pattern, toInt32(group));
}

// REGEXP_REPLACE(s, regex, replacement): every match replaced by `replacement` taken literally
// (Flink quotes it, so '$1' is not a group reference); NULL for an invalid regex.
StringRef regexpReplace(FunctionCall& call, StringRef text, StringRef pattern,
                        StringRef replacement) {
  const re2::RE2* regex = regexFor(call, pattern);
  if (regex == nullptr) return nullString(call);
  const std::string_view in = text.view();
  std::string out;
  size_t copied = 0;
  forEachMatch(*regex, in, [&](const Match& match) {
    out.append(in.substr(copied, match.begin - copied));
    out.append(replacement.view());
    copied = match.end;
    return true;
  });
  out.append(in.substr(copied));
  return resultString(call, out);
}

// REGEXP_COUNT(s, regex): how many matches the find loop sees; NULL for an invalid regex.
int32_t regexpCount(FunctionCall& call, StringRef text, StringRef pattern) {
  const re2::RE2* regex = regexFor(call, pattern);
  if (regex == nullptr) {
    call.setNull();
    return 0;
  }
  int32_t count = 0;
  forEachMatch(*regex, text.view(), [&](const Match&) { return ++count > 0; });
  return count;
}

// REGEXP_INSTR(s, regex): the 1-based character position of the first match, 0 without one.
int32_t regexpInstr(FunctionCall& call, StringRef text, StringRef pattern) {
  const re2::RE2* regex = regexFor(call, pattern);
  if (regex == nullptr) {
    call.setNull();
    return 0;
  }
  int32_t position = 0;
  const std::string_view in = text.view();
  forEachMatch(*regex, in, [&](const Match& match) {
    position = static_cast<int32_t>(utf8::length(in.substr(0, match.begin)) + 1);
    return false;
  });
  return position;
}

// REGEXP_SUBSTR(s, regex): the first match; NULL without one or for an invalid regex.
StringRef regexpSubstr(FunctionCall& call, StringRef text, StringRef pattern) {
  return extractGroup(call, text, pattern, 0);
}

// REGEXP_EXTRACT_ALL(s, regex [, group]): group `group` (1, the first, by default; 0 is the whole
// match) of every match, in order; an empty array without a match, a NULL element where the group
// did not take part. NULL for an invalid regex or a group out of range, as REGEXP_EXTRACT.
void regexpExtractAll(FunctionCall& call, const Vector* const* arguments, int argumentCount,
                      const int32_t* rows, int rowCount, Vector& out) {
  std::vector<re2::StringPiece> groups;
  std::vector<re2::StringPiece> found;
  for (int k = 0; k < rowCount; ++k) {
    const int32_t row = rows[k];
    const re2::RE2* regex = regexFor(call, stringAt(*arguments[1], row));
    const int64_t group = argumentCount > 2 ? integerAt(*arguments[2], row) : 1;
    if (regex == nullptr || group < 0 || group > regex->NumberOfCapturingGroups()) {
      setNullValue(out, row);
      continue;
    }
    groups.resize(static_cast<size_t>(group) + 1);
    found.clear();
    forEachMatch(*regex, stringAt(*arguments[0], row).view(), groups.data(),
                 static_cast<int>(groups.size()), [&](const Match&) {
                   found.push_back(groups[group]);
                   return true;
                 });
    const int first = appendCollection(out, row, static_cast<int>(found.size()));
    Vector& elements = out.children()[0];
    for (size_t i = 0; i < found.size(); ++i) {
      const int at = first + static_cast<int>(i);
      if (found[i].data() == nullptr) {
        elements.setNull(at, true);
        continue;
      }
      elements.setNull(at, false);
      elements.values<StringRef>()[at] =
          resultString(call, std::string_view(found[i].data(), found[i].size()));
    }
  }
}

}  // namespace

void registerRegex(ScalarFunctionRegistry& registry) {
  const Accepts strings = Accepts::strings();
  const Accepts integer = Accepts::kind(TypeKind::Int);
  const auto add = [&](ScalarKernel kernel, bool mayReturnNull = true) {
    kernel.mayReturnNull = mayReturnNull;
    registry.add(withPatternBinding(std::move(kernel)));
  };
  add(scalarKernel<&regexpFind>("REGEXP", {strings, strings}, Accepts::kind(TypeKind::Boolean)),
      false);
  add(scalarKernel<&regexpExtract>("REGEXP_EXTRACT", {strings, strings}, strings));
  forEachIntegerType([&](auto type) {
    using Group = typename decltype(type)::type;
    add(scalarKernel<&regexpExtractGroup<Group>>("REGEXP_EXTRACT",
                                                 {strings, strings, Accepts::integers()}, strings));
  });
  add(scalarKernel<&regexpReplace>("REGEXP_REPLACE", {strings, strings, strings}, strings));
  add(scalarKernel<&regexpCount>("REGEXP_COUNT", {strings, strings}, integer));
  add(scalarKernel<&regexpInstr>("REGEXP_INSTR", {strings, strings}, integer));
  add(scalarKernel<&regexpSubstr>("REGEXP_SUBSTR", {strings, strings}, strings));
  // Nested kernels (interpreter only): the result is an ARRAY<STRING>.
  add(nestedKernel("REGEXP_EXTRACT_ALL", {strings, strings}, Accepts::arrays(), &regexpExtractAll));
  add(nestedKernel("REGEXP_EXTRACT_ALL", {strings, strings, Accepts::integers()}, Accepts::arrays(),
                   &regexpExtractAll));
}

}  // namespace sluice::runtime::builtins
