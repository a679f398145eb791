// Flink's ranking and offset functions, usable only with OVER (docs: "Aggregate Functions"):
// ROW_NUMBER, RANK, DENSE_RANK, PERCENT_RANK, CUME_DIST, NTILE, LEAD, LAG.
#include "compiler/functions/builtin_families.h"
#include "compiler/functions/signature_builders.h"
#include "compiler/functions/type_rules.h"

namespace sluice::builtin {
namespace {

// LEAD/LAG(x [, offset [, default]]): x's type, nullable unless a NOT NULL default is given; with
// a default, x and the default are converted to their common type.
FunctionDefinition offsetFunction(const std::string& name) {
  std::vector<std::string> signatures{name + "(ANY)", name + "(ANY, NUMERIC)",
                                      name + "(COMMON, NUMERIC, COMMON)"};
  return custom(
      name, FunctionKind::Ranking, signatures,
      [name, signatures](std::span<const CallOperand> ops) -> Result<CallTyping> {
        const size_t n = ops.size();
        auto invalid = [&] { return invalidArguments(name, ops, signatures); };
        if (n < 1 || n > 3) return invalid();
        for (const auto& op : ops) {
          if (isKeyword(op) || op.type.kind() == TypeKind::Descriptor) return invalid();
        }
        std::vector<DataType> types = ownTypes(ops);
        if (n >= 2) {
          if (ops[1].type.kind() == TypeKind::Null) {
            types[1] = DataType::integer();
          } else if (!ops[1].type.isNumeric()) {
            return invalid();
          }
        }
        DataType value = ops[0].type.withTimeAttribute(TimeAttribute::None);
        bool nullable = true;
        if (n == 3) {
          auto common = leastRestrictiveType(std::vector<DataType>{ops[0].type, ops[2].type});
          if (!common) return invalid();
          value = common->withTimeAttribute(TimeAttribute::None);
          types[0] = convertedTo(ops[0].type, value);
          types[2] = convertedTo(ops[2].type, value);
          nullable = ops[2].type.nullable();
        }
        return CallTyping{value.withNullable(nullable), std::move(types)};
      });
}

}  // namespace

void registerRankingFunctions(FunctionRegistry& r) {
  const DataType rank = DataType::bigInt().notNull();
  const DataType fraction = DataType::doubleType().notNull();
  for (const char* name : {"ROW_NUMBER", "RANK", "DENSE_RANK"}) {
    r.add(ranking(name, {sig({}, explicitType(rank))}));
  }
  for (const char* name : {"PERCENT_RANK", "CUME_DIST"}) {
    r.add(ranking(name, {sig({}, explicitType(fraction))}));
  }
  r.add(ranking("NTILE", {sig({integerArg()}, explicitType(DataType::integer().notNull()))}));
  r.add(offsetFunction("LEAD"));
  r.add(offsetFunction("LAG"));
}

}  // namespace sluice::builtin
