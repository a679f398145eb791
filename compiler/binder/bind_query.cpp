// Query structure: WITH, set operations, VALUES, ORDER BY / LIMIT.
#include <fmt/format.h>

#include "compiler/binder/binder.h"
#include "compiler/functions/type_rules.h"
#include "compiler/types/identifier_case.h"

namespace sluice {

std::vector<plan::Field> fieldsOf(const Scope& scope) {
  std::vector<plan::Field> fields;
  for (const auto& f : scope.fields()) fields.push_back({f.name, f.type});
  return fields;
}

Scope scopeOf(const std::vector<plan::Field>& fields, const std::string& qualifier) {
  std::vector<ScopeField> scopeFields;
  for (const auto& f : fields) scopeFields.push_back({qualifier, f.name, f.type});
  return Scope(std::move(scopeFields));
}

BoundRelation Binder::query(const ast::Query& query, const Scope* outer) {
  ctes_.emplace_back();
  struct PopCtes {
    std::vector<std::vector<const ast::CommonTableExpression*>>& stack;
    ~PopCtes() { stack.pop_back(); }
  } pop{ctes_};
  for (const auto& cte : query.with) {
    // A CTE is visible to the ones after it and to the body; it is bound where it is used.
    ctes_.back().push_back(&cte);
  }
  if (!query.orderBy.empty() && query.body->kind == ast::QueryBody::Kind::Select) {
    pendingOrderBy_ = &query.orderBy;
  }
  BoundRelation body = queryBody(*query.body, outer);
  pendingOrderBy_ = nullptr;
  return orderAndLimit(query, std::move(body));
}

BoundRelation Binder::queryBody(const ast::QueryBody& body, const Scope* outer) {
  switch (body.kind) {
    case ast::QueryBody::Kind::Select:
      return select(static_cast<const ast::SelectBlock&>(body), outer);
    case ast::QueryBody::Kind::SetOperation:
      return setOperation(static_cast<const ast::SetOperation&>(body), outer);
    case ast::QueryBody::Kind::Values:
      return values(static_cast<const ast::ValuesBody&>(body), outer);
    case ast::QueryBody::Kind::Nested:
      return query(*static_cast<const ast::NestedQuery&>(body).query, outer);
  }
  throw UserError(body.location, "unsupported query");
}

// Casts each field of `relation` to `types` where they differ, with a Project.
static BoundRelation castTo(plan::NodeFactory& nodes, BoundRelation relation,
                            const std::vector<DataType>& types) {
  bool needed = false;
  for (size_t i = 0; i < types.size(); ++i) {
    needed = needed || !relation.node->schema[i].type.sameTypeIgnoringNullability(types[i]);
  }
  if (!needed) return relation;
  auto project = nodes.make(plan::NodeKind::Project);
  project->inputs.push_back(relation.node);
  for (size_t i = 0; i < types.size(); ++i) {
    const auto& field = relation.node->schema[i];
    auto ref = plan::inputRef(static_cast<int>(i), field.type);
    auto expression = field.type.sameTypeIgnoringNullability(types[i])
                          ? ref
                          : plan::cast(ref, types[i].withNullable(field.type.nullable()));
    project->expressions.push_back(expression);
    project->schema.push_back({field.name, expression->type});
  }
  return {project, scopeOf(project->schema, "")};
}

BoundRelation Binder::setOperation(const ast::SetOperation& operation, const Scope* outer) {
  BoundRelation left = queryBody(*operation.left, outer);
  BoundRelation right = queryBody(*operation.right, outer);
  static const char* kNames[] = {"UNION", "INTERSECT", "EXCEPT"};
  const char* name = kNames[static_cast<int>(operation.op)];
  if (left.node->schema.size() != right.node->schema.size()) {
    throw UserError(operation.location,
                    fmt::format("{} inputs have different column counts: {} and {}", name,
                                left.node->schema.size(), right.node->schema.size()));
  }
  std::vector<DataType> common;
  for (size_t i = 0; i < left.node->schema.size(); ++i) {
    std::vector<DataType> pair = {left.node->schema[i].type, right.node->schema[i].type};
    auto type = leastRestrictiveType(pair);
    if (!type) {
      throw UserError(operation.location,
                      fmt::format("{} column {} has incompatible types {} and {}", name, i + 1,
                                  pair[0].toString(), pair[1].toString()));
    }
    // Time attributes survive a UNION ALL only if both sides have the same one.
    bool keep = pair[0].timeAttribute() == pair[1].timeAttribute() &&
                operation.op == ast::SetOperator::Union && operation.all;
    common.push_back(keep ? type->withTimeAttribute(pair[0].timeAttribute()) : materialized(*type));
  }
  left = castTo(nodes_, std::move(left), common);
  right = castTo(nodes_, std::move(right), common);
  static const plan::NodeKind kKinds[] = {plan::NodeKind::Union, plan::NodeKind::Intersect,
                                          plan::NodeKind::Except};
  auto node = nodes_.make(kKinds[static_cast<int>(operation.op)]);
  node->all = operation.all;
  node->inputs = {left.node, right.node};
  for (size_t i = 0; i < common.size(); ++i) {
    node->schema.push_back({left.node->schema[i].name, common[i]});
  }
  return {node, scopeOf(node->schema, "")};
}

BoundRelation Binder::values(const ast::ValuesBody& values, const Scope* outer) {
  Scope empty;
  empty.setOuter(outer);
  ExpressionContext context;
  context.scope = &empty;
  context.clause = "VALUES";
  std::vector<std::vector<plan::ExpressionRef>> rows;
  for (const auto& row : values.rows) {
    std::vector<plan::ExpressionRef> cells;
    for (const auto& cell : row) cells.push_back(bindExpression(*cell, context));
    if (!rows.empty() && cells.size() != rows[0].size()) {
      throw UserError(row[0]->location, fmt::format("VALUES rows have different lengths: {} and {}",
                                                    rows[0].size(), cells.size()));
    }
    rows.push_back(std::move(cells));
  }
  auto node = nodes_.make(plan::NodeKind::Values);
  for (size_t column = 0; column < rows[0].size(); ++column) {
    std::vector<DataType> types;
    for (const auto& row : rows) types.push_back(materialized(row[column]->type));
    auto type = leastRestrictiveType(types);
    bool allNull = std::all_of(types.begin(), types.end(),
                               [](const DataType& t) { return t.kind() == TypeKind::Null; });
    if (!type && allNull) type = DataType::null();
    if (!type) {
      std::string list;
      for (const auto& t : types) list += (list.empty() ? "" : ", ") + t.toString();
      throw UserError(values.location, fmt::format("VALUES column {} has incompatible types: {}",
                                                   column + 1, list));
    }
    node->schema.push_back({"EXPR$" + std::to_string(column), *type});
  }
  for (auto& row : rows) {
    for (size_t column = 0; column < row.size(); ++column) {
      node->expressions.push_back(coerce(row[column], node->schema[column].type));
    }
  }
  return {node, scopeOf(node->schema, "")};
}

// The output field an ORDER BY item names directly: a position, or a select-list name or alias.
static std::optional<int> outputPosition(const ast::SortItem& item,
                                         const std::vector<plan::Field>& fields, size_t visible) {
  if (item.expression->kind == ast::ExpressionKind::Literal) {
    const auto& literalNode = static_cast<const ast::Literal&>(*item.expression);
    if (literalNode.literalKind == ast::LiteralKind::ExactNumber) {
      long position = std::strtol(literalNode.text.c_str(), nullptr, 10);
      if (position < 1 || static_cast<size_t>(position) > visible) {
        throw UserError(item.expression->location,
                        fmt::format("ORDER BY position {} is not in the select list", position));
      }
      return static_cast<int>(position - 1);
    }
  }
  if (item.expression->kind == ast::ExpressionKind::ColumnReference) {
    const auto& column = static_cast<const ast::ColumnReference&>(*item.expression);
    if (column.parts.size() == 1) {
      for (size_t i = 0; i < visible; ++i) {
        if (fields[i].name == column.parts[0]) return static_cast<int>(i);
      }
      for (size_t i = 0; i < visible; ++i) {
        if (equalsIgnoreCase(fields[i].name, column.parts[0])) return static_cast<int>(i);
      }
    }
  }
  return std::nullopt;
}

void Binder::appendOrderColumns(const std::vector<ast::SortItem>* orderBy,
                                std::vector<std::pair<plan::ExpressionRef, std::string>>& items,
                                ExpressionContext& context, size_t* hidden) {
  if (orderBy == nullptr) return;
  std::vector<plan::Field> fields;
  for (const auto& [expression, name] : items) fields.push_back({name, expression->type});
  size_t visible = items.size();
  for (const auto& item : *orderBy) {
    if (outputPosition(item, fields, visible)) continue;
    context.clause = "ORDER BY";
    items.emplace_back(bindExpression(*item.expression, context), "$order" + std::to_string(*hidden));
    ++*hidden;
  }
}

BoundRelation Binder::orderAndLimit(const ast::Query& query, BoundRelation body) {
  if (query.orderBy.empty() && !query.limit && !query.offset) return body;
  auto sort = nodes_.make(plan::NodeKind::Sort);
  sort->inputs.push_back(body.node);
  sort->schema = body.node->schema;
  ExpressionContext context;
  context.scope = &body.scope;
  context.clause = "ORDER BY";
  size_t visible = sort->schema.size() - body.hiddenOrderColumns;
  size_t nextHidden = visible;
  for (const auto& item : query.orderBy) {
    int field = -1;
    if (auto position = outputPosition(item, sort->schema, visible)) {
      field = *position;
    } else if (body.hiddenOrderColumns > 0) {
      field = static_cast<int>(nextHidden++);
    } else {
      auto bound = bindExpression(*item.expression, context);
      if (bound->kind != plan::ExpressionKind::InputRef) {
        throw UserError(item.expression->location,
                        "ORDER BY of a set operation supports output columns and positions only");
      }
      field = bound->index;
    }
    bool nullsFirst = item.nullsFirst.value_or(!item.descending ? true : false);
    sort->sortKeys.push_back({field, item.descending, nullsFirst});
  }
  sort->limit = query.limit;
  sort->offset = query.offset.value_or(0);
  if (body.hiddenOrderColumns == 0) return {sort, body.scope};
  auto project = nodes_.make(plan::NodeKind::Project);
  project->inputs.push_back(sort);
  for (size_t i = 0; i < visible; ++i) {
    project->expressions.push_back(plan::inputRef(static_cast<int>(i), sort->schema[i].type));
    project->schema.push_back(sort->schema[i]);
  }
  return {project, scopeOf(project->schema, "")};
}

}  // namespace sluice
