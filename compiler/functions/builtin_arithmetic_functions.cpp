// Flink's arithmetic functions (docs: "Arithmetic Functions"), typed as Flink's SQL operator table
// types them (FlinkSqlOperatorTable / Calcite's SqlStdOperatorTable with FlinkTypeSystem).
#include <algorithm>

#include "compiler/functions/builtin_families.h"
#include "compiler/functions/signature_builders.h"
#include "compiler/functions/type_rules.h"

namespace sluice::builtin {
namespace {

// ROUND/TRUNCATE: non-decimals keep their type; DECIMAL(p, s) rounded to a literal r digits is
// LogicalTypeMerging.findRoundDecimalType (r >= s: unchanged; r < 0: DECIMAL(1+p-s, 0);
// else DECIMAL(1+p-s+r, r)); a non-literal r keeps the type.
ResultRule roundResult() {
  return [](const CallArgs& args) -> Result<DataType> {
    const DataType t = args.type(0).withTimeAttribute(TimeAttribute::None);
    if (t.kind() != TypeKind::Decimal) return t;
    int64_t digits = 0;
    if (args.size() == 2) {
      std::optional<int64_t> literal = args.integerLiteral(1);
      if (!literal) return t;
      digits = *literal;
    }
    const int p = t.precision();
    const int s = t.scale();
    if (digits >= s) return t;
    if (digits < 0)
      return DataType::decimal(std::min(DataType::kMaxDecimalPrecision, 1 + p - s), 0);
    const int r = static_cast<int>(digits);
    return DataType::decimal(1 + p - s + r, r);
  };
}

// FLOOR/CEIL of a number: DECIMAL(p, s) becomes DECIMAL(p, 0); other numbers keep their type.
ResultRule scaleZeroResult() {
  return [](const CallArgs& args) -> Result<DataType> {
    const DataType t = args.type(0).withTimeAttribute(TimeAttribute::None);
    if (t.kind() != TypeKind::Decimal) return t;
    return DataType::decimal(t.precision(), 0).withNullable(t.nullable());
  };
}

std::vector<Signature> floorCeilSignatures() {
  return {
      sig({numericArg()}, nullableIfArgs(scaleZeroResult())),
      sig({intervalArg()}, nullableIfArgs(argType(0))),
      // FLOOR(ts TO DAY): the unit arrives as a keyword operand, after or before the datetime.
      sig({datetimeArg(), symbolArg("TIME_UNIT")}, nullableIfArgs(argType(0))),
      sig({symbolArg("TIME_UNIT"), datetimeArg()}, nullableIfArgs(argType(1))),
  };
}

// MOD(a, b) is the '%' operator: exact numerics only, DECIMAL per findModuloDecimalType,
// integers keep the divisor's type.
FunctionDefinition modFunction() {
  std::vector<std::string> signatures{"MOD(EXACT_NUMERIC, EXACT_NUMERIC)"};
  return custom("MOD", FunctionKind::Scalar, signatures,
                [signatures](std::span<const CallOperand> ops) -> Result<CallTyping> {
                  if (ops.size() == 2) {
                    auto typing =
                        inferArithmetic(ArithmeticOperator::Modulo, ops[0].type, ops[1].type);
                    if (typing.ok()) return typing;
                  }
                  return invalidArguments("MOD", ops, signatures);
                });
}

void addDoubleFunction(FunctionRegistry& r, const char* name) {
  r.add(scalar(name, {sig({numericArg()}, nullableIfArgs(DataType::doubleType()))}));
}

}  // namespace

void registerArithmeticFunctions(FunctionRegistry& r) {
  const DataType dbl = DataType::doubleType();

  r.add(scalar("ABS", {sig({numericArg()}, argType(0)), sig({intervalArg()}, argType(0))}));
  r.add(scalar("SIGN", {sig({numericArg()}, argType(0))}));
  r.add(modFunction());
  r.add(scalar("POWER", {sig({numericArg(), numericArg()}, nullableIfArgs(dbl))}));
  r.add(scalar("ATAN2", {sig({numericArg(), numericArg()}, nullableIfArgs(dbl))}));
  r.add(scalar("LOG", {sig({numericArg()}, nullableIfArgs(dbl)),
                       sig({numericArg(), numericArg()}, nullableIfArgs(dbl))}));
  for (const char* name : {"SQRT", "LN", "LOG10", "LOG2", "EXP", "SIN", "COS", "TAN", "COT", "ASIN",
                           "ACOS", "ATAN", "SINH", "COSH", "TANH", "DEGREES", "RADIANS"}) {
    addDoubleFunction(r, name);
  }
  for (const char* name : {"CEIL", "CEILING", "FLOOR"}) r.add(scalar(name, floorCeilSignatures()));
  for (const char* name : {"ROUND", "TRUNCATE"}) {
    r.add(scalar(name, {sig({numericArg()}, nullableIfArgs(roundResult())),
                        sig({numericArg(), integerArg()}, nullableIfArgs(roundResult()))}));
  }

  r.add(scalar("PI", {sig({}, explicitType(dbl.notNull()))}));
  r.add(scalar("E", {sig({}, explicitType(dbl.notNull()))}));
  r.add(nonDeterministic(scalar("RAND", {sig({}, explicitType(dbl.notNull())),
                                         sig({numericArg()}, explicitType(dbl.notNull()))})));
  r.add(nonDeterministic(
      scalar("RAND_INTEGER",
             {sig({numericArg()}, explicitType(DataType::integer().notNull())),
              sig({numericArg(), numericArg()}, explicitType(DataType::integer().notNull()))})));
  r.add(
      nonDeterministic(scalar("UUID", {sig({}, explicitType(DataType::charType(36).notNull()))})));

  r.add(scalar("BIN", {sig({integerArg()}, nullableIfArgs(DataType::string()))}));
  r.add(scalar("HEX", {sig({integerArg()}, nullableIfArgs(DataType::string())),
                       sig({stringArg()}, nullableIfArgs(DataType::string()))}));
  r.add(scalar("UNHEX", {sig({stringArg()}, forceNullable(DataType::bytes()))}));
}

}  // namespace sluice::builtin
