// Flink's JSON functions (docs: "JSON Functions"): JSON_EXISTS, JSON_VALUE, JSON_QUERY,
// JSON_STRING, JSON_OBJECT, JSON_ARRAY, JSON_QUOTE, JSON_UNQUOTE and the aggregates
// JSON_OBJECTAGG and JSON_ARRAYAGG. IS JSON is typed by the binder.
//
// Clauses arrive as trailing operands: keywords (ON EMPTY / ON ERROR / ON NULL behaviours) as
// SYMBOL operands, DEFAULT values as ordinary operands, and RETURNING <type> as an operand whose
// literal is "RETURNING" and whose type is the requested type.
#include "compiler/functions/builtin_families.h"
#include "compiler/functions/signature_builders.h"
#include "compiler/types/identifier_case.h"

namespace sluice::builtin {
namespace {

bool isReturning(const CallOperand& op) {
  return !isKeyword(op) && op.literal && equalsIgnoreCase(*op.literal, "RETURNING");
}

// JSON_VALUE / JSON_QUERY(json, path [RETURNING type] [clauses]): the RETURNING type (STRING by
// default), always nullable. Blink's JSON_VALUE(json, path) is the two-operand form.
FunctionDefinition jsonPathFunction(const std::string& name) {
  std::vector<std::string> signatures{
      name + "(STRING, STRING)",
      name + "(STRING, STRING, RETURNING type, [ON EMPTY | ON ERROR clauses]...)"};
  return custom(name, FunctionKind::Scalar, signatures,
                [name, signatures](std::span<const CallOperand> ops) -> Result<CallTyping> {
                  const bool head =
                      ops.size() >= 2 &&
                      (ops[0].type.isCharacterString() || ops[0].type.kind() == TypeKind::Null) &&
                      ops[1].type.isCharacterString();
                  if (!head) return invalidArguments(name, ops, signatures);
                  DataType result = DataType::string();
                  int returning = 0;
                  for (size_t i = 2; i < ops.size(); ++i) {
                    if (isReturning(ops[i])) {
                      result = ops[i].type;
                      ++returning;
                    } else if (ops[i].type.kind() == TypeKind::Descriptor) {
                      return invalidArguments(name, ops, signatures);
                    }
                  }
                  if (returning > 1) return invalidArguments(name, ops, signatures);
                  std::vector<DataType> operandTypes = ownTypes(ops);
                  if (ops[0].type.kind() == TypeKind::Null) operandTypes[0] = DataType::string();
                  return CallTyping{
                      result.withTimeAttribute(TimeAttribute::None).withNullable(true),
                      std::move(operandTypes)};
                });
}

// JSON_OBJECT([KEY] k VALUE v, ... [NULL | ABSENT ON NULL]): STRING NOT NULL; keys are strings.
FunctionDefinition jsonObjectFunction() {
  const std::string name = "JSON_OBJECT";
  std::vector<std::string> signatures{name + "([STRING, ANY]..., [ON NULL clause])"};
  return custom(name, FunctionKind::Scalar, signatures,
                [name, signatures](std::span<const CallOperand> ops) -> Result<CallTyping> {
                  std::vector<const CallOperand*> entries;
                  for (const auto& op : ops) {
                    if (!isKeyword(op)) entries.push_back(&op);
                  }
                  if (entries.size() % 2 != 0) return invalidArguments(name, ops, signatures);
                  for (size_t i = 0; i < entries.size(); ++i) {
                    const DataType& t = entries[i]->type;
                    if (t.kind() == TypeKind::Descriptor)
                      return invalidArguments(name, ops, signatures);
                    if (i % 2 == 0 && !t.isCharacterString()) {
                      return invalidArguments(name, ops, signatures);
                    }
                  }
                  return CallTyping{DataType::string().notNull(), ownTypes(ops)};
                });
}

}  // namespace

void registerJsonFunctions(FunctionRegistry& r) {
  const DataType str = DataType::string();
  const ArgSpec clause = symbolArg("CLAUSE");

  r.add(scalar("JSON_EXISTS",
               {sig({stringArg(), stringArg()}, forceNullable(DataType::boolean())),
                sig({stringArg(), stringArg(), clause}, forceNullable(DataType::boolean()))}));
  r.add(jsonPathFunction("JSON_VALUE"));
  r.add(jsonPathFunction("JSON_QUERY"));
  r.add(scalar("JSON_STRING", {sig({anyArg()}, nullableIfArgs(str))}));
  r.add(jsonObjectFunction());
  r.add(scalar("JSON_ARRAY",
               {varying({}, eitherArg(anyArg(), clause, "ANY"), explicitType(str.notNull()))}));
  r.add(scalar("JSON_QUOTE", {sig({stringArg()}, nullableIfArgs(str))}));
  r.add(scalar("JSON_UNQUOTE", {sig({stringArg()}, nullableIfArgs(str))}));

  r.add(aggregate("JSON_OBJECTAGG",
                  {sig({stringArg(), anyArg()}, explicitType(str.notNull())),
                   sig({stringArg(), anyArg(), clause}, explicitType(str.notNull())),
                   sig({clause, stringArg(), anyArg()}, explicitType(str.notNull()))}));
  r.add(aggregate("JSON_ARRAYAGG", {sig({anyArg()}, explicitType(str.notNull())),
                                    sig({anyArg(), clause}, explicitType(str.notNull())),
                                    sig({clause, anyArg()}, explicitType(str.notNull()))}));
}

}  // namespace sluice::builtin
