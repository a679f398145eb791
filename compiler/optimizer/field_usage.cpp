#include "compiler/optimizer/field_usage.h"

#include <functional>
#include <set>

namespace sluice {
namespace {

void markReferences(const plan::ExpressionRef& e, std::vector<bool>& read) {
  if (!e) return;
  std::vector<int> indexes;
  plan::collectInputRefs(e, indexes);
  for (int index : indexes) {
    if (index >= 0 && static_cast<size_t>(index) < read.size())
      read[static_cast<size_t>(index)] = true;
  }
}

}  // namespace

FieldUsage::FieldUsage(const plan::NodeRef& root) {
  // Consumers before the nodes they read: the reverse of a post-order walk.
  std::vector<const plan::LogicalNode*> order;
  std::set<const plan::LogicalNode*> seen;
  std::function<void(const plan::LogicalNode*)> walk = [&](const plan::LogicalNode* node) {
    if (!seen.insert(node).second) return;
    for (const auto& input : node->inputs) walk(input.get());
    order.push_back(node);
  };
  walk(root.get());
  read_[root->id] = std::vector<bool>(root->schema.size(), true);

  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    const plan::LogicalNode& node = **it;
    const std::vector<bool> own = read_[node.id];
    for (const auto& input : node.inputs) {
      std::vector<bool>& reads = read_[input->id];
      reads.resize(input->schema.size(), false);
      switch (node.kind) {
        case plan::NodeKind::Project:
          for (size_t i = 0; i < node.expressions.size(); ++i) {
            if (i < own.size() && own[i]) markReferences(node.expressions[i], reads);
          }
          break;
        case plan::NodeKind::Filter:
          for (size_t i = 0; i < own.size() && i < reads.size(); ++i) reads[i] = reads[i] || own[i];
          markReferences(node.condition, reads);
          break;
        default:
          // Other operators read their inputs positionally (join sides, union branches, sinks).
          reads.assign(reads.size(), true);
          break;
      }
    }
  }
}

bool FieldUsage::isRead(int nodeId, int field) const {
  auto it = read_.find(nodeId);
  if (it == read_.end() || field < 0 || static_cast<size_t>(field) >= it->second.size())
    return true;
  return it->second[static_cast<size_t>(field)];
}

}  // namespace sluice
