#include "compiler/binder/window_source.h"

#include "compiler/types/identifier_case.h"

namespace sluice {

const plan::LogicalNode* windowFieldOrigin(const plan::LogicalNode& node, int field,
                                           std::string* fieldName) {
  const plan::LogicalNode* current = &node;
  while (true) {
    if (field < 0 || static_cast<size_t>(field) >= current->schema.size()) return nullptr;
    switch (current->kind) {
      case plan::NodeKind::WindowTableFunction: {
        const std::string& name = current->schema[static_cast<size_t>(field)].name;
        size_t width = current->schema.size();
        // The TVF appends window_start, window_end, window_time after its input's fields.
        if (static_cast<size_t>(field) + 3 < width) return nullptr;
        *fieldName = toLowerAscii(name);
        return current;
      }
      case plan::NodeKind::Project: {
        const auto& e = current->expressions[static_cast<size_t>(field)];
        if (e->kind != plan::ExpressionKind::InputRef) return nullptr;
        field = e->index;
        current = current->inputs[0].get();
        break;
      }
      case plan::NodeKind::Filter:
      case plan::NodeKind::WatermarkAssigner:
      case plan::NodeKind::Sort:
        current = current->inputs[0].get();
        break;
      case plan::NodeKind::WindowAggregate:
        // A window TVF aggregation keeps window_start / window_end among its keys, so a window
        // join, window TopN or another window aggregation can follow it (as in Flink); a legacy
        // group window has no TVF.
        if (!current->windowed || static_cast<size_t>(field) >= current->groupKeys.size()) {
          return nullptr;
        }
        field = current->groupKeys[static_cast<size_t>(field)];
        current = current->inputs[0].get();
        break;
      case plan::NodeKind::Rank:
      case plan::NodeKind::Deduplicate:
        // Window TopN and window deduplication pass their input's fields through.
        if (!current->windowed || static_cast<size_t>(field) >= current->inputs[0]->schema.size()) {
          return nullptr;
        }
        current = current->inputs[0].get();
        break;
      case plan::NodeKind::Join: {
        size_t leftWidth = current->inputs[0]->schema.size();
        if (static_cast<size_t>(field) < leftWidth) {
          current = current->inputs[0].get();
        } else {
          field -= static_cast<int>(leftWidth);
          current = current->inputs[1].get();
        }
        break;
      }
      default:
        return nullptr;
    }
  }
}

std::optional<WindowSource> findWindowSource(const plan::LogicalNode& node, size_t keyCount) {
  const plan::LogicalNode* start = nullptr;
  const plan::LogicalNode* end = nullptr;
  for (size_t i = 0; i < keyCount && i < node.schema.size(); ++i) {
    std::string name;
    const plan::LogicalNode* origin = windowFieldOrigin(node, static_cast<int>(i), &name);
    if (origin == nullptr) continue;
    if (name == "window_start") start = origin;
    if (name == "window_end") end = origin;
  }
  if (start == nullptr || start != end) return std::nullopt;
  return WindowSource{start->window, start->window.digest(start->inputs[0]->schema)};
}

}  // namespace sluice
