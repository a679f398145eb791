// Flink's aggregate functions (docs: "Aggregate Functions") and grouping functions.
//
// Result nullability follows Calcite inside GROUP BY: the result is nullable when the argument
// is (COUNT, COLLECT and the JSON aggregates are never NULL). A global aggregate (no GROUP BY) or
// one with FILTER can see an empty group: the binder makes those results nullable.
#include "compiler/functions/builtin_families.h"
#include "compiler/functions/signature_builders.h"
#include "compiler/functions/type_rules.h"

namespace sluice::builtin {
namespace {

// AVG and the variance family: LogicalTypeMerging.findAvgAggType. A DECIMAL(p, s) average is
// DECIMAL(38, s) divided by the BIGINT count as DECIMAL(20, 0), i.e. DECIMAL(38, max(6, s));
// other numbers keep their type (AVG of BIGINT is BIGINT).
ResultRule avgResult() {
  return [](const CallArgs& args) -> Result<DataType> {
    const DataType t = args.type(0).withTimeAttribute(TimeAttribute::None);
    if (t.kind() != TypeKind::Decimal) return t;
    auto quotient = inferArithmetic(ArithmeticOperator::Divide,
                                    DataType::decimal(DataType::kMaxDecimalPrecision, t.scale()),
                                    DataType::decimal(20, 0));
    if (!quotient.ok()) return fail(quotient.error());
    return quotient.value().result.withNullable(t.nullable());
  };
}

// SUM: LogicalTypeMerging.findSumAggType, DECIMAL(p, s) -> DECIMAL(38, s); other numbers keep
// their type (SUM of INT is INT).
ResultRule sumResult() {
  return [](const CallArgs& args) -> Result<DataType> {
    const DataType t = args.type(0).withTimeAttribute(TimeAttribute::None);
    if (t.kind() != TypeKind::Decimal) return t;
    return DataType::decimal(DataType::kMaxDecimalPrecision, t.scale()).withNullable(t.nullable());
  };
}

// MULTISET<T> / ARRAY<T> NOT NULL of the argument type T.
ResultRule collectionOfArg(TypeKind kind) {
  return [kind](const CallArgs& args) -> Result<DataType> {
    const DataType element = args.type(0).withTimeAttribute(TimeAttribute::None);
    if (kind == TypeKind::Multiset) return DataType::multiset(element).notNull();
    return DataType::array(element).notNull();
  };
}

// PERCENTILE(x, p[, frequency]): DOUBLE, or ARRAY<DOUBLE> for an array of percentages.
ResultRule percentileResult() {
  return [](const CallArgs& args) -> Result<DataType> {
    if (args.type(1).kind() == TypeKind::Array) return DataType::array(DataType::doubleType());
    return DataType::doubleType();
  };
}

ArgSpec percentageArg() {
  ArgSpec numbers = arrayArg();
  numbers.accept = [](const CallOperand& op) -> std::optional<DataType> {
    if (op.type.kind() != TypeKind::Array || !op.type.elementType().isNumeric())
      return std::nullopt;
    return op.type;
  };
  return eitherArg(numericArg(), numbers, "NUMERIC|ARRAY<NUMERIC>");
}

}  // namespace

void registerAggregateFunctions(FunctionRegistry& r) {
  const DataType countType = DataType::bigInt().notNull();
  // COUNT(*) arrives without operands; COUNT(a, b) counts rows where all are non-NULL.
  r.add(aggregate("COUNT", {varying({}, anyArg(), explicitType(countType))}));
  r.add(
      aggregate("APPROX_COUNT_DISTINCT", {varying({anyArg()}, anyArg(), explicitType(countType))}));
  r.add(aggregate("SUM", {sig({numericArg()}, sumResult())}));
  r.add(aggregate("SUM0", {sig({numericArg()}, sumResult())}));
  for (const char* name : {"AVG", "STDDEV_POP", "VAR_POP"}) {
    r.add(aggregate(name, {sig({numericArg()}, avgResult())}));
  }
  // The sample variants (STDDEV and VARIANCE are their aliases) are NULL for a single value,
  // whatever the argument's nullability (Calcite makes them nullable too).
  for (const char* name : {"STDDEV", "STDDEV_SAMP", "VARIANCE", "VAR_SAMP"}) {
    r.add(aggregate(name, {sig({numericArg()}, forceNullable(avgResult()))}));
  }
  for (const char* name : {"MAX", "MIN"}) r.add(aggregate(name, {sig({anyArg()}, argType(0))}));
  // Calcite's BOOL_AND / BOOL_OR and the standard's EVERY / SOME: NULLs are skipped, and the
  // result is the argument's type, NULL only for a group without a non-NULL value.
  for (const char* name : {"BOOL_AND", "BOOL_OR", "EVERY", "SOME"}) {
    r.add(aggregate(name, {sig({booleanArg()}, argType(0))}));
  }
  for (const char* name : {"FIRST_VALUE", "LAST_VALUE"}) {
    // Blink adds an explicit order operand: FIRST_VALUE(value, order).
    r.add(
        aggregate(name, {sig({anyArg()}, argType(0)), sig({anyArg(), numericArg()}, argType(0))}));
  }
  r.add(aggregate("LISTAGG", {sig({stringArg()}, forceNullable(DataType::string())),
                              sig({stringArg(), stringArg()}, forceNullable(DataType::string()))}));
  r.add(aggregate("COLLECT", {sig({anyArg()}, collectionOfArg(TypeKind::Multiset))}));
  r.add(
      aggregate("ARRAY_AGG", {sig({anyArg()}, nullableIfArgs(collectionOfArg(TypeKind::Array)))}));
  r.add(aggregate(
      "PERCENTILE",
      {sig({numericArg(), percentageArg()}, forceNullable(percentileResult())),
       sig({numericArg(), percentageArg(), integerArg()}, forceNullable(percentileResult()))}));
}

void registerGroupingFunctions(FunctionRegistry& r) {
  const DataType id = DataType::bigInt().notNull();
  r.add(aggregate("GROUPING", {varying({anyArg()}, anyArg(), explicitType(id))}));
  r.add(aggregate("GROUPING_ID", {varying({anyArg()}, anyArg(), explicitType(id))}));
  r.add(aggregate("GROUP_ID", {sig({}, explicitType(id))}));
}

}  // namespace sluice::builtin
