// What a script has declared so far: tables, views, user functions and SET options. The binder
// reads and updates it statement by statement, as Flink's TableEnvironment does.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/catalog/connector_registry.h"
#include "compiler/diagnostics/source_location.h"
#include "compiler/functions/function_registry.h"
#include "compiler/functions/native_functions.h"
#include "compiler/parser/ast/ast_statement.h"
#include "compiler/types/data_type.h"

namespace sluice {

struct ColumnDefinition {
  std::string name;
  DataType type;  // computed columns: the type of their expression
  ast::ColumnKind kind = ast::ColumnKind::Physical;
  std::shared_ptr<const ast::Expression> expression;  // computed columns, kept for rebinding
  std::string metadataKey;
  bool isVirtual = false;
  std::string comment;
};

struct TableDefinition {
  std::vector<std::string> name;  // catalog, database, table
  SourceLocation location;
  std::vector<ColumnDefinition> columns;
  // WATERMARK FOR column AS expression: the rowtime column (top level) and the expression.
  std::optional<std::string> rowtimeColumn;
  std::shared_ptr<const ast::Expression> watermarkExpression;
  std::vector<std::string> primaryKey;
  bool periodForSystemTime = false;  // Blink dimension table
  std::vector<std::string> partitionKeys;
  std::vector<std::pair<std::string, std::string>> options;
  bool temporary = false;

  std::string qualifiedName() const;
  std::optional<std::string> connector() const;
  int columnIndex(const std::string& column) const;  // -1 when absent
  // The table's row as a query sees it: every column, time attributes marked.
  std::vector<std::pair<std::string, DataType>> rowType() const;
};

struct ViewDefinition {
  std::vector<std::string> name;
  std::vector<std::string> columnNames;  // CREATE VIEW v (a, b) AS ...
  std::shared_ptr<const ast::Query> query;
  SourceLocation location;
};

struct UserFunction {
  std::vector<std::string> name;
  std::string identifier;  // class name / registered identifier
  std::string language;
  bool temporary = false;
  bool system = false;  // TEMPORARY SYSTEM: shadows a built-in function of its name
  // Typing when the identifier names a native library function; nullptr: calls are not
  // type-checked (a Java class Sluice cannot run).
  std::shared_ptr<const FunctionDefinition> implementation;
};

class Catalog {
 public:
  Catalog();

  static constexpr const char* kDefaultCatalog = "default_catalog";
  static constexpr const char* kDefaultDatabase = "default_database";

  // A name as written, completed with the current catalog and database.
  std::vector<std::string> qualify(const std::vector<std::string>& name) const;
  std::string display(const std::vector<std::string>& name) const;

  const TableDefinition* findTable(const std::vector<std::string>& name) const;
  const ViewDefinition* findView(const std::vector<std::string>& name) const;
  const UserFunction* findUserFunction(const std::string& name) const;
  std::vector<std::string> tableAndViewNames() const;  // short names, for suggestions
  std::vector<std::string> userFunctionNames() const;
  std::vector<std::string> tableNames() const;
  std::vector<std::string> viewNames() const;

  void addTable(std::shared_ptr<TableDefinition> table);
  void addView(std::shared_ptr<ViewDefinition> view);
  void addUserFunction(UserFunction function);
  bool dropTable(const std::vector<std::string>& name);
  bool dropView(const std::vector<std::string>& name);
  bool dropUserFunction(const std::string& name);
  std::shared_ptr<const TableDefinition> tableHandle(const std::vector<std::string>& name) const;

  void setCurrentCatalog(std::string catalog) { currentCatalog_ = std::move(catalog); }
  void setCurrentDatabase(std::string database) { currentDatabase_ = std::move(database); }

  void setOption(const std::string& key, const std::string& value) { options_[key] = value; }
  void resetOption(const std::string& key) { options_.erase(key); }
  void resetOptions() { options_.clear(); }
  const std::map<std::string, std::string>& options() const { return options_; }

  const FunctionRegistry& functions() const { return functions_; }
  // The native (UDX) libraries this compilation has loaded.
  NativeLibraries& nativeLibraries() { return nativeLibraries_; }
  const NativeLibraries& nativeLibraries() const { return nativeLibraries_; }
  const ConnectorRegistry& connectors() const { return connectors_; }

 private:
  std::string currentCatalog_ = kDefaultCatalog;
  std::string currentDatabase_ = kDefaultDatabase;
  std::map<std::string, std::shared_ptr<TableDefinition>> tables_;  // by qualified name
  std::map<std::string, std::shared_ptr<ViewDefinition>> views_;
  std::map<std::string, UserFunction> userFunctions_;
  NativeLibraries nativeLibraries_;  // by upper-case short name
  std::map<std::string, std::string> options_;
  FunctionRegistry functions_;
  ConnectorRegistry connectors_;
};

}  // namespace sluice
