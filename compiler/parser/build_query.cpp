// Query structure: WITH, set operations, SELECT blocks, GROUP BY, ORDER BY / LIMIT, hints.
#include "compiler/parser/ast_builder.h"
#include "compiler/types/identifier_case.h"

namespace sluice {

std::unique_ptr<ast::Query> AstBuilder::query(P::QueryContext* context) {
  auto result = std::make_unique<ast::Query>();
  result->location = locationOf(context);
  if (auto* with = context->withClause()) {
    for (auto* cte : with->commonTableExpression()) {
      ast::CommonTableExpression item;
      item.location = locationOf(cte);
      item.name = identifier(cte->name);
      item.columns = identifierList(cte->identifierList());
      item.query = query(cte->query());
      result->with.push_back(std::move(item));
    }
  }
  result->body = queryExpression(context->queryExpression());
  if (context->orderByClause() != nullptr) result->orderBy = orderBy(context->orderByClause());
  if (auto* limit = context->limitClause()) {
    if (limit->limit != nullptr) result->limit = integer(limit->limit);
    if (limit->offset != nullptr) result->offset = integer(limit->offset);
  }
  return result;
}

ast::QueryBodyPtr AstBuilder::queryExpression(P::QueryExpressionContext* context) {
  if (auto* term = dynamic_cast<P::QueryTermDefaultContext*>(context)) {
    return queryPrimary(term->queryPrimary());
  }
  auto* c = dynamic_cast<P::SetOperationContext*>(context);
  auto operation = std::make_unique<ast::SetOperation>(locationOf(c->op));
  switch (c->op->getType()) {
    case P::INTERSECT: operation->op = ast::SetOperator::Intersect; break;
    case P::UNION: operation->op = ast::SetOperator::Union; break;
    default: operation->op = ast::SetOperator::Except; break;
  }
  operation->all = c->setQuantifier() != nullptr && c->setQuantifier()->ALL() != nullptr;
  operation->left = queryExpression(c->left);
  operation->right = queryExpression(c->right);
  return operation;
}

ast::QueryBodyPtr AstBuilder::queryPrimary(P::QueryPrimaryContext* context) {
  if (auto* c = dynamic_cast<P::QueryPrimaryDefaultContext*>(context)) {
    return selectBlock(c->querySpecification());
  }
  if (auto* c = dynamic_cast<P::InlineValuesContext*>(context)) {
    auto values = std::make_unique<ast::ValuesBody>(locationOf(c));
    for (auto* row : c->rowValue()) {
      std::vector<ast::ExpressionPtr> cells;
      for (auto* cell : row->expression()) cells.push_back(expression(cell));
      values->rows.push_back(std::move(cells));
    }
    return values;
  }
  auto* c = dynamic_cast<P::ParenthesizedQueryContext*>(context);
  auto nested = std::make_unique<ast::NestedQuery>(locationOf(c));
  nested->query = query(c->query());
  return nested;
}

ast::QueryBodyPtr AstBuilder::selectBlock(P::QuerySpecificationContext* context) {
  auto select = std::make_unique<ast::SelectBlock>(locationOf(context));
  if (context->hint() != nullptr) select->hints = hints(context->hint());
  select->distinct = context->setQuantifier() != nullptr &&
                     context->setQuantifier()->DISTINCT() != nullptr;
  for (auto* item : context->selectItem()) {
    ast::SelectItem selectItem;
    selectItem.location = locationOf(item);
    if (auto* c = dynamic_cast<P::QualifiedStarContext*>(item)) {
      selectItem.kind = ast::SelectItem::Kind::QualifiedStar;
      selectItem.qualifier = qualifiedName(c->qualifiedName());
    } else if (dynamic_cast<P::StarContext*>(item) != nullptr) {
      selectItem.kind = ast::SelectItem::Kind::Star;
    } else {
      auto* c = dynamic_cast<P::SelectExpressionContext*>(item);
      selectItem.expression = expression(c->expression());
      if (c->alias != nullptr) selectItem.alias = identifier(c->alias);
    }
    select->items.push_back(std::move(selectItem));
  }
  for (auto* item : context->relation()) select->from.push_back(relation(item));
  if (context->where != nullptr) select->where = booleanExpression(context->where);
  select->hasGroupBy = context->GROUP() != nullptr;
  for (auto* item : context->groupingElement()) select->groupBy.push_back(groupingElement(item));
  if (context->having != nullptr) select->having = booleanExpression(context->having);
  for (auto* window : context->namedWindow()) {
    select->windows.push_back({identifier(window->name),
                               windowSpecification(window->windowSpecification())});
  }
  return select;
}

ast::GroupingElement AstBuilder::groupingElement(P::GroupingElementContext* context) {
  ast::GroupingElement element;
  element.location = locationOf(context);
  if (auto* c = dynamic_cast<P::SingleGroupingContext*>(context)) {
    element.expression = expression(c->expression());
  } else if (dynamic_cast<P::EmptyGroupingContext*>(context) != nullptr) {
    element.kind = ast::GroupingKind::Empty;
  } else if (auto* c = dynamic_cast<P::RollupContext*>(context)) {
    element.kind = ast::GroupingKind::Rollup;
    for (auto* e : c->expression()) element.expressions.push_back(expression(e));
  } else if (auto* c = dynamic_cast<P::CubeContext*>(context)) {
    element.kind = ast::GroupingKind::Cube;
    for (auto* e : c->expression()) element.expressions.push_back(expression(e));
  } else {
    auto* sets = dynamic_cast<P::GroupingSetsContext*>(context);
    element.kind = ast::GroupingKind::GroupingSets;
    for (auto* set : sets->groupingSet()) {
      if (set->ROLLUP() != nullptr || set->CUBE() != nullptr) {
        // ROLLUP(a, b) inside GROUPING SETS is (a, b), (a), (); CUBE is every subset.
        size_t n = set->expression().size();
        bool cube = set->CUBE() != nullptr;
        if (cube && n > 12) throw UserError(locationOf(set), "CUBE of more than 12 columns");
        std::vector<std::vector<size_t>> subsets;
        if (cube) {
          for (size_t mask = (size_t{1} << n); mask-- > 0;) {
            std::vector<size_t> subset;
            for (size_t i = 0; i < n; ++i) {
              if ((mask & (size_t{1} << i)) != 0) subset.push_back(i);
            }
            subsets.push_back(subset);
          }
        } else {
          for (size_t k = n + 1; k-- > 0;) {
            std::vector<size_t> prefix;
            for (size_t i = 0; i < k; ++i) prefix.push_back(i);
            subsets.push_back(prefix);
          }
        }
        for (const auto& subset : subsets) {
          std::vector<ast::ExpressionPtr> expressions;
          for (size_t i : subset) expressions.push_back(expression(set->expression(i)));
          element.sets.push_back(std::move(expressions));
        }
        continue;
      }
      std::vector<ast::ExpressionPtr> expressions;
      for (auto* e : set->expression()) expressions.push_back(expression(e));
      element.sets.push_back(std::move(expressions));
    }
  }
  return element;
}

std::vector<ast::SortItem> AstBuilder::orderBy(P::OrderByClauseContext* context) {
  std::vector<ast::SortItem> items;
  for (auto* item : context->sortItem()) items.push_back(sortItem(item));
  return items;
}

ast::SortItem AstBuilder::sortItem(P::SortItemContext* context) {
  ast::SortItem item;
  item.expression = expression(context->expression());
  item.descending = context->ordering != nullptr && context->ordering->getType() == P::DESC;
  if (context->nullOrdering != nullptr) {
    item.nullsFirst = context->nullOrdering->getType() == P::FIRST;
  }
  return item;
}

std::vector<ast::Hint> AstBuilder::hints(P::HintContext* context) {
  std::vector<ast::Hint> result;
  for (auto* item : context->hintItem()) {
    ast::Hint hint;
    hint.location = locationOf(item);
    hint.name = toUpperAscii(identifier(item->name));
    for (auto* option : item->hintOption()) {
      auto keyText = [this](P::HintKeyContext* key) {
        if (key->stringLiteral() != nullptr) return stringLiteral(key->stringLiteral());
        std::string text;
        for (auto* part : key->identifier()) text += (text.empty() ? "" : ".") + identifier(part);
        return text;
      };
      if (option->value != nullptr) {
        hint.options.emplace_back(keyText(option->key), stringLiteral(option->value));
      } else {
        hint.arguments.push_back(keyText(option->hintKey()));
      }
    }
    result.push_back(std::move(hint));
  }
  return result;
}

}  // namespace sluice
