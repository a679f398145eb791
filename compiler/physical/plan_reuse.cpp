#include "compiler/physical/plan_reuse.h"

#include <map>
#include <unordered_map>
#include <utility>
#include <vector>

namespace sluice::physical {
namespace {

using artifact::JobPlan;
using artifact::Node;
using artifact::NodeKind;

bool mayMerge(const Node& node, const ReuseOptions& options) {
  switch (node.kind) {
    case NodeKind::Sink: return false;  // each INSERT writes its own rows
    case NodeKind::Source: return options.sources;
    default: return options.subPlans && options.deterministic;
  }
}

// Drops every node identical to an earlier one; its readers read the earlier one. Nodes come
// inputs first, so a node's inputs are already merged when its digest is taken, and identical
// chains merge node by node from their sources up.
void mergeIdentical(JobPlan& plan, const ReuseOptions& options) {
  std::unordered_map<std::string, int> firstWithDigest;
  std::unordered_map<int, int> mergedInto;
  std::vector<Node> kept;
  for (Node& node : plan.nodes) {
    for (int& input : node.inputs) {
      if (auto merged = mergedInto.find(input); merged != mergedInto.end()) input = merged->second;
    }
    if (mayMerge(node, options)) {
      const auto [first, added] = firstWithDigest.emplace(artifact::nodeDigest(node), node.id);
      if (!added) {
        mergedInto[node.id] = first->second;
        continue;
      }
    }
    kept.push_back(std::move(node));
  }
  plan.nodes = std::move(kept);
}

// Gives every exchange one reader: an exchange read by several (two merged scans of one table
// that a UNION ALL reads, each through its own exchange before the merge) is copied, one copy
// per reader after the first. A copy follows the exchange it copies.
void oneReaderPerExchange(JobPlan& plan) {
  using Edge = std::pair<int, size_t>;  // reader id, input port
  std::unordered_map<int, std::vector<Edge>> readers;
  int nextId = 1;
  for (const Node& node : plan.nodes) {
    nextId = std::max(nextId, node.id + 1);
    for (size_t port = 0; port < node.inputs.size(); ++port) {
      readers[node.inputs[port]].push_back({node.id, port});
    }
  }
  std::map<Edge, int> rewired;
  std::unordered_map<int, std::vector<Node>> copies;  // by the exchange copied
  for (const Node& node : plan.nodes) {
    if (node.kind != NodeKind::Exchange) continue;
    const auto found = readers.find(node.id);
    if (found == readers.end()) continue;
    for (size_t i = 1; i < found->second.size(); ++i) {
      Node copy = node;
      copy.id = nextId++;
      rewired[found->second[i]] = copy.id;
      copies[node.id].push_back(std::move(copy));
    }
  }
  if (copies.empty()) return;
  std::vector<Node> nodes;
  for (Node& node : plan.nodes) {
    for (size_t port = 0; port < node.inputs.size(); ++port) {
      if (auto to = rewired.find({node.id, port}); to != rewired.end()) node.inputs[port] = to->second;
    }
    const int id = node.id;
    nodes.push_back(std::move(node));
    if (auto extra = copies.find(id); extra != copies.end()) {
      for (Node& copy : extra->second) nodes.push_back(std::move(copy));
    }
  }
  plan.nodes = std::move(nodes);
}

// Ids 1, 2, ... in plan order again, inputs following.
void renumber(JobPlan& plan) {
  std::unordered_map<int, int> newId;
  for (size_t i = 0; i < plan.nodes.size(); ++i) {
    newId[plan.nodes[i].id] = static_cast<int>(i) + 1;
  }
  for (Node& node : plan.nodes) {
    node.id = newId.at(node.id);
    for (int& input : node.inputs) input = newId.at(input);
  }
}

}  // namespace

void reuseIdenticalNodes(JobPlan& plan, const ReuseOptions& options) {
  mergeIdentical(plan, options);
  oneReaderPerExchange(plan);
  renumber(plan);
}

}  // namespace sluice::physical
