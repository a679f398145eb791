// Hints: table hints (OPTIONS) are checked as the table's options would be, and query hints
// (STATE_TTL, LOOKUP, join strategy hints) by name and keys, as Flink's planner does. Recognized
// hints are recorded on the plan for the physical planner.
#include <fmt/format.h>

#include <regex>

#include "compiler/binder/binder.h"
#include "compiler/types/identifier_case.h"

namespace sluice {

namespace {

// Flink durations: "1d", "12h", "360000s", "10 min", "500 ms".
bool isDuration(const std::string& text) {
  static const std::regex kDuration(
      R"(\s*\d+\s*(d|day|days|h|hour|hours|m|min|minute|minutes|s|sec|secs|second|seconds|ms|milli|millis|millisecond|milliseconds)?\s*)",
      std::regex::icase);
  return std::regex_match(text, kDuration);
}

const std::vector<std::string>& lookupHintKeys() {
  static const std::vector<std::string> kKeys = {
      "table", "async", "output-mode", "capacity", "timeout", "retry-predicate",
      "retry-strategy", "fixed-delay", "max-attempts"};
  return kKeys;
}

}  // namespace

void Binder::checkTableHints(const std::vector<ast::Hint>& hints, const TableDefinition& table) {
  std::vector<std::pair<std::string, std::string>> merged = table.options;
  bool any = false;
  for (const auto& hint : hints) {
    if (hint.name != "OPTIONS") {
      throw UserError(hint.location, "unknown table hint '" + hint.name + "'; expected OPTIONS");
    }
    if (!hint.arguments.empty() || hint.options.empty()) {
      throw UserError(hint.location, "OPTIONS takes 'key' = 'value' pairs");
    }
    for (const auto& [key, value] : hint.options) {
      any = true;
      auto existing = std::find_if(merged.begin(), merged.end(),
                                   [&](const auto& option) { return option.first == key; });
      if (existing != merged.end()) {
        existing->second = value;
      } else {
        merged.emplace_back(key, value);
      }
    }
  }
  if (!any) return;
  for (const auto& problem : catalog_.connectors().validate(merged)) {
    throw UserError(hints.front().location, "in OPTIONS hint: " + problem.message);
  }
}

std::vector<std::pair<std::string, std::string>> Binder::checkQueryHints(
    const std::vector<ast::Hint>& hints) {
  std::vector<std::pair<std::string, std::string>> recorded;
  for (const auto& hint : hints) {
    if (hint.name == "STATE_TTL") {
      if (hint.options.empty()) {
        throw UserError(hint.location, "STATE_TTL takes 'table or alias' = 'duration' pairs");
      }
      for (const auto& [key, value] : hint.options) {
        if (!isDuration(value)) {
          throw UserError(hint.location, fmt::format("STATE_TTL of '{}' must be a duration such "
                                                     "as '1d', '12h' or '90s', got '{}'", key, value));
        }
        recorded.emplace_back("STATE_TTL(" + key + ")", value);
      }
    } else if (hint.name == "LOOKUP") {
      bool hasTable = false;
      for (const auto& [key, value] : hint.options) {
        const auto& keys = lookupHintKeys();
        if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
          std::string message = "unknown LOOKUP hint option '" + key + "'";
          std::string near = nearestName(key, keys);
          if (!near.empty()) message += "; did you mean '" + near + "'?";
          throw UserError(hint.location, message);
        }
        hasTable = hasTable || key == "table";
        recorded.emplace_back("LOOKUP(" + key + ")", value);
      }
      if (!hasTable) throw UserError(hint.location, "LOOKUP needs the 'table' option");
    } else if (hint.name == "BROADCAST" || hint.name == "SHUFFLE_HASH" ||
               hint.name == "SHUFFLE_MERGE" || hint.name == "NEST_LOOP") {
      if (hint.arguments.empty()) {
        throw UserError(hint.location, hint.name + " names the tables it applies to");
      }
      for (const auto& table : hint.arguments) recorded.emplace_back(hint.name, table);
    } else {
      throw UserError(hint.location, "unknown query hint '" + hint.name + "'; expected STATE_TTL, "
                                     "LOOKUP, BROADCAST, SHUFFLE_HASH, SHUFFLE_MERGE or NEST_LOOP");
    }
  }
  return recorded;
}

}  // namespace sluice
