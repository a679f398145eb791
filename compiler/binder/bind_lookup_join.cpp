// A lookup join's table options and LOOKUP hint, checked at `sqlc check` time so that a bad
// cache option or hint value fails with the position of the table or the hint rather than
// when the job starts.
#include <fmt/format.h>

#include "compiler/binder/binder.h"
#include "compiler/types/identifier_case.h"
#include "compiler/types/lookup_options.h"

namespace sluice {

void Binder::describeLookupJoin(plan::LogicalNode& join, const ast::TableRelation& table,
                                const plan::LogicalNode& scan) {
  if (join.table) {
    std::map<std::string, std::string> options;
    for (const auto& [key, value] : join.table->options) options[key] = value;
    for (const auto& [key, value] : scan.hints) options[key] = value;
    std::string error;
    if (!parseLookupCacheOptions(options, error)) {
      throw UserError(table.location,
                      fmt::format("lookup table '{}': {}", join.table->name.back(), error));
    }
  }
  if (selectHints_ == nullptr) return;
  const std::string& alias = table.alias.name;
  for (const ast::Hint& hint : *selectHints_) {
    if (hint.name != "LOOKUP") continue;
    std::string error;
    auto parsed = parseLookupHint(hint.options, error);
    if (!parsed) throw UserError(hint.location, error);
    const bool named = (!alias.empty() && equalsIgnoreCase(parsed->table, alias)) ||
                       equalsIgnoreCase(parsed->table, table.name.back());
    if (!named) continue;
    for (const auto& [key, value] : hint.options) {
      join.hints.emplace_back("LOOKUP(" + key + ")", value);
    }
    return;
  }
}

}  // namespace sluice
