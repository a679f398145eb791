// PRINTF(format, obj...) as Flink's PrintfFunction (java.util.Formatter, Locale.US) when every
// obj is a string: the only arguments a kernel can take here, since a variadic kernel's arguments
// share one storage type (numbers and other types have no kernel). Format specifiers are
// %[index$ or <][flags][width][.precision]conversion; strings take the conversions s/S (the
// value, "null" for NULL; S upper-cases ASCII letters), b/B ("true", or "false" for NULL) and
// h/H (the hex String.hashCode, "null" for NULL), the '-' flag, a width and a precision; %% and
// %n stand alone. NULL for a NULL format and wherever Java throws (an unknown or mismatched
// conversion or flag, a missing argument, a '-' flag without a width).
#include <algorithm>
#include <optional>
#include <string>

#include "runtime/functions/builtins/string_kernel_utf8.h"

namespace sluice::runtime::builtins {
namespace {

// Java's String.hashCode over UTF-16 code units.
uint32_t javaHashCode(std::string_view text) {
  uint32_t hash = 0;
  for (size_t at = 0; at < text.size(); at = utf8::next(text, at)) {
    const char32_t cp = utf8::decode(text, at);
    if (cp >= 0x10000) {
      hash = hash * 31 + static_cast<uint32_t>(0xD800 + ((cp - 0x10000) >> 10));
      hash = hash * 31 + static_cast<uint32_t>(0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
      hash = hash * 31 + static_cast<uint32_t>(cp);
    }
  }
  return hash;
}

std::string hexOf(uint32_t value) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  do {
    out.insert(out.begin(), kHex[value & 0xF]);
    value >>= 4;
  } while (value != 0);
  return out;
}

bool readNumber(std::string_view format, size_t& at, int64_t& number) {
  const size_t start = at;
  number = 0;
  while (at < format.size() && format[at] >= '0' && format[at] <= '9') {
    number = std::min<int64_t>(number * 10 + (format[at++] - '0'), INT32_MAX);
  }
  return at > start;
}

// One format specifier: %[index$ or <][-][width][.precision]conversion.
struct Specifier {
  enum class Argument : uint8_t { Next, Indexed, Previous };
  Argument argument = Argument::Next;
  int32_t index = 0;  // Indexed: 1-based
  bool leftJustify = false;
  int64_t width = -1;
  int64_t precision = -1;
  char conversion = 0;
};

// Reads the specifier after a '%' at `at`; nullopt for one Java rejects for string arguments.
std::optional<Specifier> readSpecifier(std::string_view format, size_t& at) {
  Specifier specifier;
  int64_t number = 0;
  if (at < format.size() && format[at] == '<') {
    specifier.argument = Specifier::Argument::Previous;
    ++at;
  } else if (const size_t start = at;
             readNumber(format, at, number) && at < format.size() && format[at] == '$') {
    if (number == 0) return std::nullopt;
    specifier.argument = Specifier::Argument::Indexed;
    specifier.index = static_cast<int32_t>(number);
    ++at;
  } else {
    at = start;  // digits that are a width (or a '0' flag)
  }
  for (;
       at < format.size() && std::string_view("-#+ 0,(").find(format[at]) != std::string_view::npos;
       ++at) {
    if (format[at] != '-') return std::nullopt;  // no other flag applies to strings
    specifier.leftJustify = true;
  }
  if (readNumber(format, at, number)) specifier.width = number;
  if (at < format.size() && format[at] == '.') {
    ++at;
    if (!readNumber(format, at, specifier.precision)) return std::nullopt;
  }
  if (at >= format.size()) return std::nullopt;
  specifier.conversion = format[at++];
  if (specifier.leftJustify && specifier.width < 0) return std::nullopt;
  return specifier;
}

// The text of conversion s/S, b/B or h/H of a string (or of NULL); nullopt for other conversions.
std::optional<std::string> convert(const Specifier& specifier, bool present,
                                   std::string_view value) {
  std::string text;
  switch (specifier.conversion) {
    case 's':
    case 'S': text = present ? std::string(value) : "null"; break;
    case 'b':
    case 'B': text = present ? "true" : "false"; break;
    case 'h':
    case 'H': text = present ? hexOf(javaHashCode(value)) : "null"; break;
    default: return std::nullopt;
  }
  if (specifier.precision >= 0) text.resize(utf8::offsetOf(text, specifier.precision));
  if (specifier.conversion >= 'A' && specifier.conversion <= 'Z') {
    for (char& c : text) {
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
  }
  return text;
}

void appendPadded(std::string& out, std::string_view text, const Specifier& specifier) {
  const auto length = static_cast<int64_t>(utf8::length(text));
  const size_t padding =
      specifier.width > length ? static_cast<size_t>(specifier.width - length) : 0;
  if (!specifier.leftJustify) out.append(padding, ' ');
  out += text;
  if (specifier.leftJustify) out.append(padding, ' ');
}

// Formats with the arguments values[1..count); nullopt where java.util.Formatter throws.
std::optional<std::string> formatStrings(const StringRef* values, const uint8_t* valid,
                                         int32_t count) {
  const std::string_view pattern = values[0].view();
  std::string out;
  int32_t ordinary = 0;  // the last argument taken in order
  int32_t previous = 0;  // the argument of the last specifier, for '<'
  for (size_t at = 0; at < pattern.size();) {
    if (pattern[at] != '%') {
      out += pattern[at++];
      continue;
    }
    ++at;
    const std::optional<Specifier> specifier = readSpecifier(pattern, at);
    if (!specifier) return std::nullopt;
    if (specifier->conversion == 'n') {
      if (specifier->width >= 0 || specifier->precision >= 0) return std::nullopt;
      out += '\n';
      continue;
    }
    if (specifier->conversion == '%') {
      if (specifier->precision >= 0) return std::nullopt;
      appendPadded(out, "%", *specifier);
      continue;
    }
    int32_t argument = previous;
    if (specifier->argument == Specifier::Argument::Next) argument = ++ordinary;
    if (specifier->argument == Specifier::Argument::Indexed) argument = specifier->index;
    if (argument <= 0 || argument >= count) return std::nullopt;
    previous = argument;
    const std::optional<std::string> text =
        convert(*specifier, valid[argument] != 0, values[argument].view());
    if (!text) return std::nullopt;
    appendPadded(out, *text, *specifier);
  }
  return out;
}

StringRef formatted(FunctionCall& call, const StringRef* values, const uint8_t* valid,
                    int32_t count) {
  const std::optional<std::string> text =
      count > 0 && valid[0] ? formatStrings(values, valid, count) : std::nullopt;
  if (!text) {
    call.setNull();
    return {};
  }
  return resultString(call, *text);
}

}  // namespace

void registerStringPrintf(ScalarFunctionRegistry& registry) {
  registry.add(variadicKernel<&formatted>("PRINTF", Accepts::strings(), Accepts::strings()));
}

}  // namespace sluice::runtime::builtins
