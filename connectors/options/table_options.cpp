#include "connectors/options/table_options.h"

#include <cctype>
#include <charconv>
#include <cstdlib>
#include <utility>
#include <vector>

#include "runtime/connector/connector.h"

namespace sluice::connectors {

namespace {

std::string trimmed(const std::string& text) {
  size_t begin = 0;
  size_t end = text.size();
  while (begin < end && std::isspace(static_cast<unsigned char>(text[begin]))) ++begin;
  while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
  return text.substr(begin, end - begin);
}

std::string lowerCase(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::optional<int64_t> parseWholeInteger(const std::string& text) {
  const std::string digits = trimmed(text);
  const char* begin = digits.data() + (!digits.empty() && digits[0] == '+' ? 1 : 0);
  int64_t value = 0;
  auto [end, error] = std::from_chars(begin, digits.data() + digits.size(), value);
  if (error != std::errc() || end != digits.data() + digits.size() || begin == end) {
    return std::nullopt;
  }
  return value;
}

std::optional<double> parseWholeNumber(const std::string& text) {
  const std::string digits = trimmed(text);
  if (digits.empty()) return std::nullopt;
  char* end = nullptr;
  const double value = std::strtod(digits.c_str(), &end);
  if (end != digits.c_str() + digits.size()) return std::nullopt;
  return value;
}

struct Unit {
  std::vector<std::string> names;
  int64_t scale;
};

std::optional<int64_t> findUnit(const std::vector<Unit>& units, const std::string& name) {
  for (const Unit& unit : units) {
    for (const std::string& candidate : unit.names) {
      if (candidate == name) return unit.scale;
    }
  }
  return std::nullopt;
}

// The units of Flink's TimeUtils.parseDuration, in milliseconds.
std::optional<int64_t> unitMillis(const std::string& name) {
  static const std::vector<Unit> kUnits = {
      {{"", "ms", "milli", "millis", "millisecond", "milliseconds"}, 1},
      {{"s", "sec", "secs", "second", "seconds"}, 1000},
      {{"m", "min", "mins", "minute", "minutes"}, 60'000},
      {{"h", "hour", "hours"}, 3'600'000},
      {{"d", "day", "days"}, 86'400'000}};
  return findUnit(kUnits, name);
}

// The units of Flink's MemorySize.parse, in bytes.
std::optional<int64_t> memoryUnitBytes(const std::string& name) {
  static const std::vector<Unit> kUnits = {{{"", "b", "bytes"}, 1},
                                           {{"k", "kb", "kibibytes"}, 1LL << 10},
                                           {{"m", "mb", "mebibytes"}, 1LL << 20},
                                           {{"g", "gb", "gibibytes"}, 1LL << 30},
                                           {{"t", "tb", "tebibytes"}, 1LL << 40}};
  return findUnit(kUnits, name);
}

// A number followed by an optional unit, both looked up by `unitScale`.
std::optional<int64_t> parseQuantity(const std::string& text,
                                     std::optional<int64_t> (*unitScale)(const std::string&)) {
  const std::string value = trimmed(text);
  size_t digits = 0;
  while (digits < value.size() && std::isdigit(static_cast<unsigned char>(value[digits]))) {
    ++digits;
  }
  if (digits == 0) return std::nullopt;
  const auto amount = parseWholeInteger(value.substr(0, digits));
  const auto scale = unitScale(lowerCase(trimmed(value.substr(digits))));
  if (!amount || !scale) return std::nullopt;
  return *amount * *scale;
}

}  // namespace

TableOptions::TableOptions(const std::map<std::string, std::string>& options, std::string table)
    : options_(options), table_(std::move(table)) {}

TableOptions::TableOptions(const artifact::Node& node) : TableOptions(node.options, node.table) {}

std::optional<std::string> TableOptions::find(const std::string& key) const {
  auto it = options_.find(key);
  if (it == options_.end()) return std::nullopt;
  return it->second;
}

std::string TableOptions::text(const std::string& key, const std::string& fallback) const {
  return find(key).value_or(fallback);
}

int64_t TableOptions::integer(const std::string& key, int64_t fallback) const {
  const auto value = find(key);
  if (!value) return fallback;
  const auto parsed = parseWholeInteger(*value);
  if (!parsed) invalid(key, "an integer");
  return *parsed;
}

double TableOptions::number(const std::string& key, double fallback) const {
  const auto value = find(key);
  if (!value) return fallback;
  const auto parsed = parseWholeNumber(*value);
  if (!parsed) invalid(key, "a number");
  return *parsed;
}

bool TableOptions::flag(const std::string& key, bool fallback) const {
  const auto value = find(key);
  if (!value) return fallback;
  const std::string lowered = lowerCase(trimmed(*value));
  if (lowered == "true") return true;
  if (lowered == "false") return false;
  invalid(key, "'true' or 'false'");
}

char TableOptions::character(const std::string& key, char fallback) const {
  const auto value = find(key);
  if (!value) return fallback;
  if (value->size() == 1) return (*value)[0];
  // Written as a Java escape in the DDL: '\t' arrives as the two characters backslash and 't'.
  if (*value == "\\t") return '\t';
  if (*value == "\\n") return '\n';
  if (*value == "\\\\") return '\\';
  invalid(key, "a single character");
}

int64_t TableOptions::durationMillis(const std::string& key, int64_t fallback) const {
  const auto value = find(key);
  if (!value) return fallback;
  const auto parsed = parseQuantity(*value, unitMillis);
  if (!parsed) invalid(key, "a duration such as '10 s'");
  return *parsed;
}

int64_t TableOptions::memoryBytes(const std::string& key, int64_t fallback) const {
  const auto value = find(key);
  if (!value) return fallback;
  const auto parsed = parseQuantity(*value, memoryUnitBytes);
  if (!parsed) invalid(key, "a size such as '128 mb'");
  return *parsed;
}

void TableOptions::invalid(const std::string& key, const std::string& expectation) const {
  throw runtime::ConnectorError("invalid value '" + text(key, "") + "' for option '" + key +
                                "' of table " + table_ + ": expected " + expectation);
}

}  // namespace sluice::connectors
