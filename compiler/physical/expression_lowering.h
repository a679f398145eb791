// Bound expressions of the logical plan -> canonical artifact expressions. Sugar is rewritten
// here so the interpreter and the code generator implement few special forms: BETWEEN, IN,
// NULLIF, IF, IFNULL, IS [NOT] DISTINCT FROM, NOT LIKE and IS UNKNOWN become the forms they mean.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "compiler/artifact/job_plan.h"
#include "compiler/plan/bound_expression.h"

namespace sluice::physical {

// Lowers an expression; nullopt with `unsupported` set names what cannot run yet.
std::optional<artifact::Expression> lowerExpression(const plan::BoundExpression& expression,
                                                    std::string& unsupported);

// Replaces each column reference $i of `expression` by `inputs[i]`.
artifact::Expression substituteColumns(const artifact::Expression& expression,
                                       const std::vector<artifact::Expression>& inputs);

// The special forms the runtime implements itself rather than through a scalar kernel.
bool isSpecialForm(const std::string& function);

}  // namespace sluice::physical
