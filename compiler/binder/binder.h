// The binder stage: AST statements in, catalog changes and logical plans out. It resolves names
// against the catalog and the FROM clause, types every expression through the function registry,
// tracks time attributes, and recognizes the streaming shapes Flink's planner recognizes (group
// windows, window TVFs, temporal and lookup joins). Each statement is bound on its own: a
// UserError ends that statement, is reported, and binding goes on with the next one.
#pragma once

#include <map>
#include <memory>
#include <vector>

#include "compiler/binder/bound_script.h"
#include "compiler/binder/scope.h"
#include "compiler/binder/select_analysis.h"
#include "compiler/catalog/catalog.h"
#include "compiler/diagnostics/diagnostics.h"
#include "compiler/parser/ast/ast_statement.h"
#include "compiler/plan/logical_plan.h"

namespace sluice {

struct BoundRelation {
  plan::NodeRef node;
  Scope scope;
  // Trailing fields added only to sort by (ORDER BY of expressions not selected); the query
  // drops them after sorting.
  size_t hiddenOrderColumns = 0;
};

// What an expression may contain where it is being bound.
struct AggregationState;
struct ExpressionContext {
  const Scope* scope = nullptr;
  const char* clause = "SELECT";  // for messages: "aggregate functions are not allowed in WHERE"
  AggregationState* aggregation = nullptr;  // set while binding SELECT/HAVING of a GROUP BY query
  bool allowOver = false;
  const std::vector<ast::NamedWindow>* namedWindows = nullptr;
  // Inside MATCH_RECOGNIZE: FIRST/LAST/PREV/NEXT, MATCH_ROWTIME() & co. are available and
  // aggregates apply to the rows of a match instead of a group.
  bool matchRecognize = false;
};

class Binder {
 public:
  Binder(Catalog& catalog, DiagnosticSink& diagnostics);

  BoundScript bind(const ast::Script& script);

  // Binds one expression (exposed for tests and for computed columns).
  plan::ExpressionRef bindExpression(const ast::Expression& expression, ExpressionContext& context);

 private:
  friend struct AggregationState;
  Catalog& catalog_;
  DiagnosticSink& diagnostics_;
  // The native functions the statement being bound calls (collected by typedCall).
  std::vector<NativeFunctionUse> nativeUses_;
  // Loads each library of a comma- or colon-separated list; throws UserError at `location`.
  void loadNativeLibraries(const std::string& list, SourceLocation location);
  // How function names resolve in this catalog: a temporary system function, then a built-in,
  // then a catalog function (Flink's precedence), as functionCall resolves them.
  FunctionLookup functionLookup() const;
  void recordNativeCall(const std::string& name, const FunctionDefinition& definition,
                        const std::vector<DataType>& operandTypes);
  plan::NodeFactory nodes_;
  // Common table expressions in scope, innermost last.
  std::vector<std::vector<const ast::CommonTableExpression*>> ctes_;
  int viewDepth_ = 0;  // guards against views that reference themselves
  // Blink DDL (`type = '...'` tables) reads TIMESTAMP without a precision as TIMESTAMP(3).
  bool blinkTypeDefaults_ = false;
  // The ORDER BY of the query whose SELECT block is being bound, so the block can add the sort
  // expressions that are not in its select list as hidden fields.
  const std::vector<ast::SortItem>* pendingOrderBy_ = nullptr;
  // The hints of the SELECT block whose FROM clause is being bound: its LOOKUP hints go to the
  // lookup joins they name.
  const std::vector<ast::Hint>* selectHints_ = nullptr;
  void appendOrderColumns(const std::vector<ast::SortItem>* orderBy,
                          std::vector<std::pair<plan::ExpressionRef, std::string>>& items,
                          ExpressionContext& context, size_t* hidden);

  BoundStatement bindStatement(const ast::Statement& statement);

  // DDL (bind_ddl.cpp, bind_create_table.cpp)
  BoundStatement createTable(const ast::CreateTable& statement);
  void checkTableOptions(const ast::CreateTable& statement, const TableDefinition& table);
  void applyLike(const ast::CreateTable& statement, TableDefinition& table);
  BoundStatement createView(const ast::CreateView& statement);
  BoundStatement createFunction(const ast::CreateFunction& statement);
  BoundStatement alterView(const ast::AlterView& statement);
  BoundStatement alterFunction(const ast::CreateFunction& statement);
  BoundStatement drop(const ast::Drop& statement);
  BoundStatement alterTable(const ast::AlterTable& statement);
  void applyColumnChanges(const ast::AlterTable& statement, TableDefinition& table);
  BoundStatement show(const ast::Show& statement);
  BoundStatement describe(const ast::NamedStatement& statement);

  // DML (bind_insert.cpp)
  plan::NodeRef insert(const ast::Insert& statement);

  // Types (bind_type.cpp)
  DataType resolveType(const ast::TypeName& type);

