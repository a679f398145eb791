#include "compiler/physical/join_keys.h"

#include <algorithm>

#include "runtime/data/physical_type.h"

namespace sluice::physical {

artifact::JoinType artifactJoinType(plan::JoinKind kind) {
  switch (kind) {
    case plan::JoinKind::Inner: return artifact::JoinType::Inner;
    case plan::JoinKind::Left: return artifact::JoinType::Left;
    case plan::JoinKind::Right: return artifact::JoinType::Right;
    case plan::JoinKind::Full: return artifact::JoinType::Full;
    case plan::JoinKind::Semi: return artifact::JoinType::Semi;
    case plan::JoinKind::Anti: return artifact::JoinType::Anti;
  }
  return artifact::JoinType::Inner;
}

// `l = r` between a left and a right column of one physical type is a join key; anything else
// stays in the condition.
JoinKeySplit splitJoinKeys(const plan::LogicalNode& join) {
  JoinKeySplit split;
  const int leftWidth = static_cast<int>(join.inputs[0]->schema.size());
  auto typeOf = [&](int index) {
    return index < leftWidth ? join.inputs[0]->schema[static_cast<size_t>(index)].type
                             : join.inputs[1]->schema[static_cast<size_t>(index - leftWidth)].type;
  };
  for (const plan::ExpressionRef& conjunct : plan::conjunctions(join.condition)) {
    bool key = false;
    if (conjunct->kind == plan::ExpressionKind::Call && conjunct->name == "=") {
      const auto& a = conjunct->operands[0];
      const auto& b = conjunct->operands[1];
      if (a->kind == plan::ExpressionKind::InputRef && b->kind == plan::ExpressionKind::InputRef &&
          (a->index < leftWidth) != (b->index < leftWidth) &&
          runtime::physicalTypeOf(typeOf(a->index)) == runtime::physicalTypeOf(typeOf(b->index))) {
        split.leftKeys.push_back(std::min(a->index, b->index));
        split.rightKeys.push_back(std::max(a->index, b->index) - leftWidth);
        key = true;
      }
    }
    // TRUE (an uncorrelated EXISTS) joins everything: no condition at all.
    const bool alwaysTrue =
        conjunct->kind == plan::ExpressionKind::Literal && conjunct->name == "TRUE";
    if (!key && !alwaysTrue) split.residual.push_back(conjunct);
  }
  return split;
}

plan::ExpressionRef conjunctionOf(const std::vector<plan::ExpressionRef>& conjuncts) {
  if (conjuncts.empty()) return nullptr;
  if (conjuncts.size() == 1) return conjuncts[0];
  return plan::call("AND", conjuncts, DataType::boolean());
}

}  // namespace sluice::physical
