// Walks ANTLR's parse tree of one statement and builds the AST. Parse-tree contexts never leave
// this stage. Errors found here (an unknown time unit, an integer out of range) are UserErrors.
#pragma once

#include "FlinkSqlParser.h"
#include "compiler/diagnostics/diagnostics.h"
#include "compiler/parser/ast/ast_statement.h"

namespace sluice {

class AstBuilder {
 public:
  using P = grammar::FlinkSqlParser;

  ast::StatementPtr statement(P::StatementContext* context);

 private:
  // Statements (build_statement.cpp, build_ddl.cpp)
  ast::StatementPtr createTable(P::CreateTableContext* context);
  ast::ColumnDefinition column(P::ColumnDefinitionContext* context);
  ast::WatermarkDefinition watermark(P::WatermarkDefinitionContext* context);
  std::vector<ast::TableOption> options(P::WithOptionsContext* context);
  ast::TableOption option(P::TableOptionContext* context);
  std::string optionKey(P::OptionKeyContext* context, bool* quoted);
  ast::StatementPtr createView(P::CreateViewContext* context);
  ast::StatementPtr createFunction(P::CreateFunctionContext* context);
  ast::StatementPtr createCatalogOrDatabase(P::CreateCatalogOrDatabaseContext* context);
  ast::StatementPtr drop(P::DropStatementContext* context);
  ast::StatementPtr alterTable(P::AlterTableContext* context);
  ast::StatementPtr set(P::SetStatementContext* context);
  ast::StatementPtr reset(P::ResetStatementContext* context);
  std::unique_ptr<ast::Insert> insert(P::InsertStatementContext* context);
  ast::StatementPtr statementSet(P::StatementSetContext* context);
  ast::StatementPtr explain(P::ExplainStatementContext* context);
  ast::StatementPtr show(P::ShowStatementContext* context);

  // Queries (build_query.cpp, build_relation.cpp)
  std::unique_ptr<ast::Query> query(P::QueryContext* context);
  ast::QueryBodyPtr queryExpression(P::QueryExpressionContext* context);
  ast::QueryBodyPtr queryPrimary(P::QueryPrimaryContext* context);
  ast::QueryBodyPtr selectBlock(P::QuerySpecificationContext* context);
  ast::GroupingElement groupingElement(P::GroupingElementContext* context);
  std::vector<ast::SortItem> orderBy(P::OrderByClauseContext* context);
  ast::SortItem sortItem(P::SortItemContext* context);
  std::vector<ast::Hint> hints(P::HintContext* context);
  ast::RelationPtr relation(P::RelationContext* context);
  ast::RelationPtr relationPrimary(P::RelationPrimaryContext* context);
  ast::RelationPtr matchRecognize(P::MatchRecognizeContext* context, ast::RelationPtr input);
  ast::TableAlias tableAlias(P::TableAliasContext* context);

  // Expressions (build_expression.cpp, build_special_forms.cpp, build_literal.cpp)
  ast::ExpressionPtr expression(P::ExpressionContext* context);
  ast::ExpressionPtr booleanExpression(P::BooleanExpressionContext* context);
  ast::ExpressionPtr predicate(ast::ExpressionPtr operand, P::PredicateContext* context);
  ast::ExpressionPtr valueExpression(P::ValueExpressionContext* context);
  ast::ExpressionPtr primaryExpression(P::PrimaryExpressionContext* context);
  ast::ExpressionPtr specialForm(P::PrimaryExpressionContext* context);
  ast::ExpressionPtr functionCall(P::FunctionCallExpressionContext* context);
  ast::ExpressionPtr functionArgument(P::FunctionArgumentContext* context);
  std::unique_ptr<ast::FunctionCall> plainFunctionCall(P::FunctionCallContext* context);
  std::unique_ptr<ast::WindowSpecification> windowSpecification(
      P::WindowSpecificationContext* context);
  ast::FrameBound frameBound(P::FrameBoundContext* context);
  ast::ExpressionPtr literal(P::LiteralContext* context);
  std::unique_ptr<ast::Literal> intervalLiteral(P::IntervalLiteralContext* context);
  ast::ExpressionPtr symbol(antlr4::ParserRuleContext* context, const std::string& name);

  // Types (build_type.cpp)
  std::unique_ptr<ast::TypeName> dataType(P::DataTypeContext* context);
  std::unique_ptr<ast::TypeName> baseDataType(P::BaseDataTypeContext* context);

 public:
  // Names and literals shared by every part (build_names.cpp).
  static SourceLocation locationOf(antlr4::ParserRuleContext* context);
  static SourceLocation locationOf(antlr4::Token* token);
  static std::string identifier(P::IdentifierContext* context);
  static std::vector<std::string> qualifiedName(P::QualifiedNameContext* context);
  static std::vector<std::string> identifierList(P::IdentifierListContext* context);
  static std::string stringLiteral(P::StringLiteralContext* context);
  static int64_t integer(antlr4::Token* token);
};

}  // namespace sluice
