// String functions whose results are collections (nested kernels, interpreter only):
//  - SPLIT(string, delimiter): the pieces between occurrences of `delimiter` (empty pieces
//    included); the whole string when it does not occur; every character (code point) when it
//    is empty; an empty string has no pieces;
//  - STR_TO_MAP(text[, listDelimiter, keyValueDelimiter]): `text` cut at each `listDelimiter`
//    (default ','), each piece cut at its first `keyValueDelimiter` (default '=') into key and
//    value; a piece without one is a key with a NULL value; an empty text is an empty map. The
//    delimiters are literal strings, as Flink's (commons-lang splitByWholeSeparator); an empty
//    delimiter cuts at each whitespace character, as there. A repeated key keeps its first
//    position and its last value.
// Any NULL argument gives NULL.
#include <string_view>
#include <vector>

#include "runtime/functions/builtins/builtin_library.h"
#include "runtime/functions/builtins/nested_elements.h"
#include "runtime/functions/builtins/string_kernel_utf8.h"

namespace sluice::runtime::builtins {
namespace {

// Java's Character.isWhitespace for ASCII.
bool isWhitespace(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
}

// The pieces of `text` between occurrences of `delimiter` (at each whitespace character when
// the delimiter is empty), empty pieces included.
void cutAt(std::string_view text, std::string_view delimiter, std::vector<std::string_view>& out) {
  out.clear();
  size_t start = 0;
  if (delimiter.empty()) {
    for (size_t i = 0; i < text.size(); ++i) {
      if (!isWhitespace(text[i])) continue;
      out.push_back(text.substr(start, i - start));
      start = i + 1;
    }
    out.push_back(text.substr(start));
    return;
  }
  for (size_t at = text.find(delimiter); at != std::string_view::npos;
       at = text.find(delimiter, start)) {
    out.push_back(text.substr(start, at - start));
    start = at + delimiter.size();
  }
  out.push_back(text.substr(start));
}

void writeStrings(FunctionCall& call, Vector& out, int row,
                  const std::vector<std::string_view>& pieces) {
  const int first = appendCollection(out, row, static_cast<int>(pieces.size()));
  Vector& elements = out.children()[0];
  for (size_t i = 0; i < pieces.size(); ++i) {
    const int at = first + static_cast<int>(i);
    elements.setNull(at, false);
    elements.values<StringRef>()[at] = resultString(call, pieces[i]);
  }
}

void split(FunctionCall& call, const Vector* const* arguments, int, const int32_t* rows,
           int rowCount, Vector& out) {
  std::vector<std::string_view> pieces;
  for (int k = 0; k < rowCount; ++k) {
    const int32_t row = rows[k];
    const std::string_view text = stringAt(*arguments[0], row).view();
    const std::string_view delimiter = stringAt(*arguments[1], row).view();
    pieces.clear();
    if (!delimiter.empty() && !text.empty()) {
      cutAt(text, delimiter, pieces);
    } else {
      // Every character: none for an empty string, whatever the delimiter.
      for (size_t at = 0; at < text.size(); at = utf8::next(text, at)) {
        pieces.push_back(text.substr(at, utf8::next(text, at) - at));
      }
    }
    writeStrings(call, out, row, pieces);
  }
}

void strToMap(FunctionCall& call, const Vector* const* arguments, int argumentCount,
              const int32_t* rows, int rowCount, Vector& out) {
  std::vector<std::string_view> entries;
  std::vector<std::string_view> keys;
  std::vector<std::string_view> values;
  std::vector<bool> hasValue;
  for (int k = 0; k < rowCount; ++k) {
    const int32_t row = rows[k];
    const std::string_view text = stringAt(*arguments[0], row).view();
    const std::string_view list = argumentCount > 1 ? stringAt(*arguments[1], row).view() : ",";
    const std::string_view pair = argumentCount > 1 ? stringAt(*arguments[2], row).view() : "=";
    keys.clear();
    values.clear();
    hasValue.clear();
    entries.clear();
    if (!text.empty()) cutAt(text, list, entries);
    for (const std::string_view entry : entries) {
      size_t at = std::string_view::npos;
      size_t width = pair.size();
      if (pair.empty()) {
        for (size_t i = 0; i < entry.size() && at == std::string_view::npos; ++i) {
          if (isWhitespace(entry[i])) at = i;
        }
        width = 1;
      } else {
        at = entry.find(pair);
      }
      const std::string_view key = at == std::string_view::npos ? entry : entry.substr(0, at);
      size_t same = 0;
      while (same < keys.size() && keys[same] != key) ++same;
      if (same == keys.size()) {
        keys.push_back(key);
        values.emplace_back();
        hasValue.push_back(false);
      }
      hasValue[same] = at != std::string_view::npos;
      values[same] = hasValue[same] ? entry.substr(at + width) : std::string_view();
    }
    const int first = appendCollection(out, row, static_cast<int>(keys.size()));
    Vector& keyVector = out.children()[0];
    Vector& valueVector = out.children()[1];
    for (size_t i = 0; i < keys.size(); ++i) {
      const int at = first + static_cast<int>(i);
      keyVector.setNull(at, false);
      keyVector.values<StringRef>()[at] = resultString(call, keys[i]);
      valueVector.setNull(at, !hasValue[i]);
      valueVector.values<StringRef>()[at] = resultString(call, values[i]);
    }
  }
}

}  // namespace

void registerStringSplitting(ScalarFunctionRegistry& registry) {
  const Accepts strings = Accepts::strings();
  registry.add(nestedKernel("SPLIT", {strings, strings}, Accepts::arrays(), &split));
  registry.add(nestedKernel("STR_TO_MAP", {strings}, Accepts::maps(), &strToMap));
  registry.add(nestedKernel("STR_TO_MAP", {strings, strings, strings}, Accepts::maps(), &strToMap));
}

}  // namespace sluice::runtime::builtins
