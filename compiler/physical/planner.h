// The physical planner's working state, shared by the files that lower each kind of logical
// node (physical_planner.cpp: sources, Calcs, unions, sinks; plan_group_aggregate.cpp;
// plan_windows.cpp; plan_rank.cpp; plan_over_aggregate.cpp; plan_two_phase_aggregate.cpp;
// plan_split_distinct_aggregate.cpp). Internal to compiler/physical.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "compiler/artifact/job_plan.h"
#include "compiler/diagnostics/source_location.h"
#include "compiler/physical/changelog_inference.h"
#include "compiler/plan/logical_plan.h"

namespace sluice::physical {

class Planner {
 public:
  Planner(artifact::JobPlan& plan, const ChangelogPlan& changelog, SourceLocation location,
          std::string locationText);

  // The artifact node a logical node became (lowered once, shared by its readers).
  int lower(const plan::NodeRef& node);
  // A bare SELECT: its rows go to the client, printed as a changelog.
  int collect(int input, const std::vector<plan::Field>& schema);

 private:
  artifact::JobPlan& plan_;
  const ChangelogPlan& changelog_;  // what each logical node produces and how it encodes updates
  SourceLocation location_;
  std::string locationText_;
  int parallelism_ = 1;
  std::unordered_map<const plan::LogicalNode*, int> lowered_;

  [[noreturn]] void unsupported(const std::string& what) const;
  // A table option that must be a positive integer (`scan.parallelism`, `sink.parallelism`).
  int positiveOption(const artifact::Node& node, const std::string& key) const;

  // A node of the default parallelism; a stateless node with one input takes its input's, so
  // that it runs in the same pipeline instance (Flink's operator chaining).
  artifact::Node makeNode(artifact::NodeKind kind, std::vector<int> inputs,
                          const std::vector<plan::Field>& schema);
  // An Exchange from `input` to `parallelism` consumer instances. Forward needs the same
  // parallelism on both sides; any other change of parallelism rebalances.
  int exchange(int input, artifact::Distribution distribution, int parallelism,
               std::vector<int> keys = {});
  // Rows reach a keyed operator's instances by a hash of `keys`; with no keys the operator is
  // global and runs as one instance. Returns the exchange; sets `parallelism` to the operator's.
  int keyedExchange(int input, const std::vector<int>& keys, int& parallelism);
  int add(artifact::Node node);
  artifact::Node& nodeById(int id) { return plan_.nodes[static_cast<size_t>(id - 1)]; }

  artifact::Expression lowerOrRefuse(const plan::BoundExpression& e);
  std::vector<artifact::Expression> identity(const artifact::Node& input);
  // A Calc over `input` with these projections (fused into `input` when it is a lone Calc).
  int calc(int input, std::vector<artifact::Expression> projections,
           const std::vector<plan::Field>& schema);
  bool fusible(int id);
  // Whether the input carries -U/-D rows, and whether the node's consumer needs -U.
  bool inputUpdates(const plan::LogicalNode& node) const;
  bool emitsUpdateBefore(const plan::LogicalNode& node) const;
  // The logical aggregate calls as the runtime takes them; refuses what it cannot run.
  std::vector<artifact::AggregateCall> aggregateCalls(const plan::LogicalNode& node,
                                                      bool retracting);

  // The state TTL of a stateful operator lowered from `node`: its STATE_TTL hint, else
  // 'table.exec.state.ttl', else 0 (plan_state_ttl.cpp).
  int64_t stateTtl(const plan::LogicalNode& node) const;

