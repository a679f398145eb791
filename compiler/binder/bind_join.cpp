// Joins, and the join strategy Flink's planner would pick for them: a lookup join or an
// event-time temporal join from FOR SYSTEM_TIME AS OF, an interval join from time bounds between
// the two sides' time attributes, a window join on window_start/window_end, else a regular join.
#include <fmt/format.h>

#include "compiler/binder/binder.h"
#include "compiler/binder/window_source.h"
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

bool isComparison(const std::string& name) {
  return name == "<" || name == "<=" || name == ">" || name == ">=" || name == "BETWEEN";
}

// Whether a comparison bounds a time attribute of one side by one of the other side.
bool boundsTimeBetweenSides(const plan::ExpressionRef& e, int leftWidth,
                            const std::vector<plan::Field>& schema) {
  if (e->kind != plan::ExpressionKind::Call || !isComparison(e->name)) return false;
  std::vector<int> refs;
  plan::collectInputRefs(e, refs);
  bool leftTime = false, rightTime = false;
  for (int r : refs) {
    if (!schema[static_cast<size_t>(r)].type.isTimeAttribute()) continue;
    (r < leftWidth ? leftTime : rightTime) = true;
  }
  return leftTime && rightTime;
}

void extractEquiKeys(plan::LogicalNode& join, int leftWidth) {
  for (const auto& conjunct : plan::conjunctions(join.condition)) {
    if (conjunct->kind != plan::ExpressionKind::Call || conjunct->name != "=") continue;
    const auto& a = conjunct->operands[0];
    const auto& b = conjunct->operands[1];
    if (a->kind != plan::ExpressionKind::InputRef || b->kind != plan::ExpressionKind::InputRef) continue;
    if (a->index < leftWidth && b->index >= leftWidth) {
      join.equiKeys.emplace_back(a->index, b->index - leftWidth);
    } else if (b->index < leftWidth && a->index >= leftWidth) {
      join.equiKeys.emplace_back(b->index, a->index - leftWidth);
    }
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
    right = namedTable(plain, nullptr);
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
    } else if (time->type.isRowtime()) {
      node->joinStrategy = plan::JoinStrategy::EventTimeTemporal;
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
  extractEquiKeys(*node, leftWidth);

  if (asOf == nullptr) {
    std::string leftName, rightName;
    bool windowJoin = false;
    for (const auto& [l, r] : node->equiKeys) {
      std::string a, b;
      if (windowFieldOrigin(*left.node, l, &a) != nullptr &&
          windowFieldOrigin(*right.node, r, &b) != nullptr && a == "window_start" && b == a) {
        windowJoin = true;
      }
    }
    bool interval = false;
    for (const auto& conjunct : plan::conjunctions(node->condition)) {
      interval = interval || boundsTimeBetweenSides(conjunct, leftWidth, node->schema);
    }
    if (windowJoin) {
      node->joinStrategy = plan::JoinStrategy::Window;
      node->windowed = true;
    } else if (interval) {
      node->joinStrategy = plan::JoinStrategy::Interval;
    }
  }

  // Which time attributes survive: lookup and temporal joins keep the left side's; interval and
  // window joins keep both; a regular join materializes all of them.
  std::vector<ScopeField> fields = scope.fields();
  for (size_t i = 0; i < fields.size(); ++i) {
    bool isLeft = static_cast<int>(i) < leftWidth;
    bool keep = false;
    switch (node->joinStrategy) {
      case plan::JoinStrategy::Lookup:
      case plan::JoinStrategy::EventTimeTemporal: keep = isLeft; break;
      case plan::JoinStrategy::Interval:
      case plan::JoinStrategy::Window: keep = true; break;
      case plan::JoinStrategy::Regular: keep = false; break;
    }
    DataType type = keep ? fields[i].type : materialized(fields[i].type);
    bool padded = (node->joinKind == plan::JoinKind::Left && !isLeft) ||
                  (node->joinKind == plan::JoinKind::Right && isLeft) ||
                  node->joinKind == plan::JoinKind::Full;
    if (padded) type = type.withNullable(true);
    fields[i].type = type;
    node->schema[i].type = type;
  }
  Scope result(std::move(fields));
  result.setOuter(outer);
  return {node, std::move(result)};
}

}  // namespace sluice
