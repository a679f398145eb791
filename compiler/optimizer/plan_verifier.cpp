// Structural invariants every plan must keep after each optimizer pass.
#include <fmt/format.h>

#include <stdexcept>

#include "compiler/optimizer/optimizer.h"
#include "compiler/plan/plan_printer.h"

namespace sluice {

namespace {

void check(bool condition, const plan::LogicalNode& node, const std::string& what) {
  if (!condition) {
    throw std::logic_error(fmt::format("plan check failed at {}: {}", plan::describeNode(node), what));
  }
}

size_t inputWidth(const plan::LogicalNode& node) {
  size_t width = 0;
  for (const auto& input : node.inputs) width += input->schema.size();
  return width;
}

void checkReferences(const plan::ExpressionRef& e, size_t width, const plan::LogicalNode& node) {
  if (!e) return;
  if (e->kind == plan::ExpressionKind::InputRef) {
    check(e->index >= 0 && static_cast<size_t>(e->index) < width, node,
          fmt::format("reference ${} beyond the input's {} fields", e->index, width));
  }
  for (const auto& operand : e->operands) checkReferences(operand, width, node);
}

}  // namespace

void verifyPlan(const plan::NodeRef& root) {
  transformUp(root, [](const plan::NodeRef& node) {
    size_t width = inputWidth(*node);
    switch (node->kind) {
      case plan::NodeKind::Project:
        check(node->expressions.size() == node->schema.size(), *node,
              "one expression per output field");
        for (const auto& e : node->expressions) checkReferences(e, width, *node);
        break;
      case plan::NodeKind::Filter:
        check(node->schema.size() == width, *node, "a filter keeps its input's fields");
        checkReferences(node->condition, width, *node);
        break;
      case plan::NodeKind::Join:
        check(node->inputs.size() == 2, *node, "a join has two inputs");
        checkReferences(node->condition, width, *node);
        break;
      case plan::NodeKind::Aggregate:
      case plan::NodeKind::WindowAggregate:
        for (int key : node->groupKeys) {
          check(key >= 0 && static_cast<size_t>(key) < width, *node, "group key in range");
        }
        for (const auto& call : node->aggregates) {
          for (int argument : call.arguments) {
            check(argument >= 0 && static_cast<size_t>(argument) < width, *node,
                  "aggregate argument in range");
          }
        }
        break;
      default:
        break;
    }
    return node;
  });
}

}  // namespace sluice
