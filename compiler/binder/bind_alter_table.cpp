// ALTER TABLE's schema changes: ADD / MODIFY columns (with FIRST / AFTER positions), the
// watermark and the primary key; DROP of columns, the key or the watermark; RENAME of a column.
#include <fmt/format.h>

#include "compiler/binder/binder.h"
#include "compiler/types/identifier_case.h"

namespace sluice {

namespace {

int indexOf(const TableDefinition& table, const std::string& name, SourceLocation location) {
  int index = table.columnIndex(name);
  if (index < 0) {
    throw UserError(location, fmt::format("column '{}' not found in table '{}'", name, table.name.back()));
  }
  return index;
}

}  // namespace

void Binder::applyColumnChanges(const ast::AlterTable& statement, TableDefinition& table) {
  if (!statement.renameColumn.empty()) {
    int index = indexOf(table, statement.renameColumn, statement.location);
    if (table.columnIndex(statement.renameColumnTo) >= 0) {
      throw UserError(statement.location, "column '" + statement.renameColumnTo + "' already exists");
    }
    std::string old = table.columns[static_cast<size_t>(index)].name;
    table.columns[static_cast<size_t>(index)].name = statement.renameColumnTo;
    for (auto& key : table.primaryKey) {
      if (key == old) key = statement.renameColumnTo;
    }
    if (table.rowtimeColumn == old) table.rowtimeColumn = statement.renameColumnTo;
  }
  for (const auto& name : statement.dropColumns) {
    int index = indexOf(table, name, statement.location);
    if (std::find(table.primaryKey.begin(), table.primaryKey.end(), name) != table.primaryKey.end() ||
        table.rowtimeColumn == name) {
      throw UserError(statement.location, fmt::format("column '{}' is used by the primary key or "
                                                      "the watermark; drop those first", name));
    }
    table.columns.erase(table.columns.begin() + index);
  }
  if (statement.dropPrimaryKey) {
    if (table.primaryKey.empty()) throw UserError(statement.location, "the table has no primary key");
    table.primaryKey.clear();
  }
  if (statement.dropWatermark) {
    if (!table.rowtimeColumn) throw UserError(statement.location, "the table has no watermark");
    int index = table.columnIndex(*table.rowtimeColumn);
    auto& column = table.columns[static_cast<size_t>(index)];
    column.type = materialized(column.type);
    table.rowtimeColumn.reset();
    table.watermarkExpression.reset();
  }
  for (const auto& altered : statement.columns) {
    const auto& column = altered.column;
    int existing = table.columnIndex(column.name);
    if (!statement.modify && existing >= 0) {
      throw UserError(column.location, "column '" + column.name + "' already exists");
    }
    if (statement.modify && existing < 0) {
      throw UserError(column.location, "column '" + column.name + "' does not exist");
    }
    ColumnDefinition definition{column.name, DataType(), column.kind, nullptr,
                                column.metadataKey, column.isVirtual, column.comment};
    if (column.kind == ast::ColumnKind::Computed) {
      std::vector<ScopeField> stored;
      for (const auto& c : table.columns) {
        if (c.kind != ast::ColumnKind::Computed) stored.push_back({"", c.name, c.type});
      }
      Scope scope(stored);
      ExpressionContext context;
      context.scope = &scope;
      context.clause = "a computed column";
      definition.type = bindExpression(*column.expression, context)->type;
      definition.expression = std::shared_ptr<const ast::Expression>(
          std::shared_ptr<const ast::AlterTable>(), column.expression.get());
    } else {
      definition.type = resolveType(*column.type);
    }
    if (existing >= 0) table.columns.erase(table.columns.begin() + existing);
    size_t position = existing >= 0 ? static_cast<size_t>(existing) : table.columns.size();
    if (altered.first) position = 0;
    if (!altered.after.empty()) position = static_cast<size_t>(indexOf(table, altered.after, column.location)) + 1;
    table.columns.insert(table.columns.begin() + static_cast<long>(position), std::move(definition));
  }
  if (statement.primaryKey) {
    table.primaryKey.clear();
    for (const auto& name : statement.primaryKey->columns) {
      int index = indexOf(table, name, statement.primaryKey->location);
      auto& column = table.columns[static_cast<size_t>(index)];
      column.type = column.type.notNull();
      table.primaryKey.push_back(column.name);
    }
  }
  if (statement.watermark) {
    const auto& watermark = *statement.watermark;
    int index = indexOf(table, watermark.column.back(), watermark.columnLocation);
    auto& rowtime = table.columns[static_cast<size_t>(index)];
    if (!rowtime.type.isTimestamp() || rowtime.type.precision() > 3) {
      throw UserError(watermark.columnLocation,
                      fmt::format("the rowtime column '{}' must be TIMESTAMP(p) or TIMESTAMP_LTZ(p) "
                                  "with p from 0 to 3, got {}", rowtime.name, rowtime.type.toString()));
    }
    if (table.rowtimeColumn) {
      int previous = table.columnIndex(*table.rowtimeColumn);
      auto& old = table.columns[static_cast<size_t>(previous)];
      old.type = materialized(old.type);
    }
    rowtime.type = rowtime.type.withTimeAttribute(TimeAttribute::Rowtime);
    table.rowtimeColumn = rowtime.name;
    table.watermarkExpression = std::shared_ptr<const ast::Expression>(
        std::shared_ptr<const ast::AlterTable>(), watermark.expression.get());
  }
}

}  // namespace sluice
