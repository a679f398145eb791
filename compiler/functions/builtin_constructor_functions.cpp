// The value constructors ARRAY[e, ...] and MAP[k, v, ...], registered under the names the binder
// calls them by: ARRAY_VALUE_CONSTRUCTOR and MAP_VALUE_CONSTRUCTOR. ROW(..) is typed by the binder.
#include "compiler/functions/builtin_families.h"
#include "compiler/functions/signature_builders.h"
#include "compiler/functions/type_rules.h"

namespace sluice::builtin {
namespace {

// ARRAY[e1, ...]: ARRAY<least restrictive element type> NOT NULL.
ResultRule arrayOfCommon() {
  return [](const CallArgs& args) -> Result<DataType> {
    if (!args.common()) return fail("the elements have no common type");
    return DataType::array(args.common()->withTimeAttribute(TimeAttribute::None)).notNull();
  };
}

// MAP[k1, v1, k2, v2, ...]: MAP<common key type, common value type> NOT NULL.
FunctionDefinition mapConstructor() {
  const std::string name = "MAP_VALUE_CONSTRUCTOR";
  std::vector<std::string> signatures{name + "(KEY, VALUE, [KEY, VALUE]...)"};
  return custom(name, FunctionKind::Scalar, signatures,
                [name, signatures](std::span<const CallOperand> ops) -> Result<CallTyping> {
                  if (ops.empty() || ops.size() % 2 != 0) {
                    return invalidArguments(name, ops, signatures);
                  }
                  std::vector<DataType> keys;
                  std::vector<DataType> values;
                  for (size_t i = 0; i < ops.size(); ++i) {
                    if (isKeyword(ops[i])) return invalidArguments(name, ops, signatures);
                    (i % 2 == 0 ? keys : values).push_back(ops[i].type);
                  }
                  auto key = leastRestrictiveType(keys);
                  auto value = leastRestrictiveType(values);
                  if (!key || !value) return invalidArguments(name, ops, signatures);
                  CallTyping typing;
                  const DataType k = key->withTimeAttribute(TimeAttribute::None);
                  const DataType v = value->withTimeAttribute(TimeAttribute::None);
                  typing.result = DataType::map(k, v).notNull();
                  for (size_t i = 0; i < ops.size(); ++i) {
                    typing.operandTypes.push_back(convertedTo(ops[i].type, i % 2 == 0 ? k : v));
                  }
                  return typing;
                });
}

}  // namespace

void registerConstructorFunctions(FunctionRegistry& r) {
  ArgSpec element = anyArg();
  element.label = "COMMON";
  r.add(scalar("ARRAY_VALUE_CONSTRUCTOR", {unified(varying({element}, element, arrayOfCommon()))}));
  r.add(mapConstructor());
}

}  // namespace sluice::builtin
