// Typing of the arithmetic, negation and comparison operators, as Flink's planner types them
// (Calcite's operators with Flink's FlinkTypeSystem decimal rules from LogicalTypeMerging).
// Casts and common types live in type_casts.cpp and type_merging.cpp.
#include "compiler/functions/type_rules.h"

#include <fmt/format.h>

#include <algorithm>

namespace sluice {
namespace {

const char* symbolOf(ArithmeticOperator op) {
  switch (op) {
    case ArithmeticOperator::Plus: return "+";
    case ArithmeticOperator::Minus: return "-";
    case ArithmeticOperator::Multiply: return "*";
    case ArithmeticOperator::Divide: return "/";
    case ArithmeticOperator::Modulo: return "%";
  }
  return "?";
}

Failure cannotApply(ArithmeticOperator op, const DataType& left, const DataType& right,
                    std::string_view hint = {}) {
  std::string message = fmt::format("cannot apply '{}' to arguments of type {} and {}",
                                    symbolOf(op), left.toString(), right.toString());
  if (!hint.empty()) message += fmt::format("; {}", hint);
  return fail(std::move(message));
}

// The type an operand is converted to: itself when it already has the target type (so time
// attributes and the like survive), else the target with the operand's nullability.
DataType convertedTo(const DataType& operand, const DataType& target) {
  if (operand.sameTypeIgnoringNullability(target)) return operand;
  return target.withNullable(operand.nullable());
}

DataType plain(const DataType& t) { return t.withTimeAttribute(TimeAttribute::None); }

// Flink's adjustPrecisionScale: past 38 digits, sacrifice scale (keeping at least 6 fractional
// digits when there were that many) so the integral part is not truncated.
DataType adjustedDecimal(int precision, int scale) {
  constexpr int kMax = DataType::kMaxDecimalPrecision;
  constexpr int kMinimumAdjustedScale = 6;
  if (precision <= kMax) return DataType::decimal(precision, scale);
  const int integral = precision - scale;
  const int minScale = std::min(scale, kMinimumAdjustedScale);
  return DataType::decimal(kMax, std::max(kMax - integral, minScale));
}

// LogicalTypeMerging.find{Addition,Multiplication,Division,Modulo}DecimalType.
DataType decimalResult(ArithmeticOperator op, int p1, int s1, int p2, int s2) {
  switch (op) {
    case ArithmeticOperator::Plus:
    case ArithmeticOperator::Minus: {
      const int scale = std::max(s1, s2);
      return adjustedDecimal(std::max(p1 - s1, p2 - s2) + scale + 1, scale);
    }
    case ArithmeticOperator::Multiply: return adjustedDecimal(p1 + p2 + 1, s1 + s2);
    case ArithmeticOperator::Divide: {
      const int scale = std::max(6, s1 + p2 + 1);
      return adjustedDecimal(p1 - s1 + s2 + scale, scale);
    }
    case ArithmeticOperator::Modulo: {
      const int scale = std::max(s1, s2);
      return adjustedDecimal(std::min(p1 - s1, p2 - s2) + scale, scale);
    }
  }
  return DataType::decimal(DataType::kMaxDecimalPrecision, 0);
}

// An exact numeric as DECIMAL: integers count as DECIMAL(3/5/10/19, 0).
DataType asDecimal(const DataType& t) {
  if (t.kind() == TypeKind::Decimal) return t;
  return DataType::decimal(integerDecimalPrecision(t.kind()), 0).withNullable(t.nullable());
}

Result<CallTyping> numericArithmetic(ArithmeticOperator op, const DataType& left,
                                     const DataType& right, bool nullable) {
  if (op == ArithmeticOperator::Modulo && (!left.isExactNumeric() || !right.isExactNumeric())) {
    return cannotApply(op, left, right);
  }
  if (left.isApproximate() || right.isApproximate()) {
    // FLOAT/DOUBLE win over exact numerics; DECIMAL with an approximate number is DOUBLE.
    const bool isDouble = left.kind() == TypeKind::Double || right.kind() == TypeKind::Double ||
                          left.kind() == TypeKind::Decimal || right.kind() == TypeKind::Decimal;
    const DataType target = isDouble ? DataType::doubleType() : DataType::floatType();
    return CallTyping{target.withNullable(nullable),
                      {convertedTo(left, target), convertedTo(right, target)}};
  }
  if (left.kind() == TypeKind::Decimal || right.kind() == TypeKind::Decimal) {
    const DataType l = asDecimal(left);
    const DataType r = asDecimal(right);
    const DataType result = decimalResult(op, l.precision(), l.scale(), r.precision(), r.scale());
    return CallTyping{result.withNullable(nullable),
                      {left.kind() == TypeKind::Decimal ? left : l,
                       right.kind() == TypeKind::Decimal ? right : r}};
  }
  // Both integers. MOD/% keeps the type of the divisor (Calcite's ARG1 rule); the other
  // operators use the wider integer, so BIGINT / INT is BIGINT with integer division.
  if (op == ArithmeticOperator::Modulo) {
    return CallTyping{plain(right).withNullable(nullable), {left, right}};
  }
  const DataType& wider =
      integerDecimalPrecision(left.kind()) >= integerDecimalPrecision(right.kind()) ? left : right;
  const DataType target = plain(wider).withNullable(true);
  return CallTyping{plain(wider).withNullable(nullable),
                    {convertedTo(left, target), convertedTo(right, target)}};
}

Result<CallTyping> intervalArithmetic(ArithmeticOperator op, const DataType& left,
                                      const DataType& right, bool nullable) {
  const bool plusOrMinus = op == ArithmeticOperator::Plus || op == ArithmeticOperator::Minus;
  if (plusOrMinus && left.isInterval() && right.isInterval()) {
    if (left.kind() != right.kind()) return cannotApply(op, left, right);
    auto common = leastRestrictiveType(std::vector<DataType>{left, right});
    if (!common) return cannotApply(op, left, right);
    return CallTyping{plain(*common).withNullable(nullable),
                      {convertedTo(left, *common), convertedTo(right, *common)}};
  }
  // datetime +/- interval and interval + datetime keep the datetime type.
  if (plusOrMinus && left.isDatetime() && right.isInterval()) {
    return CallTyping{plain(left).withNullable(nullable), {left, right}};
  }
  if (op == ArithmeticOperator::Plus && left.isInterval() && right.isDatetime()) {
    return CallTyping{plain(right).withNullable(nullable), {left, right}};
  }
  // interval * number, number * interval, interval / number scale the interval.
  if ((op == ArithmeticOperator::Multiply || op == ArithmeticOperator::Divide) &&
      left.isInterval() && right.isNumeric()) {
    return CallTyping{plain(left).withNullable(nullable), {left, right}};
  }
  if (op == ArithmeticOperator::Multiply && left.isNumeric() && right.isInterval()) {
    return CallTyping{plain(right).withNullable(nullable), {left, right}};
  }
  if (op == ArithmeticOperator::Minus && left.isDatetime() && right.isDatetime()) {
    return cannotApply(op, left, right, "use TIMESTAMPDIFF to subtract datetimes");
  }
  return cannotApply(op, left, right);
}

Result<CallTyping> typedArithmetic(ArithmeticOperator op, const DataType& left,
                                   const DataType& right, bool nullable) {
  if (left.isNumeric() && right.isNumeric()) return numericArithmetic(op, left, right, nullable);
  return intervalArithmetic(op, left, right, nullable);
}

}  // namespace

Result<CallTyping> inferArithmetic(ArithmeticOperator op, const DataType& left,
                                   const DataType& right) {
  const bool nullable = left.nullable() || right.nullable();
  const bool leftNull = left.kind() == TypeKind::Null;
  const bool rightNull = right.kind() == TypeKind::Null;
  if (leftNull && rightNull) return cannotApply(op, left, right);
  if (leftNull || rightNull) {
    // An untyped NULL takes the type the other operand needs: the same type for numbers and
    // intervals, an interval next to a datetime.
    const DataType& known = leftNull ? right : left;
    DataType stand = known.withNullable(true);
    if (known.isDatetime()) stand = DataType::intervalDayTime();
    auto typed = leftNull ? typedArithmetic(op, stand, known, true)
                          : typedArithmetic(op, known, stand, true);
    if (!typed.ok()) return cannotApply(op, left, right);
    CallTyping out = typed.value();
    out.operandTypes[leftNull ? 0 : 1] = stand;
    return out;
  }
  return typedArithmetic(op, left, right, nullable);
}

Result<CallTyping> inferNegation(const DataType& operand) {
  if (operand.kind() == TypeKind::Null) return CallTyping{operand, {operand}};
  if (operand.isNumeric() || operand.isInterval()) {
    return CallTyping{plain(operand), {operand}};
  }
  return fail(fmt::format("cannot apply '-' to an argument of type {}", operand.toString()));
}

namespace {

std::string listTypes(std::span<const DataType> types) {
  std::vector<std::string> names;
  for (const auto& t : types) {
    std::string name = t.toString();
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  if (names.size() == 1) return names.front() + " and " + names.front();
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
    out += names[i];
  }
  return out;
}

bool comparable(const DataType& t) {
  return t.kind() != TypeKind::Symbol && t.kind() != TypeKind::Descriptor;
}

// Flink compares character strings with DATE/TIME/TIMESTAMP values by converting the string.
std::optional<DataType> datetimeWithStrings(std::span<const DataType> operands) {
  std::vector<DataType> datetimes;
  for (const auto& t : operands) {
    if (t.isDatetime()) {
      datetimes.push_back(t);
    } else if (!t.isCharacterString() && t.kind() != TypeKind::Null) {
      return std::nullopt;
    }
  }
  if (datetimes.empty()) return std::nullopt;
  return leastRestrictiveType(datetimes);
}

}  // namespace

Result<CallTyping> inferComparison(std::span<const DataType> operands) {
  if (operands.size() < 2) {
    return fail(fmt::format("a comparison needs at least two operands, got {}", operands.size()));
  }
  bool nullable = false;
  bool allNull = true;
  for (const auto& t : operands) {
    nullable = nullable || t.nullable();
    allNull = allNull && t.kind() == TypeKind::Null;
  }
  const DataType result = DataType::boolean().withNullable(nullable);
  if (allNull) return CallTyping{result, {operands.begin(), operands.end()}};

  std::optional<DataType> common = leastRestrictiveType(operands);
  if (!common || !comparable(*common)) common = datetimeWithStrings(operands);
  if (!common) {
    return fail(fmt::format("cannot compare values of type {}", listTypes(operands)));
  }
  CallTyping typing{result, {}};
  for (const auto& t : operands) typing.operandTypes.push_back(convertedTo(t, *common));
  return typing;
}

}  // namespace sluice
