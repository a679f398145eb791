// CONV(number, fromBase, toBase) of the Blink dialect: `number` (a string of digits in fromBase,
// or an integer read as its decimal text) re-written in toBase, through a 64-bit value as Hive's
// UDFConv does. fromBase is 2..36; toBase is 2..36 (the value is unsigned, so '-1' is
// 'FFFFFFFFFFFFFFFF' in base 16) or -36..-2 (signed: 'FFFFFFFFFFFFFFFF' from 16 to -10 is '-1').
// Digits above 9 are letters, upper-case in the result. As Blink documents, a NULL argument, an
// empty number or a character that is not a digit of fromBase gives NULL, and so do a base out of
// range and (unlike Hive, which saturates) a number beyond 64 bits.
#include <optional>
#include <string>

#include "runtime/functions/builtins/arithmetic_families.h"
#include "runtime/functions/builtins/string_kernel_utf8.h"

namespace sluice::runtime::builtins {
namespace {

int digitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

std::optional<std::string> convert(std::string_view number, int64_t fromBase, int64_t toBase) {
  if (fromBase < 2 || fromBase > 36 || toBase < -36 || toBase > 36 || (toBase > -2 && toBase < 2)) {
    return std::nullopt;
  }
  bool negative = !number.empty() && number[0] == '-';
  const std::string_view digits = number.substr(negative ? 1 : 0);
  if (digits.empty()) return std::nullopt;
  const auto radix = static_cast<uint64_t>(fromBase);
  uint64_t value = 0;
  for (const char c : digits) {
    const int digit = digitValue(c);
    if (digit >= fromBase) return std::nullopt;
    if (value > (UINT64_MAX - static_cast<uint64_t>(digit)) / radix) return std::nullopt;
    value = value * radix + static_cast<uint64_t>(digit);
  }
  // A negative number is its two's complement for an unsigned result ('-x' with x >= 2^63 has
  // none: Hive makes it all ones), and a signed result prints its magnitude after a '-'.
  if (negative && toBase > 0) {
    value = static_cast<int64_t>(value) < 0 ? UINT64_MAX : 0 - value;
  }
  if (toBase < 0 && static_cast<int64_t>(value) < 0) {
    value = 0 - value;
    negative = true;
  }
  const auto outRadix = static_cast<uint64_t>(toBase < 0 ? -toBase : toBase);
  constexpr char kDigits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  char text[65];
  int start = 65;
  do {
    text[--start] = kDigits[value % outRadix];
    value /= outRadix;
  } while (value != 0);
  if (negative && toBase < 0) text[--start] = '-';
  return std::string(text + start, 65 - start);
}

StringRef converted(FunctionCall& call, std::string_view number, int64_t fromBase, int64_t toBase) {
  const std::optional<std::string> text = convert(number, fromBase, toBase);
  if (!text) {
    call.setNull();
    return {};
  }
  return resultString(call, *text);
}

template <typename Base>
StringRef convString(FunctionCall& call, StringRef number, Base fromBase, Base toBase) {
  return converted(call, number.view(), fromBase, toBase);
}

template <typename Integer, typename Base>
StringRef convInteger(FunctionCall& call, Integer number, Base fromBase, Base toBase) {
  return converted(call, std::to_string(static_cast<int64_t>(number)), fromBase, toBase);
}

}  // namespace

// Both bases take one integer type (literals are INT): 20 kernels rather than 80.
void registerBaseConversion(ScalarFunctionRegistry& registry) {
  forEachIntegerFamily([&registry]<typename Base>(Base) {
    using B = typename Base::Type;
    const Accepts base = Accepts::kind(Base::kind);
    registry.add(returningNull(scalarKernel<&convString<B>>(
        "CONV", {Accepts::strings(), base, base}, Accepts::strings())));
    forEachIntegerFamily([&registry, &base]<typename Number>(Number) {
      registry.add(returningNull(scalarKernel<&convInteger<typename Number::Type, B>>(
          "CONV", {Accepts::kind(Number::kind), base, base}, Accepts::strings())));
    });
  });
}

}  // namespace sluice::runtime::builtins
