// Questions the SELECT binder asks of the AST before binding it.
#pragma once

#include <string>

#include "compiler/functions/function_registry.h"
#include "compiler/parser/ast/ast_expression.h"

namespace sluice {

// Whether the expression calls an aggregate function outside an OVER window (not looking into
// subqueries, which aggregate on their own).
bool containsAggregate(const ast::Expression& expression, const FunctionRegistry& registry);

// The name Flink gives an unaliased select item: the column or field name, else EXPR$<position>.
std::string outputName(const ast::Expression& expression, size_t position);

}  // namespace sluice
