// Which output fields of each node its consumers read, for rewrites that drop what nobody reads
// (Flink's field trimming; today the rank number of a TopN whose rank is not selected).
#pragma once

#include <map>
#include <vector>

#include "compiler/plan/logical_plan.h"

namespace sluice {

class FieldUsage {
 public:
  // Walks the plan under `root` (a DAG: a shared node unites its consumers' reads). The root's
  // own fields all count as read.
  explicit FieldUsage(const plan::NodeRef& root);

  // Whether a consumer of the node with this id reads `field`; true for nodes not analyzed.
  bool isRead(int nodeId, int field) const;

 private:
  std::map<int, std::vector<bool>> read_;  // by node id: ids survive the optimizer's copies
};

}  // namespace sluice
