// Dispatch over statement kinds, and the statements that are not DDL.
#include "compiler/parser/ast_builder.h"
#include "compiler/types/identifier_case.h"

namespace sluice {

ast::StatementPtr AstBuilder::statement(P::StatementContext* context) {
  if (auto* c = context->createTable()) return createTable(c);
  if (auto* c = context->createView()) return createView(c);
  if (auto* c = context->createFunction()) return createFunction(c);
  if (auto* c = context->createCatalogOrDatabase()) return createCatalogOrDatabase(c);
  if (auto* c = context->dropStatement()) return drop(c);
  if (auto* c = context->alterTable()) return alterTable(c);
  if (auto* c = context->setStatement()) return set(c);
  if (auto* c = context->resetStatement()) return reset(c);
  if (auto* c = context->insertStatement()) return insert(c);
  if (auto* c = context->statementSet()) return statementSet(c);
  if (auto* c = context->beginStatementSet()) {
    return std::make_unique<ast::Statement>(ast::StatementKind::BeginStatementSet, locationOf(c));
  }
  if (auto* c = context->endStatementSet()) {
    return std::make_unique<ast::Statement>(ast::StatementKind::EndStatementSet, locationOf(c));
  }
  if (auto* c = context->explainStatement()) return explain(c);
  if (auto* c = context->showStatement()) return show(c);
  if (auto* c = context->describeStatement()) {
    auto describe = std::make_unique<ast::NamedStatement>(ast::StatementKind::Describe, locationOf(c));
    describe->name = qualifiedName(c->qualifiedName());
    return describe;
  }
  if (auto* c = context->alterView()) {
    auto alter = std::make_unique<ast::AlterView>(locationOf(c));
    alter->name = qualifiedName(c->name);
    if (c->newName != nullptr) alter->newName = qualifiedName(c->newName);
    if (c->query() != nullptr) alter->query = query(c->query());
    return alter;
  }
  if (auto* c = context->alterFunction()) {
    // The same shape as CREATE FUNCTION, replacing the implementation.
    auto alter = std::make_unique<ast::CreateFunction>(locationOf(c));
    alter->kind = ast::StatementKind::AlterFunction;
    alter->name = qualifiedName(c->name);
    alter->temporary = c->TEMPORARY() != nullptr;
    alter->system = c->SYSTEM() != nullptr;
    alter->ifNotExists = c->EXISTS() != nullptr;  // here: IF EXISTS
    alter->identifier = stringLiteral(c->className);
    alter->identifierLocation = locationOf(c->className);
    if (c->language != nullptr) alter->language = toUpperAscii(identifier(c->language));
    return alter;
  }
  if (auto* c = context->moduleStatement()) {
    std::string action = toUpperAscii(identifier(c->action));
    if ((action != "LOAD" && action != "UNLOAD") || toUpperAscii(identifier(c->kind)) != "MODULE") {
      throw UserError(locationOf(c), "unknown statement '" + identifier(c->action) + " " +
                                         identifier(c->kind) + "'");
    }
    auto module = std::make_unique<ast::NamedStatement>(ast::StatementKind::Module, locationOf(c));
    module->name = {identifier(c->name)};
    module->text = action + " MODULE";
    return module;
  }
  if (auto* c = context->useStatement(); c != nullptr && c->MODULES() != nullptr) {
    auto module = std::make_unique<ast::NamedStatement>(ast::StatementKind::Module, locationOf(c));
    module->name = identifierList(c->identifierList());
    module->text = "USE MODULES";
    return module;
  }
  if (auto* c = context->useStatement()) {
    auto use = std::make_unique<ast::NamedStatement>(ast::StatementKind::Use, locationOf(c));
    use->name = qualifiedName(c->qualifiedName());
    use->text = c->CATALOG() != nullptr ? "CATALOG" : "DATABASE";
    return use;
  }
  if (auto* c = context->addJar()) {
    auto add = std::make_unique<ast::NamedStatement>(ast::StatementKind::AddJar, locationOf(c));
    add->text = stringLiteral(c->stringLiteral());
    return add;
  }
  auto* c = context->queryStatement();
  auto statement = std::make_unique<ast::QueryStatement>(locationOf(c));
  statement->query = query(c->query());
  return statement;
}

// The SQL client's legacy `SET key=value` spells keys with dashes and dots unquoted; the text of
// the tokens (hidden whitespace excluded) is the key and value.
static std::pair<std::string, std::string> splitLegacyOption(const std::string& text) {
  auto equals = text.find('=');
  if (equals == std::string::npos) return {text, ""};
  std::string value = text.substr(equals + 1);
  if (value.size() >= 2 && (value.front() == '\'' || value.front() == '"') &&
      value.back() == value.front()) {
    value = value.substr(1, value.size() - 2);
  }
  return {text.substr(0, equals), value};
}

ast::StatementPtr AstBuilder::set(P::SetStatementContext* context) {
  auto set = std::make_unique<ast::Set>(locationOf(context));
  if (context->key != nullptr) {
    set->key = stringLiteral(context->key);
    set->value = stringLiteral(context->value);
  } else if (context->legacy != nullptr) {
    auto [key, value] = splitLegacyOption(context->legacy->getText());
    set->key = key;
    set->value = value;
  }
  return set;
}

ast::StatementPtr AstBuilder::reset(P::ResetStatementContext* context) {
  auto reset = std::make_unique<ast::Reset>(locationOf(context));
  if (context->key != nullptr) reset->key = stringLiteral(context->key);
  if (context->legacy != nullptr) reset->key = context->legacy->getText();
  return reset;
}

std::unique_ptr<ast::Insert> AstBuilder::insert(P::InsertStatementContext* context) {
  auto insert = std::make_unique<ast::Insert>(locationOf(context));
  insert->table = qualifiedName(context->tableName);
  insert->tableLocation = locationOf(context->tableName);
  insert->overwrite = context->OVERWRITE() != nullptr;
  if (context->hint() != nullptr) insert->hints = hints(context->hint());
  for (auto* partition : context->partitionValue()) {
    std::optional<std::string> value;
    if (auto* literalContext = partition->literal()) {
      auto* text = dynamic_cast<P::StringLiteralExpressionContext*>(literalContext);
      value = text != nullptr ? stringLiteral(text->stringLiteral(0)) : literalContext->getText();
    }
    insert->staticPartitions.emplace_back(identifier(partition->identifier()), value);
  }
  insert->columns = identifierList(context->targetColumns);
  insert->query = query(context->query());
  return insert;
}

ast::StatementPtr AstBuilder::statementSet(P::StatementSetContext* context) {
  auto set = std::make_unique<ast::StatementSet>(locationOf(context));
  for (auto* item : context->insertStatement()) set->inserts.push_back(insert(item));
  return set;
}

ast::StatementPtr AstBuilder::explain(P::ExplainStatementContext* context) {
  auto explain = std::make_unique<ast::Explain>(locationOf(context));
  for (auto* detail : context->explainDetail()) {
    std::string name = toUpperAscii(identifier(detail->identifier()));
    static const char* kKnown[] = {"CHANGELOG_MODE", "ESTIMATED_COST", "JSON_EXECUTION_PLAN",
                                   "PLAN_ADVICE"};
    bool known = false;
    for (const char* k : kKnown) known = known || name == k;
    if (!known) {
      throw UserError(locationOf(detail), "unknown EXPLAIN detail '" + name +
                                              "'; expected CHANGELOG_MODE, ESTIMATED_COST, "
                                              "JSON_EXECUTION_PLAN or PLAN_ADVICE");
    }
    explain->details.push_back(name);
  }
  if (auto* c = context->insertStatement()) {
    explain->statement = insert(c);
  } else if (auto* c = context->statementSet()) {
    explain->statement = statementSet(c);
  } else {
    auto statement = std::make_unique<ast::QueryStatement>(locationOf(context->query()));
    statement->query = query(context->query());
    explain->statement = std::move(statement);
  }
  return explain;
}

ast::StatementPtr AstBuilder::show(P::ShowStatementContext* context) {
  auto show = std::make_unique<ast::Show>(locationOf(context));
  if (auto* create = dynamic_cast<P::ShowCreateContext*>(context)) {
    show->what = create->TABLE() != nullptr ? "CREATE TABLE" : "CREATE VIEW";
    show->name = qualifiedName(create->qualifiedName());
  } else if (auto* objects = dynamic_cast<P::ShowObjectsContext*>(context)) {
    auto* c = objects;
    show->what = c->FUNCTIONS() != nullptr ? "FUNCTIONS" : toUpperAscii(identifier(c->identifier()));
    static const char* kKnown[] = {"TABLES", "VIEWS", "FUNCTIONS", "CATALOGS", "DATABASES",
                                   "MODULES", "JARS", "COLUMNS", "PARTITIONS"};
    bool known = false;
    for (const char* k : kKnown) known = known || show->what == k;
    if (!known) {
      throw UserError(locationOf(c), "cannot SHOW '" + show->what +
                                         "'; expected TABLES, VIEWS, FUNCTIONS, CATALOGS, "
                                         "DATABASES, MODULES, JARS or COLUMNS");
    }
    if (c->qualifiedName() != nullptr) show->name = qualifiedName(c->qualifiedName());
  } else if (auto* user = dynamic_cast<P::ShowUserFunctionsContext*>(context)) {
    show->what = "USER FUNCTIONS";
    if (toUpperAscii(identifier(user->identifier())) != "USER") {
      throw UserError(locationOf(user->identifier()), "expected SHOW USER FUNCTIONS");
    }
  } else {
    auto* current = dynamic_cast<P::ShowCurrentContext*>(context);
    show->what = current->CATALOG() != nullptr ? "CURRENT CATALOG" : "CURRENT DATABASE";
  }
  return show;
}

}  // namespace sluice
