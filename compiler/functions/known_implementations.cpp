#include "compiler/functions/known_implementations.h"

#include <vector>

namespace sluice {

namespace {

// Nexmark q14's CountChar(s STRING, c STRING) -> BIGINT: occurrences of character c in s.
FunctionDefinition countChar() {
  FunctionDefinition definition;
  definition.name = "COUNT_CHAR";
  definition.kind = FunctionKind::Scalar;
  definition.signatures = {"count_char(STRING, STRING)"};
  definition.infer = [](std::span<const CallOperand> operands) -> Result<CallTyping> {
    if (operands.size() != 2) return fail("count_char takes 2 arguments: a string and a character");
    bool nullable = false;
    for (const auto& operand : operands) {
      TypeKind kind = operand.type.kind();
      if (kind != TypeKind::Char && kind != TypeKind::VarChar && kind != TypeKind::Null) {
        return fail("invalid arguments to count_char(" + operands[0].type.toString() + ", " +
                    operands[1].type.toString() + "); expected count_char(STRING, STRING)");
      }
      nullable = nullable || operand.type.nullable();
    }
    return CallTyping{DataType::bigInt().withNullable(nullable),
                      {DataType::string(), DataType::string()}};
  };
  return definition;
}

struct KnownImplementation {
  const char* identifier;
  FunctionDefinition definition;
};

const std::vector<KnownImplementation>& knownImplementations() {
  static const std::vector<KnownImplementation> kKnown = {
      {"com.github.nexmark.flink.udf.CountChar", countChar()},
  };
  return kKnown;
}

}  // namespace

const FunctionDefinition* findKnownImplementation(std::string_view identifier) {
  for (const auto& known : knownImplementations()) {
    if (identifier == known.identifier) return &known.definition;
  }
  return nullptr;
}

}  // namespace sluice
