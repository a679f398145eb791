// INSERT INTO / OVERWRITE: the query's columns are matched to the sink's persisted columns (by
// position, or by the listed names), checked for type compatibility and cast where Flink would.
#include <fmt/format.h>

#include "compiler/binder/binder.h"
#include "compiler/functions/type_rules.h"
#include "compiler/types/identifier_case.h"

namespace sluice {

plan::NodeRef Binder::insert(const ast::Insert& statement) {
  if (catalog_.findView(statement.table) != nullptr) {
    throw UserError(statement.tableLocation, "cannot INSERT into view '" + statement.table.back() + "'");
  }
  auto table = catalog_.tableHandle(statement.table);
  if (!table) {
    std::string message = "table '" + catalog_.display(statement.table) + "' not found";
    std::string near = nearestName(statement.table.back(), catalog_.tableNames());
    if (!near.empty()) message += "; did you mean '" + near + "'?";
    throw UserError(statement.tableLocation, message);
  }
  // Persisted columns: physical and non-virtual metadata columns, minus static partitions.
  std::vector<int> persisted;
  for (size_t i = 0; i < table->columns.size(); ++i) {
    const auto& column = table->columns[i];
    if (column.kind == ast::ColumnKind::Computed || column.isVirtual) continue;
    bool staticPartition = false;
    for (const auto& [name, value] : statement.staticPartitions) {
      staticPartition = staticPartition || equalsIgnoreCase(name, column.name);
    }
    if (!staticPartition) persisted.push_back(static_cast<int>(i));
  }
  for (const auto& [name, value] : statement.staticPartitions) {
    if (std::find(table->partitionKeys.begin(), table->partitionKeys.end(), name) ==
        table->partitionKeys.end()) {
      throw UserError(statement.tableLocation,
                      fmt::format("'{}' is not a partition column of '{}'", name, table->name.back()));
    }
  }
  std::vector<int> targets = persisted;
  if (!statement.columns.empty()) {
    targets.clear();
    for (const auto& name : statement.columns) {
      int index = table->columnIndex(name);
      if (index < 0 || std::find(persisted.begin(), persisted.end(), index) == persisted.end()) {
        throw UserError(statement.tableLocation, fmt::format("column '{}' is not a writable column "
                                                             "of '{}'", name, table->name.back()));
      }
      targets.push_back(index);
    }
  }
  BoundRelation source = query(*statement.query, nullptr);
  const auto& fields = source.node->schema;
  if (fields.size() != targets.size()) {
    throw UserError(statement.tableLocation,
                    fmt::format("column count mismatch: the query returns {} columns but sink '{}' "
                                "expects {}", fields.size(), table->name.back(), targets.size()));
  }
  // Where to point for column i: its SELECT item when the query is a plain SELECT list.
  auto columnLocation = [&](size_t i) {
    const auto* select = statement.query->body->kind == ast::QueryBody::Kind::Select
                             ? static_cast<const ast::SelectBlock*>(statement.query->body.get())
                             : nullptr;
    if (select == nullptr) return statement.query->location;
    for (const auto& item : select->items) {
      if (item.kind != ast::SelectItem::Kind::Expression) return statement.query->location;
    }
    return i < select->items.size() ? select->items[i].location : statement.query->location;
  };
  auto project = nodes_.make(plan::NodeKind::Project);
  project->inputs.push_back(source.node);
  bool needsProject = !statement.columns.empty();
  for (int target : persisted) {
    const auto& column = table->columns[static_cast<size_t>(target)];
    auto position = std::find(targets.begin(), targets.end(), target);
    plan::ExpressionRef value;
    if (position == targets.end()) {
      if (!column.type.nullable()) {
        throw UserError(statement.tableLocation,
                        fmt::format("column '{}' is NOT NULL and must be written", column.name));
      }
      value = plan::literal("NULL", column.type);
    } else {
      size_t i = static_cast<size_t>(position - targets.begin());
      DataType from = materialized(fields[i].type);
      DataType to = materialized(column.type);
      value = plan::inputRef(static_cast<int>(i), fields[i].type);
      if (!from.sameTypeIgnoringNullability(to)) {
        if (from.kind() != TypeKind::Null && !canCastImplicitly(from, to) &&
            !(from.isCharacterString() && to.isCharacterString())) {
          throw UserError(columnLocation(i),
                          fmt::format("incompatible types for sink column '{}' of '{}': the "
                                      "column is {} but the query gives {}", column.name,
                                      table->name.back(), to.toString(), from.toString()));
        }
        value = plan::cast(value, to.withNullable(from.nullable()));
        needsProject = true;
      }
    }
    project->expressions.push_back(value);
    project->schema.push_back({column.name, value->type});
  }
  auto sink = nodes_.make(plan::NodeKind::Sink);
  sink->tableName = table->qualifiedName();
  sink->table = table;
  sink->overwrite = statement.overwrite;
  checkTableHints(statement.hints, *table);
  for (const auto& hint : statement.hints) {
    sink->hints.insert(sink->hints.end(), hint.options.begin(), hint.options.end());
  }
  sink->inputs.push_back(needsProject ? plan::NodeRef(project) : source.node);
  for (int target : persisted) {
    const auto& column = table->columns[static_cast<size_t>(target)];
    sink->schema.push_back({column.name, column.type});
  }
  return sink;
}

}  // namespace sluice
