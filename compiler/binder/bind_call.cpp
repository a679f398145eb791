// Function calls: user functions, built-ins, aggregates (collected into the AggregationState),
// window auxiliary functions (TUMBLE_START & co.) and OVER windows.
#include <fmt/format.h>

#include <optional>

#include "compiler/binder/aggregation_state.h"
#include "compiler/binder/binder.h"
#include "compiler/types/identifier_case.h"

namespace sluice {

namespace {

struct AuxiliaryFunction {
  const char* name;
  const char* window;
  plan::WindowProperty property;
};

const AuxiliaryFunction kAuxiliaryFunctions[] = {
    {"TUMBLE_START", "TUMBLE", plan::WindowProperty::Start},
    {"TUMBLE_END", "TUMBLE", plan::WindowProperty::End},
    {"TUMBLE_ROWTIME", "TUMBLE", plan::WindowProperty::Rowtime},
    {"TUMBLE_PROCTIME", "TUMBLE", plan::WindowProperty::Proctime},
    {"HOP_START", "HOP", plan::WindowProperty::Start},
    {"HOP_END", "HOP", plan::WindowProperty::End},
    {"HOP_ROWTIME", "HOP", plan::WindowProperty::Rowtime},
    {"HOP_PROCTIME", "HOP", plan::WindowProperty::Proctime},
    {"SESSION_START", "SESSION", plan::WindowProperty::Start},
    {"SESSION_END", "SESSION", plan::WindowProperty::End},
    {"SESSION_ROWTIME", "SESSION", plan::WindowProperty::Rowtime},
    {"SESSION_PROCTIME", "SESSION", plan::WindowProperty::Proctime},
};

const AuxiliaryFunction* auxiliaryFunction(const std::string& upperName) {
  for (const auto& f : kAuxiliaryFunctions) {
    if (upperName == f.name) return &f;
  }
  return nullptr;
}

bool isWindowFunctionName(const std::string& upperName) {
  return upperName == "TUMBLE" || upperName == "HOP" || upperName == "SESSION" ||
         upperName == "CUMULATE";
}

}  // namespace

plan::ExpressionRef Binder::typedCall(const std::string& name, const FunctionDefinition* definition,
                                      std::vector<plan::ExpressionRef> operands,
                                      const std::vector<const ast::Expression*>& sources,
                                      SourceLocation location) {
  std::vector<CallOperand> callOperands;
  for (size_t i = 0; i < operands.size(); ++i) {
    CallOperand operand;
    operand.type = operands[i]->type;
    const ast::Expression* source = i < sources.size() ? sources[i] : nullptr;
    if (operands[i]->kind == plan::ExpressionKind::Symbol) {
      operand.literal = operands[i]->name;
    } else if (source != nullptr && source->kind == ast::ExpressionKind::Literal) {
      const auto& literalNode = static_cast<const ast::Literal&>(*source);
      operand.isNullLiteral = literalNode.literalKind == ast::LiteralKind::Null;
      if (!operand.isNullLiteral) operand.literal = literalNode.text;
    }
    callOperands.push_back(std::move(operand));
  }
  auto typing = definition->infer(callOperands);
  if (!typing.ok()) throw UserError(location, typing.error());
  // A time attribute in the result is kept only when the function creates it (PROCTIME());
  // computing on a time attribute materializes it, as in Flink.
  bool operandHasTime = false;
  for (const auto& operand : callOperands) operandHasTime = operandHasTime || operand.type.isTimeAttribute();
  if (operandHasTime) typing = CallTyping{materialized(typing->result), typing->operandTypes};
  for (size_t i = 0; i < operands.size() && i < typing->operandTypes.size(); ++i) {
    if (operands[i]->kind == plan::ExpressionKind::Symbol) continue;
    if (typing->operandTypes[i].kind() == TypeKind::Null) continue;
    operands[i] = coerce(operands[i], typing->operandTypes[i]);
  }
  if (!definition->nativeOverloads.empty()) recordNativeCall(name, *definition, typing->operandTypes);
  return plan::call(name, std::move(operands), typing->result, definition);
}

FunctionLookup Binder::functionLookup() const {
  return [this](std::string_view name) -> const FunctionDefinition* {
    const UserFunction* user = catalog_.findUserFunction(std::string(name));
    const FunctionDefinition* builtin = catalog_.functions().find(name);
    if (user != nullptr && (user->system || builtin == nullptr)) return user->implementation.get();
    return builtin;
  };
}

void Binder::recordNativeCall(const std::string& name, const FunctionDefinition& definition,
                              const std::vector<DataType>& operandTypes) {
  for (const NativeOverload& overload : definition.nativeOverloads) {
    bool same = overload.arguments.size() == operandTypes.size();
    for (size_t i = 0; same && i < operandTypes.size(); ++i) {
      same = overload.arguments[i].sameTypeIgnoringNullability(operandTypes[i]);
    }
    if (!same) continue;
    for (const NativeFunctionUse& use : nativeUses_) {
      if (use.name == name && use.overload.library == overload.library &&
          use.overload.index == overload.index) {
        return;
      }
    }
    nativeUses_.push_back({name, overload});
    return;
  }
}

// The navigation and match functions of MATCH_RECOGNIZE, typed here because they exist only there.
static std::optional<DataType> matchFunctionType(const std::string& name,
                                                 const std::vector<plan::ExpressionRef>& operands) {
  if (name == "FIRST" || name == "LAST" || name == "PREV" || name == "NEXT") {
    if (operands.empty()) return std::nullopt;
    return operands[0]->type.withNullable(true).withTimeAttribute(TimeAttribute::None);
  }
  if (name == "MATCH_ROWTIME") {
    return DataType::timestamp(3).notNull().withTimeAttribute(TimeAttribute::Rowtime);
  }
  if (name == "MATCH_PROCTIME") {
    return DataType::timestampLtz(3).notNull().withTimeAttribute(TimeAttribute::Proctime);
  }
  if (name == "CLASSIFIER") return DataType::string().notNull();
  if (name == "MATCH_NUMBER") return DataType::bigInt().notNull();
  return std::nullopt;
}

plan::ExpressionRef Binder::functionCall(const ast::FunctionCall& call, ExpressionContext& context) {
  std::string name = toUpperAscii(call.name);
  bool windowed = call.over != nullptr || !call.overWindowName.empty();
  if (context.matchRecognize) {
    std::vector<plan::ExpressionRef> operands;
    for (const auto& argument : call.arguments) operands.push_back(bindExpression(*argument, context));
    if (auto type = matchFunctionType(name, operands)) {
      return plan::call(name, std::move(operands), *type);
    }
    const FunctionDefinition* definition = catalog_.functions().find(name);
    if (definition != nullptr && definition->kind == FunctionKind::Aggregate) {
      std::vector<const ast::Expression*> sources;
      for (const auto& argument : call.arguments) sources.push_back(argument.get());
      return typedCall(name, definition, std::move(operands), sources, call.location);
    }
  }

  // Window auxiliary functions refer to the GROUP BY window of the enclosing aggregation.
  if (const AuxiliaryFunction* auxiliary = auxiliaryFunction(name)) {
    AggregationState* aggregation = context.aggregation;
    if (aggregation == nullptr || !aggregation->window || aggregation->windowFunction != auxiliary->window) {
      throw UserError(call.location, fmt::format("{} can only be used with a {}(..) group window "
                                                 "in GROUP BY", name, auxiliary->window));
    }
    ExpressionContext plain;
    plain.scope = aggregation->inputScope;
    std::vector<std::string> digests;
    for (const auto& argument : call.arguments) digests.push_back(bindExpression(*argument, plain)->digest());
    if (digests != aggregation->windowArgumentDigests) {
      throw UserError(call.location, fmt::format("the arguments of {} must match those of the {} "
                                                 "group window in GROUP BY", name, auxiliary->window));
    }
    return aggregation->propertyReference(auxiliary->property);
  }
  if (isWindowFunctionName(name) && !windowed) {
    throw UserError(call.location, fmt::format("{}(..) is a group window: use it in GROUP BY, or "
                                               "as a table function in FROM TABLE({}(TABLE t, "
                                               "DESCRIPTOR(ts), ..))", name, name));
  }

  if (name == "OVERLAPS") {
    // (start, end|interval) OVERLAPS (start, end|interval)
    std::vector<plan::ExpressionRef> periods;
    for (const auto& argument : call.arguments) {
      auto period = bindExpression(*argument, context);
      bool valid = period->type.kind() == TypeKind::Row && period->type.fields().size() == 2 &&
                   period->type.fields()[0].type->isDatetime();
      if (!valid) {
        throw UserError(argument->location, "OVERLAPS needs two periods written as (start, end) or "
                                            "(start, interval), got " + period->type.toString());
      }
      periods.push_back(period);
    }
    return plan::call(name, std::move(periods), DataType::boolean());
  }
  // Flink's precedence: a temporary system function, then a built-in, then a catalog function.
  const UserFunction* user = catalog_.findUserFunction(call.name);
  const FunctionDefinition* builtin = catalog_.functions().find(name);
  if (user != nullptr && !user->system && builtin != nullptr) user = nullptr;
  const FunctionDefinition* definition = user != nullptr ? user->implementation.get() : builtin;
  if (definition == nullptr && user == nullptr) {
    std::vector<std::string> names = catalog_.functions().names();
    auto userNames = catalog_.userFunctionNames();
    names.insert(names.end(), userNames.begin(), userNames.end());
    std::string message = "function '" + call.name + "' not found";
    std::string near = nearestName(call.name, names);
    if (!near.empty()) message += "; did you mean '" + near + "'?";
    throw UserError(call.location, message);
  }
  FunctionKind kind = definition != nullptr ? definition->kind : FunctionKind::Scalar;
  if (kind == FunctionKind::Table) {
    throw UserError(call.location, fmt::format("{} is a table function: call it in FROM as "
                                               "LATERAL TABLE({}(..))", call.name, call.name));
  }
  if (kind == FunctionKind::Ranking && !windowed) {
    throw UserError(call.location, name + " requires an OVER clause");
  }
  bool aggregateCall = kind == FunctionKind::Aggregate && !windowed;
  if (aggregateCall && context.aggregation == nullptr) {
    throw UserError(call.location, fmt::format("aggregate function {} is not allowed in {}", name,
                                               context.clause));
  }
  if (windowed && !context.allowOver) {
    throw UserError(call.location, fmt::format("OVER windows are not allowed in {}", context.clause));
  }
  if (call.filter && kind != FunctionKind::Aggregate) {
    throw UserError(call.filter->location, "FILTER (WHERE ..) is only allowed for aggregate functions");
  }
  if (call.distinct && kind != FunctionKind::Aggregate) {
    throw UserError(call.location, "DISTINCT is only allowed in aggregate functions");
  }

  // Operands of an aggregate are bound against the input rows, never against the groups.
  ExpressionContext operandContext = context;
  if (aggregateCall) {
    operandContext.aggregation = nullptr;
    operandContext.scope = context.aggregation->inputScope;
    operandContext.clause = "an aggregate function's arguments";
    operandContext.allowOver = false;
  }
  std::vector<plan::ExpressionRef> operands;
  std::vector<const ast::Expression*> sources;
  try {
    for (const auto& argument : call.arguments) {
      operands.push_back(bindExpression(*argument, operandContext));
      sources.push_back(argument.get());
    }
  } catch (const UserError&) {
    // A user function of unknown kind whose arguments are not grouped is taken to be a user
    // aggregate function (its implementation, once registered, says for sure).
    if (definition != nullptr || context.aggregation == nullptr) throw;
    operands.clear();
    sources.clear();
    operandContext.aggregation = nullptr;
    operandContext.scope = context.aggregation->inputScope;
    for (const auto& argument : call.arguments) {
      operands.push_back(bindExpression(*argument, operandContext));
      sources.push_back(argument.get());
    }
    aggregateCall = true;
  }
  if (call.returning) {
    auto returning = plan::literal("RETURNING", resolveType(*call.returning));
    operands.push_back(returning);
    auto marker = std::make_shared<ast::Literal>(call.location);
    marker->literalKind = ast::LiteralKind::String;
    marker->text = "RETURNING";
    sources.push_back(marker.get());
    if (definition == nullptr) return plan::call(name, std::move(operands), DataType::null());
    return typedCall(name, definition, std::move(operands), sources, call.location);
  }

  plan::ExpressionRef typed;
  if (definition == nullptr) {
    // A user function whose implementation is not known to Sluice: its calls are not type-checked
    // and its result has the unknown (NULL) type, which converts to any type.
    typed = plan::call(toUpperAscii(user->name.back()), std::move(operands), DataType::null());
  } else {
    typed = typedCall(user != nullptr ? toUpperAscii(user->name.back()) : name, definition,
                      std::move(operands), sources, call.location);
  }
  if (windowed) return overCall(call, definition, typed->operands, typed->type, context);
  if (!aggregateCall) return typed;

  PendingAggregate aggregate;
  aggregate.function = typed->name;
  aggregate.definition = definition;
  aggregate.operands = typed->operands;
  aggregate.distinct = call.distinct;
  aggregate.type = typed->type;
  if (call.filter) {
    aggregate.filter = requireBoolean(bindExpression(*call.filter, operandContext),
                                      call.filter->location, "FILTER");
  }
  auto digestCall = std::make_shared<plan::BoundExpression>(*typed);
  digestCall->distinct = call.distinct;
  aggregate.digest = digestCall->digest() + (aggregate.filter ? " FILTER " + aggregate.filter->digest() : "");
  return context.aggregation->aggregateReference(std::move(aggregate));
}

}  // namespace sluice
