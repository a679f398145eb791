// A SELECT block: FROM, WHERE, then either aggregation (bind_aggregate.cpp) or a projection with
// optional OVER windows, then DISTINCT.
#include <fmt/format.h>

#include <algorithm>

#include "compiler/binder/aggregation_state.h"
#include "compiler/binder/binder.h"
#include "compiler/binder/select_analysis.h"
#include "compiler/types/identifier_case.h"

namespace sluice {

namespace {

// Moves every OverCall of `expression` into `overCalls` and replaces it by a reference to the
// column the OverAggregate appends for it.
plan::ExpressionRef extractOverCalls(const plan::ExpressionRef& expression, int inputWidth,
                                     std::vector<plan::ExpressionRef>& overCalls) {
  if (expression->kind == plan::ExpressionKind::OverCall) {
    std::string digest = expression->digest();
    for (size_t i = 0; i < overCalls.size(); ++i) {
      if (overCalls[i]->digest() == digest) {
        return plan::inputRef(inputWidth + static_cast<int>(i), expression->type);
      }
    }
    overCalls.push_back(expression);
    return plan::inputRef(inputWidth + static_cast<int>(overCalls.size() - 1), expression->type);
  }
  if (expression->operands.empty()) return expression;
  auto copy = std::make_shared<plan::BoundExpression>(*expression);
  for (auto& operand : copy->operands) operand = extractOverCalls(operand, inputWidth, overCalls);
  return copy;
}

}  // namespace

BoundRelation Binder::select(const ast::SelectBlock& select, const Scope* outer) {
  const std::vector<ast::SortItem>* orderBy = std::exchange(pendingOrderBy_, nullptr);
  if (select.distinct) orderBy = nullptr;  // with DISTINCT, ORDER BY must use selected columns
  // FROM: comma-separated relations are cross joined.
  BoundRelation from;
  // The block's LOOKUP hints apply to the lookup joins of its FROM clause.
  struct HintsInScope {
    const std::vector<ast::Hint>*& current;
    const std::vector<ast::Hint>* enclosing;
    ~HintsInScope() { current = enclosing; }
  } hintsInScope{selectHints_, std::exchange(selectHints_, &select.hints)};
  if (select.from.empty()) {
    auto values = nodes_.make(plan::NodeKind::Values);
    values->schema.push_back({"ZERO", DataType::integer().notNull()});
    values->expressions.push_back(plan::literal("0", DataType::integer().notNull()));
    from = {values, Scope()};
  } else {
    from = relation(*select.from[0], outer);
    for (size_t i = 1; i < select.from.size(); ++i) {
      const ast::Relation& item = *select.from[i];
      // `FROM t, LATERAL TABLE(f(t.x))` and `FROM t, UNNEST(t.arr)` are lateral joins.
      if (item.kind == ast::RelationKind::TableFunction) {
        from = tableFunction(static_cast<const ast::TableFunctionRelation&>(item), outer, &from);
        continue;
      }
      if (item.kind == ast::RelationKind::Unnest) {
        from = unnest(static_cast<const ast::UnnestRelation&>(item), outer, &from);
        continue;
      }
      bool lateral = item.kind == ast::RelationKind::Derived &&
                     static_cast<const ast::DerivedRelation&>(item).lateral;
      BoundRelation right = relation(item, lateral ? &from.scope : outer);
      auto join = nodes_.make(plan::NodeKind::Join);
      join->inputs = {from.node, right.node};
      join->condition = plan::literal("TRUE", DataType::boolean().notNull());
      Scope scope = Scope::concatenate(from.scope, right.scope);
      for (const auto& f : scope.fields()) join->schema.push_back({f.name, materialized(f.type)});
      std::vector<ScopeField> fields = scope.fields();
      for (auto& f : fields) f.type = materialized(f.type);
      from = {join, Scope(std::move(fields))};
    }
  }
  from.scope.setOuter(outer);

  if (select.where) {
    ExpressionContext context;
    context.scope = &from.scope;
    context.clause = "WHERE";
    auto condition = requireBoolean(bindExpression(*select.where, context), select.where->location,
                                    "WHERE");
    auto filter = nodes_.make(plan::NodeKind::Filter);
    filter->inputs.push_back(from.node);
    filter->schema = from.node->schema;
    filter->condition = condition;
    from.node = filter;
  }

  const FunctionLookup registry = functionLookup();
  bool aggregating = select.hasGroupBy || (select.having != nullptr);
  for (const auto& item : select.items) {
    if (item.expression && containsAggregate(*item.expression, registry)) aggregating = true;
  }
  std::vector<std::string> inputNames;
  for (const ScopeField& field : from.scope.fields()) {
    if (!field.qualifier.empty() &&
        std::find(inputNames.begin(), inputNames.end(), field.qualifier) == inputNames.end()) {
      inputNames.push_back(field.qualifier);
    }
  }
  BoundRelation result = aggregating ? aggregateSelect(select, std::move(from), orderBy)
                                     : projectSelect(select, std::move(from), orderBy);
  if (aggregating) result.node = applyStateTtlHint(result.node, select.hints, inputNames);
  auto queryHints = checkQueryHints(select.hints);
  if (!queryHints.empty()) {
    auto hinted = std::make_shared<plan::LogicalNode>(*result.node);
    hinted->hints = std::move(queryHints);
    result.node = hinted;
  }
  if (!select.distinct) return result;
  auto distinct = nodes_.make(plan::NodeKind::Aggregate);
  distinct->inputs.push_back(result.node);
  for (size_t i = 0; i < result.node->schema.size(); ++i) {
    distinct->groupKeys.push_back(static_cast<int>(i));
    distinct->schema.push_back({result.node->schema[i].name, materialized(result.node->schema[i].type)});
  }
  return {distinct, scopeOf(distinct->schema, "")};
}

std::vector<std::pair<plan::ExpressionRef, std::string>> Binder::selectList(
    const ast::SelectBlock& select, const Scope& scope, ExpressionContext& context) {
  std::vector<std::pair<plan::ExpressionRef, std::string>> items;
  for (const auto& item : select.items) {
    if (item.kind == ast::SelectItem::Kind::Star || item.kind == ast::SelectItem::Kind::QualifiedStar) {
      std::vector<int> indexes;
      if (item.kind == ast::SelectItem::Kind::Star) {
        for (size_t i = 0; i < scope.fields().size(); ++i) {
          if (!scope.fields()[i].qualifiedOnly) indexes.push_back(static_cast<int>(i));
        }
      } else if (item.qualifier.size() > 1 || !scope.hasQualifier(item.qualifier.back())) {
        // t.rowColumn.* or rowColumn.*: the fields of a ROW value.
        auto reference = std::make_shared<ast::ColumnReference>(item.location);
        reference->parts = item.qualifier;
        reference->partLocations.assign(reference->parts.size(), item.location);
        auto row = bindExpression(*reference, context);
        if (row->type.kind() != TypeKind::Row) {
          throw UserError(item.location, "'" + item.qualifier.back() + ".*' needs a table alias or a "
                                         "ROW column, got " + row->type.toString());
        }
        for (const auto& field : row->type.fields()) {
          items.emplace_back(fieldAccess(row, field.name, item.location), field.name);
        }
        continue;
      } else {
        indexes = scope.fieldsOf(item.qualifier.back());
        if (indexes.empty()) {
          throw UserError(item.location, "table or alias '" + item.qualifier.back() + "' not found");
        }
      }
      for (int index : indexes) {
        const auto& field = scope.fields()[static_cast<size_t>(index)];
        auto reference = std::make_shared<ast::ColumnReference>(item.location);
        if (!field.qualifier.empty()) reference->parts.push_back(field.qualifier);
        reference->parts.push_back(field.name);
        reference->partLocations.assign(reference->parts.size(), item.location);
        items.emplace_back(bindExpression(*reference, context), field.name);
      }
      continue;
    }
    std::string name = item.alias.empty() ? outputName(*item.expression, items.size()) : item.alias;
    items.emplace_back(bindExpression(*item.expression, context), name);
  }
  return items;
}

BoundRelation Binder::projectSelect(const ast::SelectBlock& select, BoundRelation from,
                                    const std::vector<ast::SortItem>* orderBy) {
  ExpressionContext context;
  context.scope = &from.scope;
  context.allowOver = true;
  context.namedWindows = &select.windows;
  auto items = selectList(select, from.scope, context);
  size_t hidden = 0;
  appendOrderColumns(orderBy, items, context, &hidden);

  int inputWidth = static_cast<int>(from.node->schema.size());
  std::vector<plan::ExpressionRef> overCalls;
  for (auto& item : items) item.first = extractOverCalls(item.first, inputWidth, overCalls);
  plan::NodeRef input = from.node;
  if (!overCalls.empty()) {
    auto over = nodes_.make(plan::NodeKind::OverAggregate);
    over->inputs.push_back(from.node);
    over->schema = from.node->schema;
    over->expressions = overCalls;
    for (size_t i = 0; i < overCalls.size(); ++i) {
      over->schema.push_back({"w0$o" + std::to_string(i), overCalls[i]->type});
    }
    input = over;
  }
  auto project = nodes_.make(plan::NodeKind::Project);
  project->inputs.push_back(input);
  for (auto& [expression, name] : items) {
    project->expressions.push_back(expression);
    project->schema.push_back({name, expression->type});
  }
  return {project, scopeOf(project->schema, ""), hidden};
}

}  // namespace sluice
