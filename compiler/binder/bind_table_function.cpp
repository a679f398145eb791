// Table functions in FROM: user table functions through LATERAL TABLE(f(x)), and UNNEST. Both
// become a Correlate node that evaluates the function once per row of the left side.
#include <fmt/format.h>

#include "compiler/binder/binder.h"
#include "compiler/types/identifier_case.h"

namespace sluice {

BoundRelation Binder::correlate(plan::NodeRef function, std::vector<plan::Field> columns,
                                const ast::TableAlias& alias, SourceLocation location,
                                const BoundRelation* left, const ast::JoinRelation* join,
                                const Scope* outer) {
  if (!alias.columns.empty()) {
    if (alias.columns.size() != columns.size()) {
      throw UserError(location, fmt::format("alias '{}' names {} columns but the function returns {}",
                                            alias.name, alias.columns.size(), columns.size()));
    }
    for (size_t i = 0; i < columns.size(); ++i) columns[i].name = alias.columns[i];
  }
  auto node = std::const_pointer_cast<plan::LogicalNode>(function);
  std::vector<ScopeField> fields;
  if (left != nullptr) {
    node->inputs.push_back(left->node);
    fields = left->scope.fields();
    node->schema = left->node->schema;
  }
  for (auto& column : columns) {
    bool padded = join != nullptr && join->joinKind == ast::JoinKind::Left;
    DataType type = padded ? column.type.withNullable(true) : column.type;
    fields.push_back({alias.name, column.name, type});
    node->schema.push_back({column.name, type});
  }
  Scope scope(std::move(fields));
  scope.setOuter(outer);
  if (join != nullptr) {
    node->joinKind = join->joinKind == ast::JoinKind::Left ? plan::JoinKind::Left : plan::JoinKind::Inner;
    if (join->joinKind == ast::JoinKind::Right || join->joinKind == ast::JoinKind::Full) {
      throw UserError(join->location, "a table function can only be joined with INNER or LEFT JOIN");
    }
    if (join->condition) {
      ExpressionContext context;
      context.scope = &scope;
      context.clause = "a join condition";
      node->condition = requireBoolean(bindExpression(*join->condition, context),
                                       join->condition->location, "ON");
    }
  }
  return {node, std::move(scope)};
}

BoundRelation Binder::tableFunction(const ast::TableFunctionRelation& function, const Scope* outer,
                                    const BoundRelation* left, const ast::JoinRelation* join) {
  const ast::FunctionCall& call = *function.call;
  std::string name = toUpperAscii(call.name);
  if (name == "TUMBLE" || name == "HOP" || name == "CUMULATE" || name == "SESSION") {
    if (left != nullptr) {
      throw UserError(call.location, name + " window table function cannot be joined laterally");
    }
    return withAlias(windowTableFunction(call, outer), function.alias, function.location);
  }
  const UserFunction* user = catalog_.findUserFunction(call.name);
  const FunctionDefinition* definition = user != nullptr ? user->implementation.get()
                                                         : catalog_.functions().find(name);
  if (definition == nullptr && user == nullptr) {
    throw UserError(call.location, "table function '" + call.name + "' not found");
  }
  if (definition != nullptr && definition->kind != FunctionKind::Table) {
    throw UserError(call.location, call.name + " is not a table function");
  }
  Scope argumentScope = left != nullptr ? left->scope : Scope();
  argumentScope.setOuter(outer);
  ExpressionContext context;
  context.scope = &argumentScope;
  context.clause = "a table function's arguments";
  std::vector<plan::ExpressionRef> operands;
  std::vector<const ast::Expression*> sources;
  for (const auto& argument : call.arguments) {
    operands.push_back(bindExpression(*argument, context));
    sources.push_back(argument.get());
  }
  std::vector<plan::Field> columns;
  plan::ExpressionRef bound;
  if (definition != nullptr) {
    bound = typedCall(name, definition, std::move(operands), sources, call.location);
    if (bound->type.kind() == TypeKind::Row) {
      for (const auto& field : bound->type.fields()) columns.push_back({field.name, *field.type});
    } else {
      columns.push_back({"f0", bound->type});
    }
  } else {
    // Unknown implementation: the alias names the columns, their types are unknown.
    bound = plan::call(toUpperAscii(user->name.back()), std::move(operands), DataType::null());
    if (function.alias.columns.empty()) {
      columns.push_back({"f0", DataType::null()});
    } else {
      for (const auto& column : function.alias.columns) columns.push_back({column, DataType::null()});
    }
  }
  auto node = nodes_.make(plan::NodeKind::Correlate);
  node->expressions.push_back(bound);
  ast::TableAlias alias = function.alias;
  if (alias.name.empty()) alias.name = call.name;
  return correlate(node, std::move(columns), alias, function.location, left, join, outer);
}

BoundRelation Binder::unnest(const ast::UnnestRelation& unnest, const Scope* outer,
                             const BoundRelation* left, const ast::JoinRelation* join) {
  Scope argumentScope = left != nullptr ? left->scope : Scope();
  argumentScope.setOuter(outer);
  ExpressionContext context;
  context.scope = &argumentScope;
  context.clause = "UNNEST";
  std::vector<plan::ExpressionRef> operands;
  std::vector<plan::Field> columns;
  for (const auto& argument : unnest.arguments) {
    auto e = bindExpression(*argument, context);
    const DataType& type = e->type;
    if (type.kind() == TypeKind::Array || type.kind() == TypeKind::Multiset) {
      const DataType& element = type.elementType();
      if (element.kind() == TypeKind::Row) {
        for (const auto& field : element.fields()) columns.push_back({field.name, *field.type});
      } else {
        columns.push_back({"EXPR$" + std::to_string(columns.size()), element});
      }
    } else if (type.kind() == TypeKind::Map) {
      columns.push_back({"KEY", type.keyType()});
      columns.push_back({"VALUE", type.valueType()});
    } else {
      throw UserError(argument->location, "UNNEST needs an ARRAY, MULTISET or MAP, got " +
                                              type.toString());
    }
    operands.push_back(e);
  }
  if (unnest.withOrdinality) columns.push_back({"ORDINALITY", DataType::integer().notNull()});
  auto node = nodes_.make(plan::NodeKind::Correlate);
  node->expressions.push_back(plan::call(unnest.withOrdinality ? "UNNEST WITH ORDINALITY" : "UNNEST",
                                         operands, DataType::null()));
  ast::TableAlias alias = unnest.alias;
  if (alias.name.empty()) alias.name = "UNNEST";
  return correlate(node, std::move(columns), alias, unnest.location, left, join, outer);
}

}  // namespace sluice
