// Flink's typing rules for operators and implicit conversions, shared by the binder and the
// function definitions. Decimal rules follow Flink's LogicalTypeMerging (which follows SQL Server
// and Hive): for example DECIMAL(4,3) * DECIMAL(19,0) is DECIMAL(23,3).
#pragma once

#include <optional>
#include <span>

#include "compiler/diagnostics/result.h"
#include "compiler/functions/function_registry.h"
#include "compiler/types/data_type.h"

namespace sluice {

enum class ArithmeticOperator : uint8_t { Plus, Minus, Multiply, Divide, Modulo };

// Typing of `left op right` with Flink's result types: integer operands widen to the larger
// integer (BIGINT / INT is BIGINT, integer division), DECIMAL precision/scale derivation,
// FLOAT/DOUBLE contagion, and datetime +/- interval, timestamp - timestamp is refused, etc.
// Nullability: the result is nullable when either operand is.
Result<CallTyping> inferArithmetic(ArithmeticOperator op, const DataType& left,
                                   const DataType& right);

// Unary minus / plus.
Result<CallTyping> inferNegation(const DataType& operand);

// Typing of comparisons (=, <>, <, <=, >, >=, IS [NOT] DISTINCT FROM, BETWEEN, IN): the operand
// types after converting both to a common comparable type, result BOOLEAN (nullable if any is).
Result<CallTyping> inferComparison(std::span<const DataType> operands);

// The least restrictive type of several types (CASE branches, COALESCE, UNION, IN lists, VALUES
// rows), as Flink's LogicalTypeMerging.findCommonType; nullopt when there is none.
std::optional<DataType> leastRestrictiveType(std::span<const DataType> types);

// Whether a value of `from` converts to `to` without an explicit CAST (Flink's implicit casts:
// numeric widening, CHAR to VARCHAR, NULL to anything, DATE to TIMESTAMP, ...).
bool canCastImplicitly(const DataType& from, const DataType& to);

// Whether CAST(from AS to) is valid (Flink's LogicalTypeCasts.supportsExplicitCast).
bool canCastExplicitly(const DataType& from, const DataType& to);

}  // namespace sluice
