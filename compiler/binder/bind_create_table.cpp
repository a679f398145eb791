// CREATE TABLE: column types, computed columns, the watermark, the primary key, partition keys,
// LIKE, and the WITH options checked against the connector's declared options.
#include <fmt/format.h>

#include "compiler/binder/binder.h"
#include "compiler/parser/reserved_keywords.h"
#include "compiler/types/identifier_case.h"

namespace sluice {

namespace {

SourceLocation optionLocation(const ast::CreateTable& statement, const std::string& key) {
  for (const auto& option : statement.options) {
    if (option.key == key || equalsIgnoreCase(option.key, key)) return option.location;
  }
  return statement.optionsLocation.known() ? statement.optionsLocation : statement.nameLocation;
}

bool hasLikeOption(const ast::CreateTable& statement, const std::string& strategy,
                   const std::string& feature) {
  for (const auto& option : statement.likeOptions) {
    if (option.strategy == strategy && (option.feature == feature || option.feature == "ALL")) {
      return true;
    }
  }
  return false;
}

}  // namespace

void Binder::applyLike(const ast::CreateTable& statement, TableDefinition& table) {
  const TableDefinition* source = catalog_.findTable(statement.likeSource);
  if (source == nullptr) {
    throw UserError(statement.likeLocation,
                    "table '" + catalog_.display(statement.likeSource) + "' not found for LIKE");
  }
  // Flink's default is INCLUDING ALL OVERWRITING OPTIONS.
  auto excluded = [&](const std::string& feature) {
    return hasLikeOption(statement, "EXCLUDING", feature) &&
           !hasLikeOption(statement, "INCLUDING", feature == "ALL" ? "__none" : feature);
  };
  std::vector<ColumnDefinition> columns;
  for (const auto& column : source->columns) {
    if (column.kind == ast::ColumnKind::Computed && excluded("GENERATED")) continue;
    if (column.kind == ast::ColumnKind::Metadata && excluded("METADATA")) continue;
    columns.push_back(column);
  }
  columns.insert(columns.end(), table.columns.begin(), table.columns.end());
  table.columns = std::move(columns);
  if (!table.rowtimeColumn && source->rowtimeColumn && !excluded("WATERMARKS")) {
    table.rowtimeColumn = source->rowtimeColumn;
    table.watermarkExpression = source->watermarkExpression;
  }
  if (table.primaryKey.empty() && !excluded("CONSTRAINTS")) table.primaryKey = source->primaryKey;
  if (table.partitionKeys.empty() && !excluded("PARTITIONS")) table.partitionKeys = source->partitionKeys;
  if (!excluded("OPTIONS")) {
    auto options = source->options;
    for (const auto& [key, value] : table.options) {
      bool replaced = false;
      for (auto& existing : options) {
        if (existing.first == key) {
          existing.second = value;
          replaced = true;
        }
      }
      if (!replaced) options.emplace_back(key, value);
    }
    table.options = std::move(options);
  }
}

void Binder::checkTableOptions(const ast::CreateTable& statement, const TableDefinition& table) {
  if (table.options.empty()) {
    diagnostics_.warning(statement.nameLocation,
                         "table '" + table.name.back() + "' has no WITH options; it cannot be "
                         "read or written until it names a connector");
    return;
  }
  for (const auto& problem : catalog_.connectors().validate(table.options)) {
    SourceLocation location = problem.key.empty() ? optionLocation(statement, "connector")
                                                  : optionLocation(statement, problem.key);
    if (problem.key.empty()) {
      // A problem with the connector itself: point at the value that names it.
      for (const char* key : {"connector", "connector.type", "type"}) {
        for (const auto& option : statement.options) {
          if (equalsIgnoreCase(option.key, key)) location = option.valueLocation;
        }
      }
    } else if (problem.message.find("value") != std::string::npos) {
      for (const auto& option : statement.options) {
        if (option.key == problem.key) location = option.valueLocation;
      }
    }
    diagnostics_.error(location, problem.message);
  }
}

BoundStatement Binder::createTable(const ast::CreateTable& statement) {
  auto table = std::make_shared<TableDefinition>();
  table->name = statement.name;
  table->location = statement.location;
  table->temporary = statement.temporary;
  table->periodForSystemTime = statement.periodForSystemTime;
  blinkTypeDefaults_ = false;
  for (const auto& option : statement.options) {
    if (!option.keyQuoted && equalsIgnoreCase(option.key, "type")) blinkTypeDefaults_ = true;
  }
  struct ResetDefaults {
    bool& flag;
    ~ResetDefaults() { flag = false; }
  } resetDefaults{blinkTypeDefaults_};
  for (const auto& option : statement.options) {
    for (const auto& [key, value] : table->options) {
      bool same = option.keyQuoted ? key == option.key : equalsIgnoreCase(key, option.key);
      if (same) throw UserError(option.location, "option '" + option.key + "' is given twice");
    }
    table->options.emplace_back(option.key, option.value);
  }
  if (catalog_.findTable(statement.name) != nullptr || catalog_.findView(statement.name) != nullptr) {
    if (statement.ifNotExists) return {BoundStatementKind::CatalogChange, statement.location,
                                       "CREATE TABLE " + statement.name.back() + " (exists)", {}, {}, ""};
    throw UserError(statement.nameLocation,
                    "table '" + catalog_.display(statement.name) + "' already exists");
  }

  // CREATE TABLE .. AS SELECT: the columns are the query's; the statement also writes it.
  std::optional<BoundRelation> source;
  if (statement.asQuery) {
    if (!statement.columns.empty() || !statement.likeSource.empty()) {
      throw UserError(statement.nameLocation, "CREATE TABLE AS SELECT takes its columns from the "
                                              "query; declare no columns and no LIKE");
    }
    source = query(*statement.asQuery, nullptr);
    for (const auto& field : source->node->schema) {
      ColumnDefinition column;
      column.name = field.name;
      column.type = materialized(field.type);
      table->columns.push_back(std::move(column));
    }
  }
  // Stored columns first, so computed columns can refer to any of them.
  std::vector<ScopeField> stored;
  for (const auto& column : statement.columns) {
    for (const auto& existing : table->columns) {
      if (equalsIgnoreCase(existing.name, column.name)) {
        throw UserError(column.location, "duplicate column '" + column.name + "'");
      }
    }
    if (!blinkTypeDefaults_ && !column.nameQuoted && isFlinkReservedKeyword(column.name)) {
      throw UserError(column.location, fmt::format("'{}' is a reserved keyword in Flink SQL; quote "
                                                   "the column name as `{}`", column.name, column.name));
    }
    ColumnDefinition definition;
    definition.name = column.name;
    definition.kind = column.kind;
    definition.comment = column.comment;
    definition.metadataKey = column.metadataKey;
    definition.isVirtual = column.isVirtual;
    if (column.kind != ast::ColumnKind::Computed) {
      definition.type = resolveType(*column.type);
      stored.push_back({"", column.name, definition.type});
    }
    table->columns.push_back(std::move(definition));
  }
  if (!statement.likeSource.empty()) {
    applyLike(statement, *table);
    stored.clear();
    for (const auto& column : table->columns) {
      if (column.kind != ast::ColumnKind::Computed) stored.push_back({"", column.name, column.type});
    }
  }
  Scope storedScope(stored);
  ExpressionContext context;
  context.scope = &storedScope;
  context.clause = "a computed column";
  for (size_t i = 0; i < statement.columns.size(); ++i) {
    const auto& column = statement.columns[i];
    if (column.kind != ast::ColumnKind::Computed) continue;
    auto bound = bindExpression(*column.expression, context);
    int index = table->columnIndex(column.name);
    auto& definition = table->columns[static_cast<size_t>(index)];
    definition.type = bound->type;
    definition.expression = std::shared_ptr<const ast::Expression>(
        std::shared_ptr<const ast::CreateTable>(), column.expression.get());
  }

  if (statement.watermark) {
    const auto& watermark = *statement.watermark;
    if (watermark.column.size() != 1) {
      throw UserError(watermark.columnLocation, "the rowtime column of a WATERMARK must be a "
                                                "top-level column, not a nested field");
    }
    int index = table->columnIndex(watermark.column[0]);
    if (index < 0) {
      std::vector<std::string> names;
      for (const auto& c : table->columns) names.push_back(c.name);
      std::string message = "WATERMARK column '" + watermark.column[0] + "' not found";
      std::string near = nearestName(watermark.column[0], names);
      if (!near.empty()) message += "; did you mean '" + near + "'?";
      throw UserError(watermark.columnLocation, message);
    }
    auto& rowtime = table->columns[static_cast<size_t>(index)];
    if (!rowtime.type.isTimestamp() || rowtime.type.precision() > 3) {
      throw UserError(watermark.columnLocation,
                      fmt::format("the rowtime column '{}' must be TIMESTAMP(p) or "
                                  "TIMESTAMP_LTZ(p) with a precision p from 0 to 3, got {}",
                                  rowtime.name, rowtime.type.toString()));
    }
    std::vector<ScopeField> all;
    for (const auto& c : table->columns) all.push_back({"", c.name, c.type});
    Scope allScope(all);
    ExpressionContext watermarkContext;
    watermarkContext.scope = &allScope;
    watermarkContext.clause = "a WATERMARK";
    auto bound = bindExpression(*watermark.expression, watermarkContext);
    if (!bound->type.isTimestamp()) {
      throw UserError(watermark.expression->location,
                      "the WATERMARK expression must return TIMESTAMP or TIMESTAMP_LTZ, got " +
                          bound->type.toString());
    }
    rowtime.type = rowtime.type.withTimeAttribute(TimeAttribute::Rowtime);
    table->rowtimeColumn = rowtime.name;
    table->watermarkExpression = std::shared_ptr<const ast::Expression>(
        std::shared_ptr<const ast::CreateTable>(), watermark.expression.get());
  }
  if (statement.primaryKey) {
    for (const auto& name : statement.primaryKey->columns) {
      int index = table->columnIndex(name);
      if (index < 0) throw UserError(statement.primaryKey->location, "PRIMARY KEY column '" + name + "' not found");
      auto& column = table->columns[static_cast<size_t>(index)];
      if (column.kind != ast::ColumnKind::Physical) {
        throw UserError(statement.primaryKey->location,
                        "PRIMARY KEY column '" + name + "' must be a physical column");
      }
      column.type = column.type.notNull();  // as Flink: key columns are NOT NULL
      table->primaryKey.push_back(column.name);
    }
  }
  for (const auto& name : statement.partitionedBy) {
    if (table->columnIndex(name) < 0) {
      throw UserError(statement.location, "PARTITIONED BY column '" + name + "' not found");
    }
    table->partitionKeys.push_back(name);
  }
  checkTableOptions(statement, *table);
  std::string summary = "CREATE TABLE " + statement.name.back();
  catalog_.addTable(table);
  if (!source) return {BoundStatementKind::CatalogChange, statement.location, summary, {}, {}, ""};
  auto sink = nodes_.make(plan::NodeKind::Sink);
  sink->tableName = table->qualifiedName();
  sink->table = table;
  sink->inputs.push_back(source->node);
  for (const auto& column : table->columns) sink->schema.push_back({column.name, column.type});
  return {BoundStatementKind::Insert, statement.location, summary + " AS SELECT", {sink}, {}, ""};
}

}  // namespace sluice
