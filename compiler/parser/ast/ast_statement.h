// Statements as written. A script is a list of statements in file order.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/parser/ast/ast_query.h"

namespace sluice::ast {

enum class StatementKind : unsigned char {
  CreateTable,
  CreateView,
  CreateFunction,
  CreateCatalog,
  CreateDatabase,
  Drop,
  AlterTable,
  Set,
  Reset,
  Insert,
  StatementSet,
  BeginStatementSet,  // BEGIN STATEMENT SET; (the Blink / SQL client form)
  EndStatementSet,    // END;
  Explain,
  Show,
  Describe,
  Use,
  AddJar,
  Module,  // LOAD MODULE / UNLOAD MODULE / USE MODULES
  AlterView,
  AlterFunction,
  Query,
};

struct Statement {
  Statement(StatementKind kind, SourceLocation location) : kind(kind), location(location) {}
  virtual ~Statement() = default;
  StatementKind kind;
  SourceLocation location;
};
using StatementPtr = std::unique_ptr<Statement>;

struct TableOption {
  SourceLocation location;
  std::string key;    // quotes removed; unquoted (Blink) keys as written
  std::string value;  // quotes removed
  SourceLocation valueLocation;
  bool keyQuoted = false;
};

enum class ColumnKind : unsigned char { Physical, Computed, Metadata };

struct ColumnDefinition {
  SourceLocation location;
  ColumnKind kind = ColumnKind::Physical;
  std::string name;
  bool nameQuoted = false;  // written `back-quoted`
  std::unique_ptr<TypeName> type;  // Physical, Metadata
  ExpressionPtr expression;        // Computed
  std::string metadataKey;         // METADATA FROM 'key' (empty: the column name)
  bool isVirtual = false;
  bool primaryKey = false;         // column-level PRIMARY KEY
  std::string comment;
};

struct WatermarkDefinition {
  SourceLocation location;
  std::string name;  // Blink: WATERMARK wk FOR ...
  std::vector<std::string> column;  // may be a nested field
  SourceLocation columnLocation;
  ExpressionPtr expression;
};

struct PrimaryKeyDefinition {
  SourceLocation location;
  std::vector<std::string> columns;
  bool enforced = false;
};

struct LikeOption {
  std::string strategy;  // INCLUDING / EXCLUDING / OVERWRITING
  std::string feature;   // ALL / CONSTRAINTS / GENERATED / METADATA / OPTIONS / PARTITIONS / WATERMARKS
};

struct CreateTable : Statement {
  explicit CreateTable(SourceLocation location) : Statement(StatementKind::CreateTable, location) {}
  std::vector<std::string> name;
  SourceLocation nameLocation;
  bool temporary = false;
  bool ifNotExists = false;
  std::vector<ColumnDefinition> columns;
  std::optional<WatermarkDefinition> watermark;
  std::optional<PrimaryKeyDefinition> primaryKey;
  bool periodForSystemTime = false;
  std::vector<std::string> partitionedBy;
  std::vector<TableOption> options;
  SourceLocation optionsLocation;
  std::vector<std::string> likeSource;
  SourceLocation likeLocation;
  std::vector<LikeOption> likeOptions;
  std::unique_ptr<Query> asQuery;  // CREATE TABLE .. AS SELECT
  std::string comment;
};

struct CreateView : Statement {
  explicit CreateView(SourceLocation location) : Statement(StatementKind::CreateView, location) {}
  std::vector<std::string> name;
  bool temporary = false;
  bool ifNotExists = false;
  std::vector<std::string> columns;
  std::unique_ptr<Query> query;
};

struct CreateFunction : Statement {
  explicit CreateFunction(SourceLocation location)
      : Statement(StatementKind::CreateFunction, location) {}
  std::vector<std::string> name;
  bool temporary = false;
  bool system = false;
  bool ifNotExists = false;
  std::string identifier;  // the class name / registered identifier
  SourceLocation identifierLocation;
  std::string language;
  std::vector<std::pair<std::string, std::string>> resources;  // USING JAR 'x' / LIBRARY 'y.so'
};

struct AlterView : Statement {
  explicit AlterView(SourceLocation location) : Statement(StatementKind::AlterView, location) {}
  std::vector<std::string> name;
  std::vector<std::string> newName;  // RENAME TO
  std::unique_ptr<Query> query;      // AS query
};

struct CreateCatalogOrDatabase : Statement {
  CreateCatalogOrDatabase(StatementKind kind, SourceLocation location) : Statement(kind, location) {}
  std::vector<std::string> name;
  std::vector<TableOption> options;
};

struct Drop : Statement {
  explicit Drop(SourceLocation location) : Statement(StatementKind::Drop, location) {}
  std::string objectKind;  // TABLE, VIEW, FUNCTION, CATALOG, DATABASE
  std::vector<std::string> name;
  bool ifExists = false;
  bool temporary = false;
};

// A column added or modified by ALTER TABLE, with its requested position.
struct AlteredColumn {
  ColumnDefinition column;
  bool first = false;
  std::string after;  // AFTER column; empty: at the end (ADD) or in place (MODIFY)
};

struct AlterTable : Statement {
  explicit AlterTable(SourceLocation location) : Statement(StatementKind::AlterTable, location) {}
  std::vector<std::string> name;
  std::vector<std::string> newName;  // RENAME TO
  std::string renameColumn, renameColumnTo;
  std::vector<TableOption> setOptions;
  std::vector<std::string> resetKeys;
  bool modify = false;  // MODIFY replaces what ADD would add
  std::vector<AlteredColumn> columns;
  std::optional<WatermarkDefinition> watermark;
  std::optional<PrimaryKeyDefinition> primaryKey;
  std::vector<std::string> dropColumns;
  bool dropPrimaryKey = false;
  bool dropWatermark = false;
  bool ifExists = false;
};

struct Set : Statement {
  explicit Set(SourceLocation location) : Statement(StatementKind::Set, location) {}
  std::optional<std::string> key;  // none: SET alone lists the options
  std::string value;
};

struct Reset : Statement {
  explicit Reset(SourceLocation location) : Statement(StatementKind::Reset, location) {}
  std::optional<std::string> key;  // none: reset all
};

struct Insert : Statement {
  explicit Insert(SourceLocation location) : Statement(StatementKind::Insert, location) {}
  std::vector<std::string> table;
  SourceLocation tableLocation;
  bool overwrite = false;
  std::vector<Hint> hints;
  std::vector<std::pair<std::string, std::optional<std::string>>> staticPartitions;
  std::vector<std::string> columns;
  std::unique_ptr<Query> query;
};

struct StatementSet : Statement {
  explicit StatementSet(SourceLocation location) : Statement(StatementKind::StatementSet, location) {}
  std::vector<std::unique_ptr<Insert>> inserts;
};

struct Explain : Statement {
  explicit Explain(SourceLocation location) : Statement(StatementKind::Explain, location) {}
  std::vector<std::string> details;  // CHANGELOG_MODE, ESTIMATED_COST, JSON_EXECUTION_PLAN
  StatementPtr statement;            // Insert, StatementSet or Query
};

struct Show : Statement {
  explicit Show(SourceLocation location) : Statement(StatementKind::Show, location) {}
  std::string what;  // TABLES, VIEWS, FUNCTIONS, USER FUNCTIONS, CATALOGS, CREATE TABLE, ...
  std::vector<std::string> name;
};

struct NamedStatement : Statement {
  NamedStatement(StatementKind kind, SourceLocation location) : Statement(kind, location) {}
  std::vector<std::string> name;  // DESCRIBE t, USE db
  std::string text;               // ADD JAR 'path'
};

struct QueryStatement : Statement {
  explicit QueryStatement(SourceLocation location) : Statement(StatementKind::Query, location) {}
  std::unique_ptr<Query> query;
};

struct Script {
  std::vector<StatementPtr> statements;
};

}  // namespace sluice::ast
