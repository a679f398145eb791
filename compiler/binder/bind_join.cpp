// Joins, and the join strategy Flink's planner would pick for them: a lookup join or an
// event-time temporal join from FOR SYSTEM_TIME AS OF, an interval join from time bounds between
// the two sides' time attributes, a window join on window_start/window_end, else a regular join.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "compiler/binder/binder.h"
#include "compiler/binder/join_classification.h"
#include "compiler/types/identifier_case.h"

namespace sluice {

namespace {

plan::JoinKind joinKindOf(ast::JoinKind kind) {
  switch (kind) {
    case ast::JoinKind::Left: return plan::JoinKind::Left;
    case ast::JoinKind::Right: return plan::JoinKind::Right;
    case ast::JoinKind::Full: return plan::JoinKind::Full;
    default: return plan::JoinKind::Inner;
  }
}

// Flink versions the right table by its primary key: each key has one version at a time, so
// the join must look versions up by (at least) that key. (A renamed column is left to the
// physical planner, which checks the versioned side's unique keys.)
void requirePrimaryKeyInJoinKeys(const plan::LogicalNode& join, const TableDefinition& table,
                                 const SourceLocation& location) {
  const auto& right = join.inputs[1]->schema;
  for (const std::string& column : table.primaryKey) {
    const auto field = std::find_if(right.begin(), right.end(),
                                    [&](const plan::Field& f) { return f.name == column; });
    if (field == right.end()) return;
    const int index = static_cast<int>(field - right.begin());
    const bool joined = std::any_of(join.equiKeys.begin(), join.equiKeys.end(),
                                    [&](const auto& key) { return key.second == index; });
    if (joined) continue;
    throw UserError(location,
                    fmt::format("event-time temporal join needs the primary key of the versioned "
                                "table '{}' ({}) among its join keys (equalities with the left "
                                "table in the ON clause)",
                                table.name.back(), fmt::join(table.primaryKey, ", ")));
  }
}

}  // namespace

BoundRelation Binder::join(const ast::JoinRelation& join, const Scope* outer) {
  BoundRelation left = relation(*join.left, outer);
  left.scope.setOuter(outer);
  const ast::Relation& rightAst = *join.right;
  auto node = nodes_.make(plan::NodeKind::Join);
  node->joinKind = join.joinKind == ast::JoinKind::Cross ? plan::JoinKind::Inner : joinKindOf(join.joinKind);

  BoundRelation right;
  const ast::Expression* asOf = nullptr;
  if (rightAst.kind == ast::RelationKind::TableFunction) {
    return tableFunction(static_cast<const ast::TableFunctionRelation&>(rightAst), outer, &left,
                         &join);
  }
  if (rightAst.kind == ast::RelationKind::Unnest) {
    return unnest(static_cast<const ast::UnnestRelation&>(rightAst), outer, &left, &join);
  }
  if (rightAst.kind == ast::RelationKind::Table &&
      static_cast<const ast::TableRelation&>(rightAst).systemTimeAsOf) {
    const auto& table = static_cast<const ast::TableRelation&>(rightAst);
    asOf = table.systemTimeAsOf.get();
    ast::TableRelation plain(table.location);
    plain.name = table.name;
    plain.alias = ast::TableAlias{table.alias.name, table.alias.columns};
    for (const auto& hint : table.hints) plain.hints.push_back(hint);
    right = namedTable(plain);
  } else if (rightAst.kind == ast::RelationKind::Derived &&
             static_cast<const ast::DerivedRelation&>(rightAst).systemTimeAsOf) {
    const auto& derived = static_cast<const ast::DerivedRelation&>(rightAst);
    asOf = derived.systemTimeAsOf.get();
    right = withAlias(query(*derived.query, nullptr), derived.alias, derived.location);
  } else {
    bool lateral = join.lateral || (rightAst.kind == ast::RelationKind::Derived &&
                                    static_cast<const ast::DerivedRelation&>(rightAst).lateral);
    right = relation(rightAst, lateral ? &left.scope : outer);
  }

  int leftWidth = static_cast<int>(left.node->schema.size());
  Scope scope = Scope::concatenate(left.scope, right.scope);
  scope.setOuter(outer);
  node->inputs = {left.node, right.node};
  for (const auto& f : scope.fields()) node->schema.push_back({f.name, f.type});

  if (asOf != nullptr) {
    ExpressionContext leftContext;
    leftContext.scope = &left.scope;
    leftContext.clause = "FOR SYSTEM_TIME AS OF";
    auto time = bindExpression(*asOf, leftContext);
    if (time->type.isProctime()) {
      node->joinStrategy = plan::JoinStrategy::Lookup;
      if (rightAst.kind != ast::RelationKind::Table) {
        throw UserError(asOf->location, "a processing-time temporal join needs a lookup table, "
                                        "not a subquery");
      }
      node->table = catalog_.tableHandle(static_cast<const ast::TableRelation&>(rightAst).name);
      describeLookupJoin(*node, static_cast<const ast::TableRelation&>(rightAst), *right.node);
    } else if (time->type.isRowtime()) {
      node->joinStrategy = plan::JoinStrategy::EventTimeTemporal;
      if (time->kind != plan::ExpressionKind::InputRef) {
        throw UserError(asOf->location, "FOR SYSTEM_TIME AS OF of an event-time temporal join "
                                        "must name the left table's time attribute column");
      }
      node->rowtimeField = time->index;
      if (rightAst.kind == ast::RelationKind::Table) {
        auto table = catalog_.tableHandle(static_cast<const ast::TableRelation&>(rightAst).name);
        if (table && table->primaryKey.empty()) {
          throw UserError(rightAst.location,
                          fmt::format("event-time temporal join needs a primary key on the "
                                      "versioned table '{}'", table->name.back()));
        }
        if (table && !table->rowtimeColumn) {
          throw UserError(rightAst.location,
                          fmt::format("event-time temporal join needs a WATERMARK on the "
                                      "versioned table '{}'", table->name.back()));
        }
      }
    } else {
      throw UserError(asOf->location, fmt::format("FOR SYSTEM_TIME AS OF needs a time attribute of "
                                                  "the left table (a rowtime or proctime column), "
                                                  "got {}", time->type.toString()));
    }
    if (node->joinKind != plan::JoinKind::Inner && node->joinKind != plan::JoinKind::Left) {
      throw UserError(join.location, "temporal and lookup joins support only INNER and LEFT joins");
    }
  }

  ExpressionContext context;
  context.scope = &scope;
  context.clause = "a join condition";
  if (join.condition) {
    node->condition = requireBoolean(bindExpression(*join.condition, context),
                                     join.condition->location, "ON");
  } else if (!join.usingColumns.empty()) {
    std::vector<plan::ExpressionRef> equalities;
    for (const auto& column : join.usingColumns) {
      auto l = left.scope.resolve({column}, join.location);
      auto r = right.scope.resolve({column}, join.location);
      if (!l || l->depth != 0 || !r || r->depth != 0) {
        throw UserError(join.location, "USING column '" + column + "' must exist on both sides");
      }
      equalities.push_back(plan::call("=", {plan::inputRef(l->index, l->type),
                                            plan::inputRef(leftWidth + r->index, r->type)},
                                      DataType::boolean()));
    }
    node->condition = equalities.size() == 1
                          ? equalities[0]
                          : plan::call("AND", equalities, DataType::boolean());
    // The USING columns appear once: bare names and * see the left side's.
    std::vector<ScopeField> fields = scope.fields();
    for (const auto& column : join.usingColumns) {
      auto r = right.scope.resolve({column}, join.location);
      fields[static_cast<size_t>(leftWidth + r->index)].qualifiedOnly = true;
    }
    Scope merged(std::move(fields));
    merged.setOuter(outer);
    scope = std::move(merged);
  } else {
    node->condition = plan::literal("TRUE", DataType::boolean().notNull());
  }
  classifyJoin(*node, /*temporal=*/asOf != nullptr);
  if (node->joinStrategy == plan::JoinStrategy::EventTimeTemporal &&
      rightAst.kind == ast::RelationKind::Table) {
    auto table = catalog_.tableHandle(static_cast<const ast::TableRelation&>(rightAst).name);
    if (table) {
      requirePrimaryKeyInJoinKeys(*node, *table,
                                  join.condition ? join.condition->location : join.location);
    }
  }

  // Outer joins pad the other side with NULLs.
  std::vector<ScopeField> fields = scope.fields();
  for (size_t i = 0; i < fields.size(); ++i) {
    bool isLeft = static_cast<int>(i) < leftWidth;
    bool padded = (node->joinKind == plan::JoinKind::Left && !isLeft) ||
                  (node->joinKind == plan::JoinKind::Right && isLeft) ||
                  node->joinKind == plan::JoinKind::Full;
    DataType type = node->schema[i].type;
    if (padded) type = type.withNullable(true);
    fields[i].type = type;
    node->schema[i].type = type;
  }
  Scope result(std::move(fields));
  result.setOuter(outer);
  return {node, std::move(result)};
}

}  // namespace sluice
