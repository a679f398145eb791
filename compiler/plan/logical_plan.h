// The logical plan: what the binder produces and the optimizer rewrites. Nodes are immutable
// once built (rewrites build new nodes) and carry their output schema, so every stage after the
// binder can ask any node for the names, types, nullability and time attributes of its fields.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/plan/bound_expression.h"

namespace sluice {
struct TableDefinition;
}

namespace sluice::plan {

enum class NodeKind : unsigned char {
  TableScan,
  Values,
  Project,
  Filter,
  WatermarkAssigner,
  Aggregate,            // GROUP BY (with grouping sets), SELECT DISTINCT
  WindowTableFunction,  // TUMBLE / HOP / CUMULATE / SESSION TVF: adds window_start/end/time
  WindowAggregate,      // aggregation per window (legacy group windows and window TVFs)
  OverAggregate,        // appends OVER aggregates to each input row
  Rank,                 // TopN: ROW_NUMBER/RANK/DENSE_RANK with a rank filter
  Deduplicate,          // ROW_NUMBER = 1 ordered by a time attribute
  Join,
  Correlate,            // LATERAL TABLE(f(x)) and UNNEST: a table function per input row
  Union,
  Intersect,
  Except,
  Sort,                 // ORDER BY / LIMIT / OFFSET
  MatchRecognize,
  Sink,
};

const char* nodeKindName(NodeKind kind);

struct Field {
  std::string name;
  DataType type;
};

struct AggregateCall {
  std::string function;  // upper case: COUNT, SUM, ...
  const FunctionDefinition* definition = nullptr;
  std::vector<int> arguments;  // input field indexes; empty for COUNT(*)
  bool distinct = false;
  int filterArgument = -1;  // input field holding the FILTER (WHERE ..) condition
  DataType type;
  std::string name;
  std::string digest() const;
};

enum class WindowKind : unsigned char { Tumble, Hop, Cumulate, Session };

struct WindowSpec {
  WindowKind kind = WindowKind::Tumble;
  int timeField = -1;  // input field of the time attribute
  bool eventTime = true;
  int64_t sizeMillis = 0;   // TUMBLE / HOP size, CUMULATE max size
  int64_t slideMillis = 0;  // HOP slide, CUMULATE step
  int64_t gapMillis = 0;    // SESSION gap
  int64_t offsetMillis = 0;
  std::vector<int> partitionKeys;  // SESSION ... PARTITION BY
  std::string digest(const std::vector<Field>& input) const;
};

// A window property of a window aggregate's output: start, end, rowtime, proctime.
enum class WindowProperty : unsigned char { Start, End, Rowtime, Proctime };

enum class JoinKind : unsigned char { Inner, Left, Right, Full, Semi, Anti };

enum class JoinStrategy : unsigned char {
  Regular,            // both sides kept in state
  Interval,           // bounded by a time range between the two sides' time attributes
  EventTimeTemporal,  // FOR SYSTEM_TIME AS OF left.rowtime against a versioned table
  Lookup,             // FOR SYSTEM_TIME AS OF left.proctime against a lookup source
  Window,             // both sides windowed by the same window TVF, joined per window
};

struct SortKey {
  int field = 0;
  bool descending = false;
  bool nullsFirst = false;
};

struct LogicalNode {
  NodeKind kind = NodeKind::Values;
  int id = 0;  // unique within a plan, for printing and subquery references
  std::vector<Field> schema;
  std::vector<NodeRef> inputs;

  // TableScan / Sink / lookup side of a Join
  std::string tableName;
  std::shared_ptr<const TableDefinition> table;
  std::vector<std::pair<std::string, std::string>> hints;  // OPTIONS(...) and friends, merged

  // Project: one expression per output field. Values: rows * width literals, row-major.
  // Correlate: the table function call. WatermarkAssigner: the watermark expression.
  std::vector<ExpressionRef> expressions;
  // Filter, Join (the full condition), Correlate (ON condition of LEFT JOIN LATERAL).
  ExpressionRef condition;
  int rowtimeField = -1;  // WatermarkAssigner; event-time temporal Join: the left AS OF field

  // Aggregate / WindowAggregate / Rank / Deduplicate / OverAggregate partitions.
  std::vector<int> groupKeys;
  std::vector<std::vector<int>> groupingSets;  // empty: just groupKeys
  std::vector<AggregateCall> aggregates;
  WindowSpec window;
  std::vector<WindowProperty> windowProperties;  // WindowAggregate's trailing fields

  JoinKind joinKind = JoinKind::Inner;
  JoinStrategy joinStrategy = JoinStrategy::Regular;
  std::vector<std::pair<int, int>> equiKeys;  // left field, right field (right index is local)

  bool all = false;  // UNION ALL / INTERSECT ALL / EXCEPT ALL
  std::vector<SortKey> sortKeys;  // Sort, Rank, Deduplicate
  std::optional<int64_t> limit;
  int64_t offset = 0;

  std::string rankFunction;  // ROW_NUMBER / RANK / DENSE_RANK
  int64_t rankStart = 1, rankEnd = 1;
  bool outputRankNumber = false;
  bool keepLastRow = false;  // Deduplicate
  bool windowed = false;     // Rank / Deduplicate / Join over window TVF output

  bool overwrite = false;    // Sink
  std::string description;   // MatchRecognize pattern and other textual details
};

// Builds a node with a fresh id. Ids are per thread-free counter held by the caller.
class NodeFactory {
 public:
  std::shared_ptr<LogicalNode> make(NodeKind kind);

 private:
  int nextId_ = 1;
};

}  // namespace sluice::plan
