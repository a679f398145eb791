// The FROM clause: tables, joins, derived tables, table functions, UNNEST, MATCH_RECOGNIZE.
#include "compiler/parser/ast_builder.h"
#include "compiler/types/identifier_case.h"

namespace sluice {

static ast::JoinKind joinKindOf(grammar::FlinkSqlParser::JoinTypeContext* context) {
  if (context->LEFT() != nullptr) return ast::JoinKind::Left;
  if (context->RIGHT() != nullptr) return ast::JoinKind::Right;
  if (context->FULL() != nullptr) return ast::JoinKind::Full;
  return ast::JoinKind::Inner;
}

ast::RelationPtr AstBuilder::relation(P::RelationContext* context) {
  if (auto* c = dynamic_cast<P::RelationDefaultContext*>(context)) {
    return relationPrimary(c->relationPrimary());
  }
  if (auto* c = dynamic_cast<P::CrossJoinRelationContext*>(context)) {
    auto join = std::make_unique<ast::JoinRelation>(locationOf(c->CROSS()->getSymbol()));
    join->joinKind = ast::JoinKind::Cross;
    join->lateral = c->LATERAL() != nullptr;
    join->left = relation(c->left);
    join->right = relationPrimary(c->right);
    return join;
  }
  auto* c = dynamic_cast<P::JoinRelationContext*>(context);
  auto join = std::make_unique<ast::JoinRelation>(locationOf(c->joinType()->getStart()));
  join->joinKind = joinKindOf(c->joinType());
  join->lateral = c->LATERAL() != nullptr;
  join->left = relation(c->left);
  join->right = relationPrimary(c->right);
  if (auto* criteria = c->joinCriteria()) {
    if (criteria->booleanExpression() != nullptr) {
      join->condition = booleanExpression(criteria->booleanExpression());
    } else {
      join->usingColumns = identifierList(criteria->identifierList());
    }
  } else if (join->joinKind != ast::JoinKind::Inner) {
    throw UserError(locationOf(c->right), "an outer join needs an ON or USING condition");
  }
  return join;
}

ast::RelationPtr AstBuilder::relationPrimary(P::RelationPrimaryContext* context) {
  if (auto* c = dynamic_cast<P::TableReferenceContext*>(context)) {
    auto table = std::make_unique<ast::TableRelation>(locationOf(c));
    table->name = qualifiedName(c->qualifiedName());
    if (c->hint() != nullptr) table->hints = hints(c->hint());
    if (c->temporalClause() != nullptr) {
      table->systemTimeAsOf = valueExpression(c->temporalClause()->valueExpression());
    }
    if (c->tableAlias(0) != nullptr && c->tableAlias(0) != c->matchAlias) {
      table->alias = tableAlias(c->tableAlias(0));
    }
    if (c->matchRecognize() != nullptr) {
      auto match = matchRecognize(c->matchRecognize(), std::move(table));
      if (c->matchAlias != nullptr) match->alias = tableAlias(c->matchAlias);
      return match;
    }
    return table;
  }
  if (auto* c = dynamic_cast<P::DerivedTableContext*>(context)) {
    auto derived = std::make_unique<ast::DerivedRelation>(locationOf(c));
    derived->query = query(c->query());
    derived->lateral = c->LATERAL() != nullptr;
    if (c->temporalClause() != nullptr) {
      derived->systemTimeAsOf = valueExpression(c->temporalClause()->valueExpression());
    }
    if (c->tableAlias(0) != nullptr && c->tableAlias(0) != c->matchAlias) {
      derived->alias = tableAlias(c->tableAlias(0));
    }
    if (c->matchRecognize() != nullptr) {
      auto match = matchRecognize(c->matchRecognize(), std::move(derived));
      if (c->matchAlias != nullptr) match->alias = tableAlias(c->matchAlias);
      return match;
    }
    return derived;
  }
  if (auto* c = dynamic_cast<P::TableFunctionContext*>(context)) {
    auto function = std::make_unique<ast::TableFunctionRelation>(locationOf(c));
    function->call = plainFunctionCall(c->functionCall());
    function->lateral = c->LATERAL() != nullptr;
    if (c->tableAlias() != nullptr) function->alias = tableAlias(c->tableAlias());
    return function;
  }
  if (auto* c = dynamic_cast<P::UnnestContext*>(context)) {
    auto unnest = std::make_unique<ast::UnnestRelation>(locationOf(c));
    for (auto* e : c->expression()) unnest->arguments.push_back(expression(e));
    unnest->withOrdinality = c->ORDINALITY() != nullptr;
    if (c->tableAlias() != nullptr) unnest->alias = tableAlias(c->tableAlias());
    return unnest;
  }
  auto* c = dynamic_cast<P::ParenthesizedRelationContext*>(context);
  auto inner = relation(c->relation());
  if (c->tableAlias() != nullptr) inner->alias = tableAlias(c->tableAlias());
  return inner;
}

ast::TableAlias AstBuilder::tableAlias(P::TableAliasContext* context) {
  return ast::TableAlias{identifier(context->alias), identifierList(context->identifierList())};
}

static void collectPatternVariables(grammar::FlinkSqlParser::RowPatternContext* pattern,
                                    std::vector<std::string>& variables) {
  for (auto* term : pattern->rowPatternTerm()) {
    for (auto* factor : term->rowPatternFactor()) {
      auto* primary = factor->rowPatternPrimary();
      if (primary->identifier() != nullptr) {
        std::string name = AstBuilder::identifier(primary->identifier());
        if (std::find(variables.begin(), variables.end(), name) == variables.end()) {
          variables.push_back(name);
        }
      } else if (primary->rowPattern() != nullptr) {
        collectPatternVariables(primary->rowPattern(), variables);
      }
    }
  }
}

// The pattern as text with one space between tokens: "A B+ C", "(A | B){2,}?".
static std::string patternText(antlr4::tree::ParseTree* tree) {
  if (tree->children.empty()) return tree->getText();
  std::string out;
  for (auto* child : tree->children) {
    std::string part = patternText(child);
    if (!out.empty() && part != "+" && part != "*" && part != "?" && part != ")" &&
        out.back() != '(' && part.front() != '{' && out.back() != '{' && part != "}" &&
        part != "," && out.back() != ',') {
      out += ' ';
    }
    out += part;
  }
  return out;
}

ast::RelationPtr AstBuilder::matchRecognize(P::MatchRecognizeContext* context,
                                            ast::RelationPtr input) {
  auto match = std::make_unique<ast::MatchRecognizeRelation>(locationOf(context));
  match->input = std::move(input);
  for (auto* e : context->expression()) match->partitionBy.push_back(expression(e));
  if (context->orderByClause() != nullptr) match->orderBy = orderBy(context->orderByClause());
  for (auto* measure : context->measure()) {
    match->measures.emplace_back(expression(measure->expression()),
                                 identifier(measure->identifier()));
  }
  if (auto* rows = context->rowsPerMatch()) match->allRowsPerMatch = rows->ALL() != nullptr;
  if (auto* skip = context->skipTo()) {
    if (skip->PAST() != nullptr) {
      match->afterMatch = ast::AfterMatchSkip::PastLastRow;
    } else if (skip->NEXT() != nullptr) {
      match->afterMatch = ast::AfterMatchSkip::ToNextRow;
    } else {
      match->afterMatch =
          skip->FIRST() != nullptr ? ast::AfterMatchSkip::ToFirst : ast::AfterMatchSkip::ToLast;
      match->skipToVariable = identifier(skip->identifier());
    }
  }
  match->pattern = patternText(context->rowPattern());
  collectPatternVariables(context->rowPattern(), match->patternVariables);
  if (context->intervalLiteral() != nullptr) match->within = intervalLiteral(context->intervalLiteral());
  for (auto* subset : context->subsetDefinition()) {
    match->subsets.emplace_back(identifier(subset->identifier()),
                                identifierList(subset->identifierList()));
  }
  for (auto* definition : context->patternDefinition()) {
    match->definitions.push_back(
        {identifier(definition->identifier()), booleanExpression(definition->booleanExpression())});
  }
  return match;
}

}  // namespace sluice
