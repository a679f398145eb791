#include "compiler/optimizer/optimizer.h"

#include <chrono>
#include <map>
#include <stdexcept>

#include "compiler/optimizer/passes.h"

namespace sluice {

const std::vector<OptimizerPass>& optimizerPasses() {
  static const std::vector<OptimizerPass> kPasses = {
      {"filter-into-join", "WHERE conditions over an inner join become its join condition, so "
       "equality keys and interval bounds are seen; an outer join whose NULL-padded rows the "
       "WHERE condition rejects becomes inner (or LEFT / RIGHT from FULL)", pushFiltersIntoJoins},
      {"subquery-to-join", "IN / EXISTS subqueries in WHERE become semi and anti joins",
       rewriteSubqueriesToJoins},
      {"join-condition-push", "conditions of a join, and WHERE conditions over it, that read one "
       "side only become a filter on that input where the join kind allows (Flink's "
       "FlinkFilterJoinRule and JoinConditionPushRule)", pushJoinConditionsIntoInputs},
      {"rank-recognition", "ROW_NUMBER/RANK filtered by the rank becomes TopN or Deduplicate",
       recognizeRanks},
      {"remove-trivial-filters", "drops WHERE TRUE and merges stacked filters",
       removeTrivialFilters},
      {"reduce-aggregate-functions", "STDDEV_* and VAR_* become SUM(x * x), SUM(x) and COUNT(x) "
       "and their formula after the aggregate, as Flink computes them", reduceAggregateFunctions},
      {"prune-join-inputs", "a join's inputs keep only the columns the projection over it and "
       "its condition read, so join state holds no more (Flink's ProjectJoinTransposeRule)",
       pruneJoinInputs},
  };
  return kPasses;
}

plan::NodeRef transformUp(const plan::NodeRef& root,
                          const std::function<plan::NodeRef(const plan::NodeRef&)>& rewrite) {
  std::map<const plan::LogicalNode*, plan::NodeRef> done;  // shared subplans are rewritten once
  std::function<plan::NodeRef(const plan::NodeRef&)> visit = [&](const plan::NodeRef& node) {
    auto found = done.find(node.get());
    if (found != done.end()) return found->second;
    std::vector<plan::NodeRef> inputs;
    bool changed = false;
    for (const auto& input : node->inputs) {
      inputs.push_back(visit(input));
      changed = changed || inputs.back() != input;
    }
    plan::NodeRef current = node;
    if (changed) {
      auto copy = std::make_shared<plan::LogicalNode>(*node);
      copy->inputs = std::move(inputs);
      current = copy;
    }
    plan::NodeRef result = rewrite(current);
    done[node.get()] = result;
    return result;
  };
  return visit(root);
}

plan::NodeRef optimize(const plan::NodeRef& root, const std::set<std::string>& disabledPasses,
                       plan::NodeFactory& nodes, std::vector<PassReport>* report) {
  plan::NodeRef current = root;
  for (const auto& pass : optimizerPasses()) {
    if (disabledPasses.count(pass.name) != 0) continue;
    auto start = std::chrono::steady_clock::now();
    plan::NodeRef next = pass.apply(current, nodes);
    verifyPlan(next);
    auto end = std::chrono::steady_clock::now();
    if (report != nullptr) {
      report->push_back({pass.name, next != current,
                         std::chrono::duration<double, std::milli>(end - start).count()});
    }
    current = next;
  }
  return current;
}

}  // namespace sluice
