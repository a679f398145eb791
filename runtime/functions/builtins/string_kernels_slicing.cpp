// SUBSTRING/SUBSTR, LEFT, RIGHT, LPAD, RPAD and OVERLAY, all counting characters.
#include <limits>
#include <optional>

#include "runtime/functions/builtins/string_kernel_utf8.h"

namespace sluice::runtime::builtins {
namespace {

// Flink's substringSQL: 1-based `position`; 0 means 1; a negative position counts from the end
// (-1 is the last character); a position outside the string gives ''; a negative length gives
// NULL (nullopt).
std::optional<std::string_view> substringSql(std::string_view text, int32_t position,
                                             int32_t length) {
  if (length < 0) return std::nullopt;
  if (text.empty()) return text;
  const int64_t count = utf8::length(text);
  int64_t start = 0;
  if (position > 0) {
    start = position - 1;
    if (start >= count) return std::string_view{};
  } else if (position < 0) {
    start = count + position;
    if (start < 0) return std::string_view{};
  }
  const int64_t end = (count - start) < length ? count : start + length;
  const size_t from = utf8::offsetOf(text, start);
  const size_t to = from + utf8::offsetOf(text.substr(from), end - start);
  return text.substr(from, to - from);
}

StringRef substringResult(FunctionCall& call, std::optional<std::string_view> piece) {
  if (!piece) {
    call.setNull();
    return {};
  }
  return resultString(call, *piece);
}

template <typename Start>
StringRef substringFrom(FunctionCall& call, StringRef text, Start start) {
  return substringResult(
      call, substringSql(text.view(), toInt32(start), std::numeric_limits<int32_t>::max()));
}

template <typename Start, typename Length>
StringRef substring(FunctionCall& call, StringRef text, Start start, Length length) {
  return substringResult(call, substringSql(text.view(), toInt32(start), toInt32(length)));
}

// LEFT(s, n): the first n characters; '' for n <= 0.
template <typename Count>
StringRef left(FunctionCall& call, StringRef text, Count count) {
  if (count <= 0) return {};
  return substringResult(call, substringSql(text.view(), 1, toInt32(count)));
}

// RIGHT(s, n): the last n characters; '' for n <= 0.
template <typename Count>
StringRef right(FunctionCall& call, StringRef text, Count count) {
  if (count <= 0) return {};
  const std::string_view in = text.view();
  const int64_t length = utf8::length(in);
  if (count >= length) return resultString(call, in);
  return resultString(call, in.substr(utf8::offsetOf(in, length - count)));
}

// Appends the first `count` characters of `pad` repeated cyclically.
void appendPadding(std::string& out, std::string_view pad, int64_t count) {
  size_t at = 0;
  for (int64_t i = 0; i < count; ++i) {
    if (at >= pad.size()) at = 0;
    const size_t next = utf8::next(pad, at);
    out.append(pad.substr(at, next - at));
    at = next;
  }
}

// LPAD/RPAD(s, len, pad): s padded on the left/right with `pad` repeated to `len` characters,
// or cut to its first `len` characters when longer (LPAD('hi', 1, '??') is 'h'). NULL when len
// is negative or pad is empty.
template <bool PadLeft, typename Length>
StringRef pad(FunctionCall& call, StringRef text, Length length, StringRef padding) {
  if (length < 0 || padding.size() == 0) {
    call.setNull();
    return {};
  }
  if (length == 0) return {};
  const int64_t target = toInt32(length);
  const std::string_view in = text.view();
  const int64_t count = utf8::length(in);
  const int64_t padCount = std::max<int64_t>(target - count, 0);
  // Bound the result before building it: a pad character is at most 4 bytes.
  if (padCount * 4 + static_cast<int64_t>(in.size()) > INT32_MAX) {
    call.fail("result of " + call.site->function + " is too large");
    return {};
  }
  const std::string_view kept = in.substr(0, utf8::offsetOf(in, std::min(count, target)));
  std::string out;
  out.reserve(kept.size() + static_cast<size_t>(padCount));
  if (!PadLeft) out.append(kept);
  appendPadding(out, padding.view(), padCount);
  if (PadLeft) out.append(kept);
  return resultString(call, out);
}

// OVERLAY(s PLACING r FROM start [FOR length]), as Flink: s unchanged when start is outside
// 1..CHAR_LENGTH(s); otherwise r replaces `length` characters (CHAR_LENGTH(r) by default) from
// start. Flink keeps the rest of s only when length > 0 and start + length <= CHAR_LENGTH(s).
std::string overlayText(std::string_view text, std::string_view replacement, int64_t start,
                        int64_t length) {
  const int64_t count = utf8::length(text);
  if (start <= 0 || start > count) return std::string(text);
  std::string out(text.substr(0, utf8::offsetOf(text, start - 1)));
  out.append(replacement);
  if (start + length <= count && length > 0) {
    out.append(text.substr(utf8::offsetOf(text, start - 1 + length)));
  }
  return out;
}

template <typename Start>
StringRef overlay(FunctionCall& call, StringRef text, StringRef replacement, Start start) {
  return resultString(
      call, overlayText(text.view(), replacement.view(), start, utf8::length(replacement.view())));
}

template <typename Start, typename Length>
StringRef overlayFor(FunctionCall& call, StringRef text, StringRef replacement, Start start,
                     Length length) {
  return resultString(call, overlayText(text.view(), replacement.view(), start, length));
}

}  // namespace

void registerStringSlicing(ScalarFunctionRegistry& registry) {
  const Accepts strings = Accepts::strings();
  const Accepts integers = Accepts::integers();
  forEachIntegerType([&](auto first) {
    using First = typename decltype(first)::type;
    for (const char* name : {"SUBSTRING", "SUBSTR"}) {
      registry.add(
          returningNull(scalarKernel<&substringFrom<First>>(name, {strings, integers}, strings)));
    }
    registry.add(scalarKernel<&left<First>>("LEFT", {strings, integers}, strings));
    registry.add(scalarKernel<&right<First>>("RIGHT", {strings, integers}, strings));
    registry.add(returningNull(
        scalarKernel<&pad<true, First>>("LPAD", {strings, integers, strings}, strings)));
    registry.add(returningNull(
        scalarKernel<&pad<false, First>>("RPAD", {strings, integers, strings}, strings)));
    registry.add(scalarKernel<&overlay<First>>("OVERLAY", {strings, strings, integers}, strings));
    forEachIntegerType([&](auto second) {
      using Second = typename decltype(second)::type;
      for (const char* name : {"SUBSTRING", "SUBSTR"}) {
        registry.add(returningNull(
            scalarKernel<&substring<First, Second>>(name, {strings, integers, integers}, strings)));
      }
      registry.add(scalarKernel<&overlayFor<First, Second>>(
          "OVERLAY", {strings, strings, integers, integers}, strings));
    });
  });
}

}  // namespace sluice::runtime::builtins