  int lowerFresh(const plan::LogicalNode& node);
  int source(const plan::LogicalNode& node);
  int values(const plan::LogicalNode& node);
  int project(const plan::LogicalNode& node);
  int filter(const plan::LogicalNode& node);
  int watermark(const plan::LogicalNode& node);
  int unionAll(const plan::LogicalNode& node);
  int sink(const plan::LogicalNode& node);
  int groupAggregate(const plan::LogicalNode& node);   // plan_group_aggregate.cpp
  bool splitsIntoPhases(const std::vector<artifact::AggregateCall>& calls, bool retracting) const;
  int twoPhaseAggregate(const plan::LogicalNode& node, std::vector<artifact::AggregateCall> calls,
                        bool retracting);  // plan_two_phase_aggregate.cpp
  // A GroupAggregate over a lowered input that is not one logical node's (the halves of a split
  // distinct aggregation): one phase, or two when splitsIntoPhases says so.
  struct AggregateStage {
    int input = 0;
    std::vector<int> keys;  // input columns; the output starts with them, then one per call
    std::vector<artifact::AggregateCall> calls;
    std::vector<plan::Field> schema;
    bool retracting = false;
    bool emitsUpdateBefore = true;
    int64_t stateTtlMillis = 0;
    artifact::PartialFinal partialFinal = artifact::PartialFinal::None;
  };
  int aggregateStage(AggregateStage stage);
  int twoPhaseStage(AggregateStage stage);
  // table.optimizer.distinct-agg.split.enabled (plan_split_distinct_aggregate.cpp): whether a
  // GROUP BY with these calls splits, and the split.
  bool splitsDistinct(const std::vector<artifact::AggregateCall>& calls) const;
  int splitDistinctAggregate(const plan::LogicalNode& node,
                             std::vector<artifact::AggregateCall> calls, bool retracting);
  // GROUPING SETS / ROLLUP / CUBE and GROUPING(): Expand, GroupAggregate, Calc
  // (plan_grouping_sets.cpp). `calls` are node's, lowered.
  int groupingSetsAggregate(const plan::LogicalNode& node,
                            std::vector<artifact::AggregateCall> calls, bool retracting);
  int windowAggregate(const plan::LogicalNode& node);  // plan_windows.cpp
  int windowAttachedAggregate(const plan::LogicalNode& node,
                              std::vector<artifact::AggregateCall> calls, bool retracting);
  int windowTableFunction(const plan::LogicalNode& node);
  int rank(const plan::LogicalNode& node);             // plan_rank.cpp
  int deduplicate(const plan::LogicalNode& node);
  int overAggregate(const plan::LogicalNode& node);    // plan_over_aggregate.cpp
  int join(const plan::LogicalNode& node);             // plan_join.cpp: by strategy
  // A two-input join node of `kind` over `node`'s inputs, each hash-exchanged by its side of
  // `leftKeys`/`rightKeys` (global without keys), with the join type and `residual` as its
  // condition; the caller adds its own fields and then the node.
  artifact::Node keyedJoin(artifact::NodeKind kind, const plan::LogicalNode& node,
                           const std::vector<int>& leftKeys, const std::vector<int>& rightKeys,
                           const std::vector<plan::ExpressionRef>& residual);
  int intervalJoin(const plan::LogicalNode& node);     // plan_interval_join.cpp
  int windowJoin(const plan::LogicalNode& node);       // plan_window_join.cpp
  int temporalJoin(const plan::LogicalNode& node);     // plan_temporal_join.cpp
  int lookupJoin(const plan::LogicalNode& node);       // plan_lookup_join.cpp
  // UNION (distinct), INTERSECT, EXCEPT (plan_set_operations.cpp).
  int setOperation(const plan::LogicalNode& node);
  int replicateByCount(const plan::LogicalNode& node, int grouped);
  int correlate(const plan::LogicalNode& node);
  // ChangelogNormalize of a scan by its primary key, over the scan's node `source`; and
  // SinkUpsertMaterializer of `input` by the sink's primary key, at `parallelism`
  // (plan_changelog.cpp). Each returns the operator's node.
  int changelogNormalize(const plan::LogicalNode& scan, int source);
  int upsertMaterializer(int input, const SinkChangelog& changes, int parallelism,
                         const plan::LogicalNode& sink);
};

// The artifact window of a logical window spec (time field as given).
artifact::Window artifactWindow(const plan::WindowSpec& spec);

// GROUPING, GROUPING_ID, GROUP_ID: computed from the grouping set, not aggregated.
bool isGroupingFunction(const std::string& function);

}  // namespace sluice::physical