  // Queries (bind_query.cpp, bind_select.cpp, bind_aggregate.cpp)
  BoundRelation query(const ast::Query& query, const Scope* outer);
  BoundRelation queryBody(const ast::QueryBody& body, const Scope* outer);
  BoundRelation select(const ast::SelectBlock& select, const Scope* outer);
  BoundRelation projectSelect(const ast::SelectBlock& select, BoundRelation from,
                              const std::vector<ast::SortItem>* orderBy);
  BoundRelation aggregateSelect(const ast::SelectBlock& select, BoundRelation from,
                                const std::vector<ast::SortItem>* orderBy);
  std::vector<std::pair<plan::ExpressionRef, std::string>> selectList(
      const ast::SelectBlock& select, const Scope& scope, ExpressionContext& context);
  void bindGroupWindow(const ast::FunctionCall& call, AggregationState& state);
  BoundRelation setOperation(const ast::SetOperation& operation, const Scope* outer);
  BoundRelation values(const ast::ValuesBody& values, const Scope* outer);
  BoundRelation orderAndLimit(const ast::Query& query, BoundRelation body);

  // FROM clause (bind_relation.cpp, bind_join.cpp, bind_window_tvf.cpp)
  BoundRelation relation(const ast::Relation& relation, const Scope* outer);
  // Tables, views and CTEs never see an enclosing query's columns, so no outer scope here.
  BoundRelation namedTable(const ast::TableRelation& table);
  BoundRelation scanTable(std::shared_ptr<const TableDefinition> table, const std::string& alias,
                          const std::vector<ast::Hint>& hints);
  BoundRelation join(const ast::JoinRelation& join, const Scope* outer);
  // A table function or UNNEST, alone in FROM or as the right side of a (lateral) join.
  BoundRelation tableFunction(const ast::TableFunctionRelation& function, const Scope* outer,
                              const BoundRelation* left, const ast::JoinRelation* join = nullptr);
  BoundRelation windowTableFunction(const ast::FunctionCall& call, const Scope* outer);
  BoundRelation unnest(const ast::UnnestRelation& unnest, const Scope* outer,
                       const BoundRelation* left, const ast::JoinRelation* join = nullptr);
  BoundRelation correlate(plan::NodeRef function, std::vector<plan::Field> columns,
                          const ast::TableAlias& alias, SourceLocation location,
                          const BoundRelation* left, const ast::JoinRelation* join,
                          const Scope* outer);
  BoundRelation matchRecognize(const ast::MatchRecognizeRelation& match, const Scope* outer);
  BoundRelation withAlias(BoundRelation relation, const ast::TableAlias& alias,
                          SourceLocation location);

  // Hints (bind_hints.cpp)
  void checkTableHints(const std::vector<ast::Hint>& hints, const TableDefinition& table);
  std::vector<std::pair<std::string, std::string>> checkQueryHints(
      const std::vector<ast::Hint>& hints);
  // A lookup join against `table` (bind_lookup_join.cpp): its cache options checked, and the
  // LOOKUP hint naming the table or its alias recorded on `join` as "LOOKUP(key)" hints.
  void describeLookupJoin(plan::LogicalNode& join, const ast::TableRelation& table,
                          const plan::LogicalNode& scan);
  // STATE_TTL on a group aggregation names the aggregate's input (Flink 1.19): returns `top`
  // with the TTL recorded on the Aggregate beneath it, or throws for a key naming another
  // table. `inputNames` are the FROM clause's table names or aliases.
  plan::NodeRef applyStateTtlHint(const plan::NodeRef& top, const std::vector<ast::Hint>& hints,
                                  const std::vector<std::string>& inputNames);

  // Expressions (bind_expression.cpp, bind_call.cpp, bind_literal.cpp)
  plan::ExpressionRef bindKind(const ast::Expression& expression, ExpressionContext& context);
  plan::ExpressionRef columnReference(const ast::ColumnReference& column,
                                      ExpressionContext& context);
  plan::ExpressionRef functionCall(const ast::FunctionCall& call, ExpressionContext& context);
  plan::ExpressionRef overCall(const ast::FunctionCall& call, const FunctionDefinition* definition,
                               std::vector<plan::ExpressionRef> operands, DataType type,
                               ExpressionContext& context);
  plan::ExpressionRef typedCall(const std::string& name, const FunctionDefinition* definition,
                                std::vector<plan::ExpressionRef> operands,
                                const std::vector<const ast::Expression*>& sources,
                                SourceLocation location);
  plan::ExpressionRef literal(const ast::Literal& literal);
  plan::ExpressionRef binary(const ast::Binary& binary, ExpressionContext& context);
  plan::ExpressionRef caseExpression(const ast::Case& expression, ExpressionContext& context);
  plan::ExpressionRef subquery(const ast::Expression& expression, ExpressionContext& context);
  plan::ExpressionRef fieldAccess(plan::ExpressionRef base, const std::string& field,
                                  SourceLocation location);
  plan::ExpressionRef coerce(plan::ExpressionRef expression, const DataType& target);
  plan::ExpressionRef requireBoolean(plan::ExpressionRef expression, SourceLocation location,
                                     const char* clause);

  // Interval literals and constant folding for window sizes (bind_literal.cpp)
  int64_t constantMillis(const ast::Expression& expression, const char* what);
};

// Helpers shared by the binder's files.
std::vector<plan::Field> fieldsOf(const Scope& scope);
Scope scopeOf(const std::vector<plan::Field>& fields, const std::string& qualifier);
// Removes the time attribute from a type: the result of any computation on a time attribute is
// a plain timestamp (Flink "materializes" it).
DataType materialized(const DataType& type);

}  // namespace sluice
