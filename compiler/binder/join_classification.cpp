#include "compiler/binder/join_classification.h"

#include "compiler/binder/interval_bounds.h"
#include "compiler/binder/window_source.h"

namespace sluice {

namespace {

// The type of join input field `index` (left fields first, then right fields).
const DataType& inputFieldType(const plan::LogicalNode& join, int index) {
  size_t leftWidth = join.inputs[0]->schema.size();
  auto i = static_cast<size_t>(index);
  return i < leftWidth ? join.inputs[0]->schema[i].type : join.inputs[1]->schema[i - leftWidth].type;
}

}  // namespace

void classifyJoin(plan::LogicalNode& join, bool temporal) {
  int leftWidth = static_cast<int>(join.inputs[0]->schema.size());
  join.equiKeys.clear();
  for (const auto& conjunct : plan::conjunctions(join.condition)) {
    if (conjunct->kind != plan::ExpressionKind::Call || conjunct->name != "=") continue;
    const auto& a = conjunct->operands[0];
    const auto& b = conjunct->operands[1];
    if (a->kind != plan::ExpressionKind::InputRef || b->kind != plan::ExpressionKind::InputRef) continue;
    if (a->index < leftWidth && b->index >= leftWidth) {
      join.equiKeys.emplace_back(a->index, b->index - leftWidth);
    } else if (b->index < leftWidth && a->index >= leftWidth) {
      join.equiKeys.emplace_back(b->index, a->index - leftWidth);
    }
  }
  if (!temporal) {
    bool window = false;
    for (const auto& [l, r] : join.equiKeys) {
      std::string a, b;
      if (windowFieldOrigin(*join.inputs[0], l, &a) != nullptr &&
          windowFieldOrigin(*join.inputs[1], r, &b) != nullptr && a == "window_start" && b == a) {
        window = true;
      }
    }
    const bool interval = !window && intervalBounds(join).has_value();
    join.joinStrategy = window ? plan::JoinStrategy::Window
                        : interval ? plan::JoinStrategy::Interval
                                   : plan::JoinStrategy::Regular;
    join.windowed = window;
  }
  // Lookup and temporal joins keep the left side's time attributes; interval and window joins
  // keep both sides'; a regular join materializes them.
  for (size_t i = 0; i < join.schema.size(); ++i) {
    bool isLeft = static_cast<int>(i) < leftWidth;
    bool keep = false;
    switch (join.joinStrategy) {
      case plan::JoinStrategy::Lookup:
      case plan::JoinStrategy::EventTimeTemporal: keep = isLeft; break;
      case plan::JoinStrategy::Interval:
      case plan::JoinStrategy::Window: keep = true; break;
      case plan::JoinStrategy::Regular: keep = false; break;
    }
    const DataType& original = inputFieldType(join, static_cast<int>(i));
    DataType type = join.schema[i].type;
    type = keep ? type.withTimeAttribute(original.timeAttribute())
                : type.withTimeAttribute(TimeAttribute::None);
    join.schema[i].type = type;
  }
}

}  // namespace sluice
