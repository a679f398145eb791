// Builds the stateful operator of an artifact node (GroupAggregate, WindowAggregate,
// WindowTableFunction, Rank, Deduplicate, OverAggregate, ChangelogNormalize,
// SinkUpsertMaterializer, Join; and Expand and ReplicateRows, stateless but built here
// like WindowTableFunction). Each kind lives in its own file of
// runtime/operators; this is the one place the pipeline task asks for them.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "compiler/artifact/job_plan.h"
#include "runtime/connector/lookup_table.h"
#include "runtime/execution/stream_operator.h"
#include "runtime/operators/native_code_options.h"
#include "runtime/state/keyed_state_backend.h"
#include "runtime/state/timer_service.h"

namespace sluice::runtime {

// table.exec.mini-batch.*: group aggregation buffers input rows per key and applies them to
// state once per mini-batch, flushed when `size` rows are buffered, when the oldest has waited
// `allowLatencyMicros`, on a watermark, and at the end of the input.
struct MiniBatchOptions {
  bool enabled = false;
  int64_t allowLatencyMicros = 0;
  int64_t size = 0;
};

// What an operator may need besides its node.
struct OperatorContext {
  const artifact::JobPlan* plan = nullptr;
  std::vector<DataType> inputTypes;  // the schema of the node's (first) input
  int batchSize = 1024;
  std::string timeZone = "UTC";  // table.local-time-zone, for windows over TIMESTAMP_LTZ
  MiniBatchOptions miniBatch;
  NativeCodeOptions nativeCode;  // generated update loops for aggregations
  // Functions for expressions operators evaluate (join conditions); null: the built-ins.
  const ScalarFunctionRegistry* functions = nullptr;
  // Connectors a lookup join opens its table with, and the clock of its table and cache (null:
  // steady time; tests move it).
  const ConnectorFactories* connectors = nullptr;
  LookupClock lookupClock;
};


// The functions an operator's expressions call: the job's registry, else the built-ins.
const ScalarFunctionRegistry& functionsOf(const OperatorContext& context);

// Throws std::invalid_argument for a combination the runtime does not implement.
std::unique_ptr<StreamOperator> createStatefulOperator(const artifact::Node& node,
                                                       const OperatorContext& context);

// One per kind, defined next to the operator.
std::unique_ptr<StreamOperator> makeWindowAggregateOperator(
    const artifact::Node& node, const OperatorContext& context,
    std::unique_ptr<KeyedStateBackend> state);
std::unique_ptr<StreamOperator> makeWindowTableFunctionOperator(const artifact::Node& node,
                                                                const OperatorContext& context);
std::unique_ptr<StreamOperator> makeRankOperator(const artifact::Node& node,
                                                 const OperatorContext& context,
                                                 std::unique_ptr<KeyedStateBackend> state);
std::unique_ptr<StreamOperator> makeDeduplicateOperator(const artifact::Node& node,
                                                        const OperatorContext& context,
                                                        std::unique_ptr<KeyedStateBackend> state);
std::unique_ptr<StreamOperator> makeOverAggregateOperator(const artifact::Node& node,
                                                          const OperatorContext& context,
                                                          std::unique_ptr<KeyedStateBackend> state);
std::unique_ptr<StreamOperator> makeExpandOperator(const artifact::Node& node,
                                                   const OperatorContext& context);
std::unique_ptr<StreamOperator> makeReplicateRowsOperator(const artifact::Node& node,
                                                          const OperatorContext& context);
std::unique_ptr<StreamOperator> makeCorrelateOperator(const artifact::Node& node,
                                                      const OperatorContext& context);
// changelog_normalize.cpp and sink_upsert_materializer.cpp.
std::unique_ptr<StreamOperator> makeChangelogNormalizeOperator(
    const artifact::Node& node, const OperatorContext& context,
    std::unique_ptr<KeyedStateBackend> state);
std::unique_ptr<StreamOperator> makeSinkUpsertMaterializer(
    const artifact::Node& node, const OperatorContext& context,
    std::unique_ptr<KeyedStateBackend> state);
// streaming_join.cpp: regular joins (two inputs); interval_join.cpp, window_join.cpp,
// temporal_join.cpp (two inputs); lookup_join.cpp (one input and a lookup table).
std::unique_ptr<StreamOperator> makeJoinOperator(const artifact::Node& node,
                                                 const OperatorContext& context,
                                                 std::unique_ptr<KeyedStateBackend> state);
std::unique_ptr<StreamOperator> makeIntervalJoinOperator(const artifact::Node& node,
                                                         const OperatorContext& context,
                                                         std::unique_ptr<KeyedStateBackend> state);
std::unique_ptr<StreamOperator> makeWindowJoinOperator(const artifact::Node& node,
                                                       const OperatorContext& context,
                                                       std::unique_ptr<KeyedStateBackend> state);
std::unique_ptr<StreamOperator> makeTemporalJoinOperator(const artifact::Node& node,
                                                         const OperatorContext& context,
                                                         std::unique_ptr<KeyedStateBackend> state);
std::unique_ptr<StreamOperator> makeLookupJoinOperator(const artifact::Node& node,
                                                       const OperatorContext& context);

}  // namespace sluice::runtime
