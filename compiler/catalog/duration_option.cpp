#include "compiler/catalog/duration_option.h"

#include <cctype>
#include <charconv>
#include <limits>
#include <vector>

namespace sluice {
namespace {

struct Unit {
  std::vector<std::string> names;
  int64_t nanos;
};

std::string trimmed(const std::string& text) {
  size_t begin = 0;
  size_t end = text.size();
  while (begin < end && std::isspace(static_cast<unsigned char>(text[begin]))) ++begin;
  while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
  return text.substr(begin, end - begin);
}

}  // namespace

std::optional<int64_t> parseDurationMillis(const std::string& text) {
  static const std::vector<Unit> kUnits = {
      {{"ns", "nano", "nanos", "nanosecond", "nanoseconds"}, 1},
      {{"us", "\xc2\xb5s", "micro", "micros", "microsecond", "microseconds"}, 1'000},
      {{"", "ms", "milli", "millis", "millisecond", "milliseconds"}, 1'000'000},
      {{"s", "sec", "secs", "second", "seconds"}, 1'000'000'000},
      {{"m", "min", "mins", "minute", "minutes"}, 60'000'000'000},
      {{"h", "hour", "hours"}, 3'600'000'000'000},
      {{"d", "day", "days"}, 86'400'000'000'000}};
  const std::string value = trimmed(text);
  size_t digits = 0;
  while (digits < value.size() && std::isdigit(static_cast<unsigned char>(value[digits]))) ++digits;
  int64_t amount = 0;
  auto [end, error] = std::from_chars(value.data(), value.data() + digits, amount);
  if (digits == 0 || error != std::errc()) return std::nullopt;
  std::string unit = trimmed(value.substr(digits));
  for (char& c : unit) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const Unit& candidate : kUnits) {
    for (const std::string& name : candidate.names) {
      if (name != unit) continue;
      if (amount > std::numeric_limits<int64_t>::max() / candidate.nanos) return std::nullopt;
      return amount * candidate.nanos / 1'000'000;
    }
  }
  return std::nullopt;
}

}  // namespace sluice
