#include "compiler/types/option_values.h"

#include <cctype>
#include <charconv>
#include <limits>
#include <vector>

namespace sluice {
namespace {

struct Unit {
  std::vector<std::string> names;
  int64_t scale;  // of the unit, in the smallest unit the caller parses
};

std::string trimmed(const std::string& text) {
  size_t begin = 0;
  size_t end = text.size();
  while (begin < end && std::isspace(static_cast<unsigned char>(text[begin]))) ++begin;
  while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
  return text.substr(begin, end - begin);
}

// A whole number followed by an optional unit, case-insensitively, in the units' scale; nullopt
// when it overflows.
std::optional<int64_t> parseQuantity(const std::string& text, const std::vector<Unit>& units) {
  const std::string value = trimmed(text);
  size_t digits = 0;
  while (digits < value.size() && std::isdigit(static_cast<unsigned char>(value[digits]))) {
    ++digits;
  }
  int64_t amount = 0;
  auto [end, error] = std::from_chars(value.data(), value.data() + digits, amount);
  if (digits == 0 || error != std::errc()) return std::nullopt;
  std::string unit = trimmed(value.substr(digits));
  for (char& c : unit) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const Unit& candidate : units) {
    for (const std::string& name : candidate.names) {
      if (name != unit) continue;
      if (amount > std::numeric_limits<int64_t>::max() / candidate.scale) return std::nullopt;
      return amount * candidate.scale;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<int64_t> parseDurationMicros(const std::string& text) {
  static const std::vector<Unit> kNanos = {
      {{"ns", "nano", "nanos", "nanosecond", "nanoseconds"}, 1},
      {{"us", "\xc2\xb5s", "micro", "micros", "microsecond", "microseconds"}, 1'000},
      {{"", "ms", "milli", "millis", "millisecond", "milliseconds"}, 1'000'000},
      {{"s", "sec", "secs", "second", "seconds"}, 1'000'000'000},
      {{"m", "min", "mins", "minute", "minutes"}, 60'000'000'000},
      {{"h", "hour", "hours"}, 3'600'000'000'000},
      {{"d", "day", "days"}, 86'400'000'000'000}};
  const auto nanos = parseQuantity(text, kNanos);
  if (!nanos) return std::nullopt;
  return *nanos / 1'000;
}

std::optional<int64_t> parseMemoryBytes(const std::string& text) {
  static const std::vector<Unit> kUnits = {{{"", "b", "bytes"}, 1},
                                           {{"k", "kb", "kibibytes"}, 1LL << 10},
                                           {{"m", "mb", "mebibytes"}, 1LL << 20},
                                           {{"g", "gb", "gibibytes"}, 1LL << 30},
                                           {{"t", "tb", "tebibytes"}, 1LL << 40}};
  return parseQuantity(text, kUnits);
}

}  // namespace sluice
