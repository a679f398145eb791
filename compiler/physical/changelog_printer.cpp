#include "compiler/physical/changelog_printer.h"

#include <vector>

#include "compiler/driver/job_compiler.h"
#include "compiler/plan/plan_printer.h"

namespace sluice::physical {

namespace {

std::string withAttributes(const plan::LogicalNode& node, const ChangelogPlan& plan) {
  std::string line = plan::describeNode(node);
  const std::string attributes = changelogAttributes(node, plan);
  if (attributes.empty() || line.empty() || line.back() != ')') return line;
  line.pop_back();
  return line + (line.back() == '(' ? "" : ", ") + attributes + ")";
}

void print(const plan::NodeRef& node, const ChangelogPlan& plan, const std::string& prefix,
           bool last, bool root, std::string& out) {
  out += prefix;
  if (!root) out += "+- ";
  out += withAttributes(*node, plan) + "\n";
  const std::string childPrefix = root ? "" : prefix + (last ? "   " : ":  ");
  out += childPrefix + (node->inputs.empty() ? "   " : ":  ") +
         "schema: " + plan::describeSchema(node->schema) + "\n";
  for (size_t i = 0; i < node->inputs.size(); ++i) {
    print(node->inputs[i], plan, childPrefix, i + 1 == node->inputs.size(), false, out);
  }
}

}  // namespace

std::string changelogAttributes(const plan::LogicalNode& node, const ChangelogPlan& plan) {
  const NodeChangelog* info = plan.find(node);
  if (info == nullptr) return "";
  std::vector<std::string> parts;
  if (const SinkChangelog* sink = plan.findSink(node);
      sink != nullptr && sink->root != nullptr && node.kind == plan::NodeKind::Sink) {
    if (sink->upsertMaterialize) parts.emplace_back("upsertMaterialize=[true]");
  }
  parts.push_back("changelogMode=" + info->mode().toString());
  if (!info->upsertKeys.empty())
    parts.push_back("upsertKeys=" + formatUpsertKeys(info->upsertKeys));
  if (info->rankStrategy) {
    parts.push_back(std::string("strategy=[") + rankStrategyName(*info->rankStrategy) + "]");
  }
  if (info->changelogNormalize) parts.emplace_back("changelogNormalize=[true]");
  if (info->dropsUpdateBefore) parts.emplace_back("dropUpdateBefore=[true]");
  if (!info->state.empty()) parts.push_back("state=[" + info->state + "]");
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i > 0 ? ", " : "") + parts[i];
  return out;
}

std::string printPlanWithChangelog(const plan::NodeRef& root, const ChangelogPlan& plan) {
  std::string out;
  print(root, plan, "", true, true, out);
  return out;
}

std::string printStatementChangelog(const CompiledStatement& statement) {
  const ChangelogPlan plan = inferChangelogModes(statement);
  std::string out;
  for (const auto& root : statement.optimized) out += printPlanWithChangelog(root, plan);
  return out;
}

}  // namespace sluice::physical
