#include "compiler/binder/binder.h"

#include <fmt/format.h>

#include "compiler/catalog/optimizer_options.h"
#include "compiler/types/option_values.h"
#include "compiler/types/identifier_case.h"

namespace sluice {

Binder::Binder(Catalog& catalog, DiagnosticSink& diagnostics)
    : catalog_(catalog), diagnostics_(diagnostics) {}

BoundScript Binder::bind(const ast::Script& script) {
  BoundScript result;
  for (const auto& statement : script.statements) {
    try {
      nativeUses_.clear();
      result.statements.push_back(bindStatement(*statement));
      result.optionsAfter.push_back(catalog_.options());
      result.nativeFunctions.push_back(std::move(nativeUses_));
    } catch (const UserError& error) {
      diagnostics_.error(error.location().known() ? error.location() : statement->location,
                         error.what());
    }
  }
  return result;
}

BoundStatement Binder::bindStatement(const ast::Statement& statement) {
  using K = ast::StatementKind;
  BoundStatement result{BoundStatementKind::CatalogChange, statement.location, "", {}, {}, ""};
  switch (statement.kind) {
    case K::CreateTable: return createTable(static_cast<const ast::CreateTable&>(statement));
    case K::CreateView: return createView(static_cast<const ast::CreateView&>(statement));
    case K::CreateFunction: return createFunction(static_cast<const ast::CreateFunction&>(statement));
    case K::Drop: return drop(static_cast<const ast::Drop&>(statement));
    case K::AlterTable: return alterTable(static_cast<const ast::AlterTable&>(statement));
    case K::Show: return show(static_cast<const ast::Show&>(statement));
    case K::AlterView: return alterView(static_cast<const ast::AlterView&>(statement));
    case K::AlterFunction: return alterFunction(static_cast<const ast::CreateFunction&>(statement));
    case K::Describe: return describe(static_cast<const ast::NamedStatement&>(statement));
    case K::CreateCatalog:
    case K::CreateDatabase:
      result.summary = statement.kind == K::CreateCatalog ? "CREATE CATALOG" : "CREATE DATABASE";
      return result;
    case K::Use: {
      const auto& use = static_cast<const ast::NamedStatement&>(statement);
      if (use.text == "CATALOG") {
        catalog_.setCurrentCatalog(use.name.back());
      } else if (use.name.size() == 2) {
        catalog_.setCurrentCatalog(use.name[0]);
        catalog_.setCurrentDatabase(use.name[1]);
      } else {
        catalog_.setCurrentDatabase(use.name.back());
      }
      result.summary = "USE " + use.name.back();
      return result;
    }
    case K::AddJar:
      result.summary = "ADD JAR";
      return result;
    case K::Module:
      // Modules only matter for Hive compatibility; Sluice's functions are all built in.
      result.summary = static_cast<const ast::NamedStatement&>(statement).text;
      return result;
    case K::Set: {
      const auto& set = static_cast<const ast::Set&>(statement);
      // The compiler reads the state TTL itself (per stateful operator), so a bad value is
      // refused here rather than when the job starts.
      if (set.key && *set.key == "table.exec.state.ttl" && !parseDurationMicros(set.value)) {
        throw UserError(set.location, fmt::format("'table.exec.state.ttl' must be a duration such "
                                                  "as '1 h', '30 min' or '0' (never expire), got "
                                                  "'{}'", set.value));
      }
      if (set.key) {
        if (auto error = optimizerOptionError(*set.key, set.value)) {
          throw UserError(set.location, *error);
        }
        if (*set.key == "sqlc.udx.path") loadNativeLibraries(set.value, set.location);
        catalog_.setOption(*set.key, set.value);
      }
      result.summary = "SET";
      return result;
    }
    case K::Reset: {
      const auto& reset = static_cast<const ast::Reset&>(statement);
      if (reset.key) {
        catalog_.resetOption(*reset.key);
      } else {
        catalog_.resetOptions();
      }
      result.summary = "RESET";
      return result;
    }
    case K::Insert: {
      const auto& insertStatement = static_cast<const ast::Insert&>(statement);
      result.kind = BoundStatementKind::Insert;
      result.summary = "INSERT INTO " + insertStatement.table.back();
      result.sinks.push_back(insert(insertStatement));
      return result;
    }
    case K::StatementSet: {
      const auto& set = static_cast<const ast::StatementSet&>(statement);
      result.kind = BoundStatementKind::Insert;
      result.summary = "STATEMENT SET";
      // Every INSERT of the set is checked even when an earlier one fails.
      bool failed = false;
      for (const auto& item : set.inserts) {
        try {
          result.sinks.push_back(insert(*item));
        } catch (const UserError& error) {
          diagnostics_.error(error.location(), error.what());
          failed = true;
        }
      }
      if (failed) result.sinks.clear();
      return result;
    }
    case K::Explain: {
      const auto& explain = static_cast<const ast::Explain&>(statement);
      BoundStatement inner = bindStatement(*explain.statement);
      inner.kind = BoundStatementKind::Explain;
      inner.explainDetails = explain.details;
      inner.location = statement.location;
      return inner;
    }
    case K::Query: {
      const auto& queryStatement = static_cast<const ast::QueryStatement&>(statement);
      result.kind = BoundStatementKind::Query;
      result.summary = "SELECT";
      result.sinks.push_back(query(*queryStatement.query, nullptr).node);
      return result;
    }
    case K::BeginStatementSet:
    case K::EndStatementSet:
      // The parser groups these into a StatementSet; a stray one was already reported.
      return result;
  }
  return result;
}

}  // namespace sluice
