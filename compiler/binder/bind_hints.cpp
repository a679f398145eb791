// Hints: table hints (OPTIONS) are checked as the table's options would be, and query hints
// (STATE_TTL, LOOKUP, join strategy hints) by name and keys, as Flink's planner does. Recognized
// hints are recorded on the plan for the physical planner.
#include <fmt/format.h>

#include <algorithm>

#include "compiler/binder/binder.h"
#include "compiler/types/lookup_options.h"
#include "compiler/types/option_values.h"
#include "compiler/types/identifier_case.h"

namespace sluice {

namespace {

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
        if (!parseDurationMicros(value)) {
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
      std::string error;
      if (!parseLookupHint(hint.options, error)) throw UserError(hint.location, error);
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

namespace {

// A copy of the Project/Filter chain from `node` down to its Aggregate, the Aggregate carrying
// the hint; the nodes are this SELECT's own, so copying them changes no other query. Null when
// the chain ends elsewhere (a window aggregation, whose state the watermark cleans).
plan::NodeRef withAggregateHint(const plan::NodeRef& node, const std::string& ttl) {
  if (node->kind == plan::NodeKind::Aggregate) {
    auto hinted = std::make_shared<plan::LogicalNode>(*node);
    hinted->hints.emplace_back("STATE_TTL", ttl);
    return hinted;
  }
  if ((node->kind != plan::NodeKind::Project && node->kind != plan::NodeKind::Filter) ||
      node->inputs.size() != 1) {
    return nullptr;
  }
  plan::NodeRef input = withAggregateHint(node->inputs[0], ttl);
  if (!input) return nullptr;
  auto copy = std::make_shared<plan::LogicalNode>(*node);
  copy->inputs[0] = input;
  return copy;
}

}  // namespace

plan::NodeRef Binder::applyStateTtlHint(const plan::NodeRef& top,
                                        const std::vector<ast::Hint>& hints,
                                        const std::vector<std::string>& inputNames) {
  // Over a join the keys name the join's inputs (regular joins are not run yet); only an
  // aggregation of one input takes the hint itself.
  if (inputNames.size() != 1) return top;
  plan::NodeRef result = top;
  for (const auto& hint : hints) {
    if (hint.name != "STATE_TTL") continue;
    for (const auto& [key, value] : hint.options) {
      if (key != inputNames.front()) {
        throw UserError(hint.location, fmt::format("STATE_TTL key '{}' does not name the "
                                                   "aggregation's input; expected '{}'",
                                                   key, inputNames.front()));
      }
      plan::NodeRef hinted = withAggregateHint(result, value);
      if (hinted) result = hinted;
    }
  }
  return result;
}

}  // namespace sluice
