// TRANSLATE(expr, fromStr, toStr) as Flink's TranslateFunction: every character of expr found in
// fromStr is replaced by the character at the same position in toStr, or removed when toStr is
// shorter; a character repeated in fromStr keeps its first mapping. NULL only for a NULL expr: a
// NULL or empty fromStr leaves expr as it is, a NULL toStr removes every character of fromStr.
// Variadic (the binder passes three strings) to see those NULLs.
#include <string>
#include <vector>

#include "runtime/functions/builtins/string_kernel_utf8.h"

namespace sluice::runtime::builtins {
namespace {

StringRef translate(FunctionCall& call, const StringRef* values, const uint8_t* valid,
                    int32_t count) {
  if (count != 3 || !valid[0]) {
    call.setNull();
    return {};
  }
  const std::string_view text = values[0].view();
  if (!valid[1] || values[1].size() == 0 || text.empty()) return values[0];
  const std::string_view from = values[1].view();
  const std::string_view to = valid[2] ? values[2].view() : std::string_view();

  // The replacement of each character of fromStr (its UTF-8 bytes, possibly none).
  std::vector<char32_t> sources;
  std::vector<std::string_view> targets;
  size_t toAt = 0;
  for (size_t at = 0; at < from.size(); at = utf8::next(from, at)) {
    std::string_view target;
    if (toAt < to.size()) {
      const size_t next = utf8::next(to, toAt);
      target = to.substr(toAt, next - toAt);
      toAt = next;
    }
    sources.push_back(utf8::decode(from, at));
    targets.push_back(target);
  }

  std::string out;
  out.reserve(text.size());
  for (size_t at = 0; at < text.size();) {
    const size_t next = utf8::next(text, at);
    const char32_t cp = utf8::decode(text, at);
    size_t found = 0;
    while (found < sources.size() && sources[found] != cp) ++found;
    out += found < sources.size() ? targets[found] : text.substr(at, next - at);
    at = next;
  }
  return resultString(call, out);
}

}  // namespace

void registerStringTranslate(ScalarFunctionRegistry& registry) {
  registry.add(variadicKernel<&translate>("TRANSLATE", Accepts::strings(), Accepts::strings()));
}

}  // namespace sluice::runtime::builtins
