// The streaming operator Flink's planner would choose for a logical node: one logical kind
// becomes several operators with different changelog behaviour (a Sort is a TemporalSort, a
// Limit or a SortLimit; a Rank over window TVF output is a WindowRank). The changelog pass
// reasons per operator, and its messages name operators as Flink does:
//   GroupAggregate(groupBy=[channel], select=[channel, COUNT(*) AS cnt])
#pragma once

#include <cstdint>
#include <string>

#include "compiler/plan/logical_plan.h"

namespace sluice::physical {

enum class StreamOperator : uint8_t {
  TableSourceScan,
  Values,
  Calc,  // Project and Filter
  WatermarkAssigner,
  WindowTableFunction,
  GroupAggregate,        // GROUP BY, SELECT DISTINCT
  GroupWindowAggregate,  // legacy TUMBLE(...) in GROUP BY
  WindowAggregate,       // GROUP BY window_start, window_end of a window TVF
  OverAggregate,
  Rank,
  WindowRank,
  Deduplicate,
  WindowDeduplicate,
  Join,
  IntervalJoin,
  TemporalJoin,
  LookupJoin,
  WindowJoin,
  Correlate,
  Union,          // UNION ALL
  UnionDistinct,  // UNION: an aggregation over UNION ALL
  Intersect,
  Except,
  SortLimit,     // ORDER BY ... LIMIT: a TopN without partition
  Limit,         // LIMIT / OFFSET without ORDER BY
  TemporalSort,  // ORDER BY an ascending time attribute first
  Sort,          // any other ORDER BY: buffers its input until the input ends
  Match,
  Sink,
};

StreamOperator streamOperatorOf(const plan::LogicalNode& node);
const char* streamOperatorName(StreamOperator op);

// The operator and its attributes, as Flink's messages describe the node that produced changes
// a consumer cannot take. `consumer`, when it is the projection above, lends its column names
// to the node's outputs (the aggregate of `SELECT channel, COUNT(*) AS cnt` shows `AS cnt`).
std::string describeStreamOperator(const plan::LogicalNode& node,
                                   const plan::LogicalNode* consumer);

}  // namespace sluice::physical
