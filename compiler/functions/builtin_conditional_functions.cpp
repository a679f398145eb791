// Flink's conditional functions (docs: "Conditional Functions"): IF, IFNULL, COALESCE, NULLIF,
// GREATEST, LEAST, IS_ALPHA, IS_DECIMAL, IS_DIGIT. CASE is typed by the binder with
// leastRestrictiveType. Operands that must agree are converted to their least restrictive type.
#include "compiler/functions/builtin_families.h"
#include "compiler/functions/signature_builders.h"
#include "compiler/functions/type_rules.h"

namespace sluice::builtin {
namespace {

ArgSpec commonArg() {
  ArgSpec spec = anyArg();
  spec.label = "COMMON";
  return spec;
}

// IFNULL(input, replacement): the common type, nullable only when both are.
ResultRule ifNullResult() {
  return [](const CallArgs& args) -> Result<DataType> {
    if (!args.common()) return fail("the arguments have no common type");
    const bool nullable = args.operand(0).type.nullable() && args.operand(1).type.nullable();
    return args.common()->withTimeAttribute(TimeAttribute::None).withNullable(nullable);
  };
}

// NULLIF(a, b): a's own type, nullable. a and b only need to be comparable: they are compared,
// so they are not converted here (the comparison converts them).
FunctionDefinition nullIfFunction() {
  std::vector<std::string> signatures{"NULLIF(COMMON, COMMON)"};
  return custom("NULLIF", FunctionKind::Scalar, signatures,
                [signatures](std::span<const CallOperand> ops) -> Result<CallTyping> {
                  if (ops.size() != 2 || isKeyword(ops[0]) || isKeyword(ops[1]) ||
                      !inferComparison(ownTypes(ops)).ok()) {
                    return invalidArguments("NULLIF", ops, signatures);
                  }
                  return CallTyping{
                      ops[0].type.withTimeAttribute(TimeAttribute::None).withNullable(true),
                      ownTypes(ops)};
                });
}

}  // namespace

void registerConditionalFunctions(FunctionRegistry& r) {
  r.add(scalar("IF", {unified(sig({booleanArg(), commonArg(), commonArg()}, commonType()), 1)}));
  r.add(scalar("IFNULL", {unified(sig({commonArg(), commonArg()}, ifNullResult()))}));
  r.add(scalar("COALESCE",
               {unified(varying({commonArg()}, commonArg(), nullableIfAllArgs(commonType())))}));
  r.add(nullIfFunction());
  for (const char* name : {"GREATEST", "LEAST"}) {
    r.add(
        scalar(name, {unified(varying({commonArg()}, commonArg(), nullableIfArgs(commonType())))}));
  }
  for (const char* name : {"IS_ALPHA", "IS_DECIMAL", "IS_DIGIT"}) {
    r.add(scalar(name, {sig({stringArg()}, explicitType(DataType::boolean().notNull())),
                        sig({numericArg()}, explicitType(DataType::boolean().notNull()))}));
  }
}

}  // namespace sluice::builtin
