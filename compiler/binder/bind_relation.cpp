// FROM items: tables (with their computed columns and watermark), views and CTEs (inlined),
// derived tables, and aliases.
#include <fmt/format.h>

#include "compiler/binder/binder.h"
#include "compiler/types/identifier_case.h"

namespace sluice {

BoundRelation Binder::withAlias(BoundRelation relation, const ast::TableAlias& alias,
                                SourceLocation location) {
  if (alias.name.empty()) return relation;
  std::vector<ScopeField> fields = relation.scope.fields();
  if (!alias.columns.empty()) {
    if (alias.columns.size() != fields.size()) {
      throw UserError(location, fmt::format("alias '{}' names {} columns but the relation has {}",
                                            alias.name, alias.columns.size(), fields.size()));
    }
    auto project = nodes_.make(plan::NodeKind::Project);
    project->inputs.push_back(relation.node);
    for (size_t i = 0; i < fields.size(); ++i) {
      fields[i].name = alias.columns[i];
      project->expressions.push_back(plan::inputRef(static_cast<int>(i), fields[i].type));
      project->schema.push_back({fields[i].name, fields[i].type});
    }
    relation.node = project;
  }
  for (auto& f : fields) f.qualifier = alias.name;
  Scope scope(std::move(fields));
  scope.setOuter(relation.scope.outer());
  relation.scope = std::move(scope);
  return relation;
}

BoundRelation Binder::relation(const ast::Relation& relation, const Scope* outer) {
  switch (relation.kind) {
    case ast::RelationKind::Table:
      return namedTable(static_cast<const ast::TableRelation&>(relation));
    case ast::RelationKind::Derived: {
      const auto& derived = static_cast<const ast::DerivedRelation&>(relation);
      if (derived.systemTimeAsOf) {
        throw UserError(derived.systemTimeAsOf->location,
                        "FOR SYSTEM_TIME AS OF is only allowed on the right side of a join");
      }
      BoundRelation bound = query(*derived.query, derived.lateral ? outer : nullptr);
      return withAlias(std::move(bound), derived.alias, derived.location);
    }
    case ast::RelationKind::TableFunction:
      return tableFunction(static_cast<const ast::TableFunctionRelation&>(relation), outer, nullptr);
    case ast::RelationKind::Unnest:
      return unnest(static_cast<const ast::UnnestRelation&>(relation), outer, nullptr);
    case ast::RelationKind::Join: {
      BoundRelation bound = join(static_cast<const ast::JoinRelation&>(relation), outer);
      return withAlias(std::move(bound), relation.alias, relation.location);
    }
    case ast::RelationKind::MatchRecognize:
      return matchRecognize(static_cast<const ast::MatchRecognizeRelation&>(relation), outer);
  }
  throw UserError(relation.location, "unsupported FROM item");
}

BoundRelation Binder::namedTable(const ast::TableRelation& table) {
  std::string alias = table.alias.name.empty() ? table.name.back() : table.alias.name;
  if (table.systemTimeAsOf) {
    throw UserError(table.systemTimeAsOf->location,
                    "FOR SYSTEM_TIME AS OF is only allowed on the right side of a join");
  }
  // A CTE, innermost first. It is bound with only the CTEs declared before it in scope.
  if (table.name.size() == 1) {
    for (size_t level = ctes_.size(); level-- > 0;) {
      const auto& declared = ctes_[level];
      for (size_t position = 0; position < declared.size(); ++position) {
        const ast::CommonTableExpression* cte = declared[position];
        if (!equalsIgnoreCase(cte->name, table.name[0])) continue;
        auto saved = ctes_;
        ctes_.resize(level + 1);
        ctes_.back().resize(position);
        BoundRelation bound;
        try {
          bound = query(*cte->query, nullptr);
        } catch (...) {
          ctes_ = std::move(saved);
          throw;
        }
        ctes_ = std::move(saved);
        if (!cte->columns.empty()) {
          bound = withAlias(std::move(bound), ast::TableAlias{alias, cte->columns}, cte->location);
        }
        return withAlias(std::move(bound), ast::TableAlias{alias, table.alias.columns},
                         table.location);
      }
    }
  }
  if (const ViewDefinition* view = catalog_.findView(table.name)) {
    if (viewDepth_ > 32) throw UserError(table.location, "view '" + view->name.back() + "' refers to itself");
    ++viewDepth_;
    auto savedCtes = std::move(ctes_);
    ctes_.clear();
    BoundRelation bound;
    try {
      bound = query(*view->query, nullptr);
    } catch (const UserError& error) {
      ctes_ = std::move(savedCtes);
      --viewDepth_;
      throw UserError(table.location, fmt::format("in view '{}': {}", view->name.back(), error.what()));
    }
    ctes_ = std::move(savedCtes);
    --viewDepth_;
    if (!view->columnNames.empty()) {
      bound = withAlias(std::move(bound), ast::TableAlias{alias, view->columnNames}, table.location);
    }
    return withAlias(std::move(bound), ast::TableAlias{alias, table.alias.columns}, table.location);
  }
  auto definition = catalog_.tableHandle(table.name);
  if (!definition) {
    std::string name = catalog_.display(table.name);
    std::string message = "table '" + name + "' not found";
    std::string near = nearestName(table.name.back(), catalog_.tableAndViewNames());
    if (!near.empty()) message += "; did you mean '" + near + "'?";
    throw UserError(table.location, message);
  }
  BoundRelation bound = scanTable(definition, alias, table.hints);
  return withAlias(std::move(bound), ast::TableAlias{alias, table.alias.columns}, table.location);
}

BoundRelation Binder::scanTable(std::shared_ptr<const TableDefinition> table,
                                const std::string& alias, const std::vector<ast::Hint>& hints) {
  auto scan = nodes_.make(plan::NodeKind::TableScan);
  scan->tableName = table->qualifiedName();
  scan->table = table;
  checkTableHints(hints, *table);
  for (const auto& hint : hints) {
    scan->hints.insert(scan->hints.end(), hint.options.begin(), hint.options.end());
  }
  std::vector<ScopeField> stored;
  bool hasComputed = false;
  for (const auto& column : table->columns) {
    if (column.kind == ast::ColumnKind::Computed) {
      hasComputed = true;
      continue;
    }
    // Time attributes are assigned after the watermark, not by the scan.
    scan->schema.push_back({column.name, materialized(column.type)});
    stored.push_back({alias, column.name, materialized(column.type)});
  }
  plan::NodeRef node = scan;
  Scope storedScope(stored);
  if (hasComputed) {
    auto project = nodes_.make(plan::NodeKind::Project);
    project->inputs.push_back(scan);
    ExpressionContext context;
    context.scope = &storedScope;
    context.clause = "a computed column";
    int storedIndex = 0;
    for (const auto& column : table->columns) {
      plan::ExpressionRef e;
      if (column.kind == ast::ColumnKind::Computed) {
        e = bindExpression(*column.expression, context);
      } else {
        e = plan::inputRef(storedIndex, materialized(column.type));
        ++storedIndex;
      }
      project->expressions.push_back(e);
      project->schema.push_back({column.name, e->type});
    }
    node = project;
  }
  if (table->rowtimeColumn) {
    int rowtime = table->columnIndex(*table->rowtimeColumn);
    auto watermark = nodes_.make(plan::NodeKind::WatermarkAssigner);
    watermark->inputs.push_back(node);
    watermark->schema = node->schema;
    watermark->rowtimeField = rowtime;
    std::vector<ScopeField> fields;
    for (const auto& f : node->schema) fields.push_back({alias, f.name, f.type});
    Scope scope(fields);
    ExpressionContext context;
    context.scope = &scope;
    context.clause = "a WATERMARK";
    watermark->expressions.push_back(bindExpression(*table->watermarkExpression, context));
    auto& field = watermark->schema[static_cast<size_t>(rowtime)];
    field.type = field.type.withTimeAttribute(TimeAttribute::Rowtime);
    node = watermark;
  }
  std::vector<ScopeField> fields;
  for (size_t i = 0; i < table->columns.size(); ++i) {
    DataType type = node->schema[i].type;
    // PROCTIME() computed columns keep their proctime attribute from the function's type.
    fields.push_back({alias, table->columns[i].name, type});
  }
  return {node, Scope(std::move(fields))};
}

}  // namespace sluice
