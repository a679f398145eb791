// MATCH_RECOGNIZE: pattern variables qualify the input's columns (A.price), DEFINE conditions
// and MEASURES are bound per variable, and the output is the partition keys plus the measures
// (ONE ROW PER MATCH) or every input column plus the measures (ALL ROWS PER MATCH).
#include <fmt/format.h>

#include "compiler/binder/aggregation_state.h"
#include "compiler/binder/binder.h"
#include "compiler/types/identifier_case.h"

namespace sluice {

BoundRelation Binder::matchRecognize(const ast::MatchRecognizeRelation& match, const Scope* outer) {
  BoundRelation input = relation(*match.input, outer);
  int width = static_cast<int>(input.node->schema.size());
  std::vector<ScopeField> fields = input.scope.fields();
  std::vector<std::string> variables = match.patternVariables;
  for (const auto& subset : match.subsets) variables.push_back(subset.first);
  for (const auto& variable : variables) {
    for (const auto& f : input.scope.fields()) fields.push_back({variable, f.name, f.type, true});
  }
  Scope scope(std::move(fields));
  scope.setOuter(outer);
  auto folded = [width](const plan::ExpressionRef& e) {
    return remapInputs(e, [width](int i) { return i % width; });
  };
  ExpressionContext context;
  context.scope = &scope;
  context.matchRecognize = true;

  auto node = nodes_.make(plan::NodeKind::MatchRecognize);
  node->inputs.push_back(input.node);
  context.clause = "PARTITION BY";
  for (const auto& key : match.partitionBy) {
    auto bound = folded(bindExpression(*key, context));
    if (bound->kind != plan::ExpressionKind::InputRef) {
      throw UserError(key->location, "MATCH_RECOGNIZE PARTITION BY supports columns only");
    }
    node->groupKeys.push_back(bound->index);
  }
  context.clause = "ORDER BY";
  for (size_t i = 0; i < match.orderBy.size(); ++i) {
    const auto& item = match.orderBy[i];
    auto bound = folded(bindExpression(*item.expression, context));
    if (bound->kind != plan::ExpressionKind::InputRef) {
      throw UserError(item.expression->location, "MATCH_RECOGNIZE ORDER BY supports columns only");
    }
    if (i == 0 && (!bound->type.isTimeAttribute() || item.descending)) {
      throw UserError(item.expression->location,
                      "MATCH_RECOGNIZE must be ordered first by a time attribute, ascending");
    }
    node->sortKeys.push_back({bound->index, item.descending, false});
  }
  if (match.orderBy.empty()) {
    throw UserError(match.location, "MATCH_RECOGNIZE needs ORDER BY on a time attribute");
  }
  context.clause = "DEFINE";
  std::string description = "pattern=[" + match.pattern + "]";
  for (const auto& definition : match.definitions) {
    if (std::find(match.patternVariables.begin(), match.patternVariables.end(),
                  definition.variable) == match.patternVariables.end()) {
      throw UserError(definition.condition->location,
                      "DEFINE names '" + definition.variable + "', which the PATTERN does not use");
    }
    auto condition = requireBoolean(folded(bindExpression(*definition.condition, context)),
                                    definition.condition->location, "DEFINE");
    description += ", " + definition.variable + "=[" + condition->digest() + "]";
    node->expressions.push_back(condition);
  }
  if (match.within) {
    description += ", within=[" + std::to_string(constantMillis(*match.within, "WITHIN")) + " ms]";
  }
  node->description = description;
  if (match.allRowsPerMatch) {
    node->schema = input.node->schema;
  } else {
    for (int key : node->groupKeys) {
      const auto& f = input.node->schema[static_cast<size_t>(key)];
      node->schema.push_back({f.name, materialized(f.type)});
    }
  }
  context.clause = "MEASURES";
  for (const auto& [expression, name] : match.measures) {
    auto bound = folded(bindExpression(*expression, context));
    node->aggregates.push_back(plan::AggregateCall{bound->digest(), nullptr, {}, false, -1,
                                                   bound->type, name});
    DataType type = bound->type.isRowtime() || bound->type.isProctime() ? bound->type
                                                                         : materialized(bound->type);
    node->schema.push_back({name, type});
  }
  Scope output = scopeOf(node->schema, match.alias.name);
  output.setOuter(outer);
  return {node, std::move(output)};
}

}  // namespace sluice
