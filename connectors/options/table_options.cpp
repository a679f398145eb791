#include "connectors/options/table_options.h"

#include <cctype>
#include <charconv>
#include <cstdlib>
#include <utility>
#include <vector>

#include "runtime/connector/connector.h"
#include "compiler/types/option_values.h"

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
  const auto parsed = parseDurationMicros(*value);
  if (!parsed) invalid(key, "a duration such as '10 s'");
  return *parsed / 1000;
}

int64_t TableOptions::memoryBytes(const std::string& key, int64_t fallback) const {
  const auto value = find(key);
  if (!value) return fallback;
  const auto parsed = parseMemoryBytes(*value);
  if (!parsed) invalid(key, "a size such as '128 mb'");
  return *parsed;
}

void TableOptions::invalid(const std::string& key, const std::string& expectation) const {
  throw runtime::ConnectorError("invalid value '" + text(key, "") + "' for option '" + key +
                                "' of table " + table_ + ": expected " + expectation);
}

}  // namespace sluice::connectors
