// Questions the SELECT binder asks of the AST before binding it.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "compiler/functions/function_registry.h"
#include "compiler/parser/ast/ast_expression.h"

namespace sluice {

// The definition a function name resolves to (user functions by Flink's precedence, then the
// built-ins), or nullptr.
using FunctionLookup = std::function<const FunctionDefinition*(std::string_view name)>;

// Whether the expression calls an aggregate function outside an OVER window (not looking into
// subqueries, which aggregate on their own).
bool containsAggregate(const ast::Expression& expression, const FunctionLookup& registry);

// The name Flink gives an unaliased select item: the column or field name, else EXPR$<position>.
std::string outputName(const ast::Expression& expression, size_t position);

}  // namespace sluice
