#include "runtime/expression/common_subexpressions.h"

#include <set>

#include "runtime/data/physical_type.h"

namespace sluice::runtime {
namespace {

using artifact::Expression;
using artifact::ExpressionKind;

// Appends `text` with its length first, so that no two different expressions share a key
// whatever characters their literals or type names hold.
void appendField(std::string& key, const std::string& text) {
  key += std::to_string(text.size());
  key += ':';
  key += text;
}

void appendKey(std::string& key, const Expression& e) {
  key += '(';
  key += std::to_string(static_cast<int>(e.kind));
  appendField(key, e.type.toString());
  key += std::to_string(e.column);
  if (e.literal) {
    key += 'L';
    appendField(key, *e.literal);
  }
  appendField(key, e.function);
  for (const Expression& argument : e.arguments) appendKey(key, argument);
  key += ')';
}

// The calls the interpreter evaluates itself (special_forms.cpp): deterministic when their
// operands are.
bool isSpecialForm(const std::string& function) {
  static const std::set<std::string> kForms = {"AND",          "OR",      "NOT",      "IS NULL",
                                               "IS NOT NULL",  "IS TRUE", "IS FALSE", "IS NOT TRUE",
                                               "IS NOT FALSE", "CASE",    "COALESCE"};
  return kForms.count(function) > 0;
}

bool isNested(const DataType& type) {
  const PhysicalType physical = physicalTypeOf(type);
  return physical == PhysicalType::Row || physical == PhysicalType::Array ||
         physical == PhysicalType::Map;
}

bool deterministic(const Expression& e, const ScalarFunctionRegistry& registry) {
  for (const Expression& argument : e.arguments) {
    if (!deterministic(argument, registry)) return false;
  }
  const bool call = e.kind == ExpressionKind::Call || e.kind == ExpressionKind::Cast;
  if (!call || (e.kind == ExpressionKind::Call && isSpecialForm(e.function))) return true;
  // A cast that changes only nullability runs no kernel.
  if (e.kind == ExpressionKind::Cast && e.arguments[0].type.sameTypeIgnoringNullability(e.type)) {
    return true;
  }
  std::vector<DataType> types;
  for (const Expression& argument : e.arguments) types.push_back(argument.type);
  const ScalarKernel* kernel =
      registry.find(e.kind == ExpressionKind::Cast ? "CAST" : e.function, types, e.type);
  return kernel != nullptr && kernel->deterministic;
}

}  // namespace

std::string subexpressionKey(const Expression& expression) {
  std::string key;
  appendKey(key, expression);
  return key;
}

bool isShareable(const Expression& expression, const ScalarFunctionRegistry& registry) {
  if (expression.kind != ExpressionKind::Call && expression.kind != ExpressionKind::Cast) {
    return false;
  }
  // Nested values (ARRAY, MAP, ROW results) stay per occurrence: their vectors own child rows
  // that each evaluation rebuilds, and compiled code has none.
  if (isNested(expression.type)) return false;
  return deterministic(expression, registry);
}

}  // namespace sluice::runtime
