// The job plan artifact: what the compiler hands to the runtime, and what `sqlc compile` writes.
// It is self-describing (types, expressions and connector options in full) and versioned, so a
// server can run a plan compiled elsewhere. The runtime includes no compiler header but these
// (and compiler/types, the type vocabulary they use).
//
// Expressions here are canonical: every call is either a special form the interpreter and the
// code generator implement themselves (AND, OR, NOT, IS NULL, CASE, COALESCE, ...) or a scalar
// kernel looked up by name and types in the runtime's function registry.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "compiler/types/data_type.h"

namespace sluice::artifact {

constexpr int kFormatVersion = 7;  // 6: nativeFunctions; 7: a pipeline may fan out (plan_reuse.h)

enum class ExpressionKind : uint8_t {
  Column,       // input column `column`
  Literal,      // `literal` as CAST(STRING AS type) reads it; nullopt is NULL. Exceptions:
                // hex digits for BINARY/VARBINARY, a count of ms or months for intervals
  Call,         // `function` applied to `arguments`
  Cast,         // CAST(arguments[0] AS type); TRY_CAST when `function` == "TRY_CAST"
  FieldAccess,  // arguments[0].field(`column`) of a ROW
};

struct Expression {
  ExpressionKind kind = ExpressionKind::Literal;
  DataType type;
  int column = -1;
  std::optional<std::string> literal;
  std::string function;
  std::vector<Expression> arguments;

  static Expression columnRef(int column, DataType type);
  static Expression constant(std::optional<std::string> text, DataType type);
  static Expression call(std::string function, std::vector<Expression> arguments, DataType type);
  // Text for plans and pipeline hashes: "+($0, 1)", "CAST($1 AS BIGINT)".
  std::string digest() const;
};

struct Field {
  std::string name;
  DataType type;
};

// One aggregate function of a GroupAggregate, over input columns.
struct AggregateCall {
  std::string function;        // COUNT, SUM, SUM0, AVG, MIN, MAX, ...
  std::vector<int> arguments;  // input columns; empty for COUNT(*)
  bool distinct = false;
  int filterColumn = -1;       // input column of FILTER (WHERE ..), a BOOLEAN; -1: none
  DataType type;               // the result type
  // LISTAGG's separator, a literal in the SQL (it never reaches the runtime as a column);
  // nullopt: Flink's default ','.
  std::optional<std::string> separator;
  // A native aggregate function (CREATE FUNCTION of a library's aggregate): entry `nativeIndex`
  // of the library at `nativeLibrary` (a canonical path), checked to still be `nativeIdentifier`
  // when the job starts. Empty library: a built-in.
  std::string nativeLibrary;
  std::string nativeIdentifier;
  int nativeIndex = -1;
  bool nativeMerges = false;  // the library has `merge`: partial accumulators combine (two-phase)
  bool native() const { return !nativeLibrary.empty(); }
};

// A window of a WindowAggregate or WindowTableFunction (Flink's window TVFs and legacy group
// windows). Times are microseconds, as the runtime's event time.
enum class WindowKind : uint8_t { Tumble, Hop, Cumulate, Session };

struct Window {
  WindowKind kind = WindowKind::Tumble;
  int timeColumn = -1;     // input column of the time attribute
  bool eventTime = true;   // false: processing time (the column's value is not read)
  int64_t sizeMicros = 0;  // TUMBLE and HOP size, CUMULATE max size
  int64_t slideMicros = 0; // HOP slide, CUMULATE step
  int64_t gapMicros = 0;   // SESSION gap
  int64_t offsetMicros = 0;
  // Over a TIMESTAMP_LTZ time attribute (PROCTIME() included) windows align on the wall clock
  // of table.local-time-zone, as Flink's do: a day window starts at local midnight.
  bool localTime = false;
  std::string digest() const;  // "HOP(size=10 s, slide=5 s)"
};

// A window property a WindowAggregate appends to its output, or a WindowTableFunction to its
// input row. Rowtime is window_time (end - 1 ms), the output's new time attribute.
enum class WindowProperty : uint8_t { Start, End, Rowtime, Proctime };

// One sort key of a Rank, a Deduplicate or an OverAggregate's ORDER BY.
struct SortKey {
  int column = 0;
  bool descending = false;
  bool nullsFirst = false;
};

enum class NodeKind : uint8_t {
  Source,             // a table's connector: reads rows of its physical columns
  Values,             // literal rows (bare SELECT without FROM, VALUES)
  Calc,               // filter + projection, fused
  WatermarkAssigner,  // computes event-time watermarks from a rowtime column
  Union,              // UNION ALL of inputs with the same schema
  Sink,               // a table's connector, or the client for a bare SELECT
  Exchange,           // a pipeline breaker: rows move between threads through bounded queues
  GroupAggregate,     // GROUP BY / SELECT DISTINCT over a stream: an updating result per key
  WindowAggregate,    // aggregation per key and window, emitted when the window closes
  WindowTableFunction,  // appends window_start/end/time to each row (one copy per window)
  Rank,               // TopN per partition: ROW_NUMBER/RANK/DENSE_RANK with a rank range
  Deduplicate,        // keep the first or last row per key
  OverAggregate,      // appends aggregates over a frame of preceding rows to each row
  Expand,             // one output row per projection list in `rows` (GROUPING SETS)
  ChangelogNormalize,  // after a scan: the last row per primary key `keys`, a full changelog
  SinkUpsertMaterializer,  // before a sink: the rows per primary key `keys`, in arrival order
  Join,               // a regular join: both inputs kept in state per join key
  IntervalJoin,       // rows of two streams whose times lie within bounds of each other
  WindowJoin,         // rows of two window TVF results in the same window, joined when it closes
  TemporalJoin,       // FOR SYSTEM_TIME AS OF left.rowtime: the right's version at that time
  LookupJoin,         // FOR SYSTEM_TIME AS OF left.proctime: rows looked up in a table
  ReplicateRows,      // each row as many times as its last column says (INTERSECT/EXCEPT ALL)
  Correlate,          // a table function per row (LATERAL TABLE, UNNEST): the row, then its rows
};

// Whether `kind` is one of the joins (a Correlate joins a row with its function's rows), which
// share the join fields of Node.
bool isJoinKind(NodeKind kind);

const char* nodeKindName(NodeKind kind);

// How an Exchange routes its input's rows to the instances of its consumer.
enum class Distribution : uint8_t {
  Forward,    // instance i to instance i (same parallelism on both sides)
  Hash,       // by a hash of the key columns: every row of a key meets the same instance
  Rebalance,  // round robin, batch by batch (a change of parallelism)
  Single,     // everything to instance 0 (a global operator)
  Broadcast,  // every row to every instance
};

const char* distributionName(Distribution distribution);

// Which phase of a GROUP BY a GroupAggregate runs (table.optimizer.agg-phase-strategy). Local
// (before the hash exchange, no state): combines each mini-batch's rows per key and emits the
// keys, one BYTES column per call holding its encoded partial accumulator (value_codec), then
// the partial's row count (BIGINT). Global (after the exchange): merges those partials into
// keyed state and emits the changelog; its calls' arguments still name the Local's input columns.
enum class AggregatePhase : uint8_t { Single, Local, Global };

// Which half of a split distinct aggregation a GroupAggregate is
// (table.optimizer.distinct-agg.split.enabled, Flink's partialFinalType). Partial: grouped by the
// keys and the distinct arguments' buckets; Final: merges the partials' results per key. Only
// `sqlc explain` reads it: both run as ordinary GroupAggregates.
enum class PartialFinal : uint8_t { None, Partial, Final };

// A regular join's type. Semi and anti joins output the left row only.
enum class JoinType : uint8_t { Inner, Left, Right, Full, Semi, Anti };

const char* joinTypeName(JoinType type);

struct Node {
  int id = 0;
  NodeKind kind = NodeKind::Calc;
  std::vector<int> inputs;  // node ids
  std::vector<Field> schema;
  int parallelism = 1;
  std::string location;  // "file:line:col" of the statement, for run-time errors

  // Source / Sink: the table and its connector options (hints merged); a bare SELECT's sink has
  // table "" and connector "collect".
  std::string table;
  std::string connector;  // the factory: 'connector', legacy 'connector.type' or Blink 'type'
  std::map<std::string, std::string> options;
  // Sink: the table's PARTITIONED BY columns, by name, in declaration order (a filesystem sink
  // writes a directory per partition and leaves them out of its files); empty when unpartitioned.
  std::vector<std::string> partitionKeys;

  // Calc: output expressions over the input row, and the rows it keeps (none: all).
  std::vector<Expression> projections;
  std::optional<Expression> condition;

  // WatermarkAssigner
  int rowtimeColumn = -1;
  std::optional<Expression> watermark;

  // Values: rows of literal expressions. Expand: per input row, one output row per list, each
  // expression an input column or a literal (Flink's Expand: the grouping sets' keys nulled out
  // and the set's id `$e`).
  std::vector<std::vector<Expression>> rows;

  // Exchange: how rows are routed, and by which input columns for Hash (GroupAggregate: the
  // grouping columns). `parallelism` is the consumer's.
  Distribution distribution = Distribution::Forward;
  std::vector<int> keys;

  // GroupAggregate: output = the `keys` columns, then one column per call. Whether it sends
  // -U before +U (its consumer needs retractions) or only +U (an upsert consumer).
  std::vector<AggregateCall> aggregates;
  bool emitsUpdateBefore = true;
  bool inputUpdates = false;  // the input carries -U/-D rows: accumulators must retract
  AggregatePhase aggregatePhase = AggregatePhase::Single;
  PartialFinal partialFinal = PartialFinal::None;
  // GroupAggregate, Rank, Deduplicate, processing-time OverAggregate: idle state expires this
  // long after its key's last write, in processing time (table.exec.state.ttl or a STATE_TTL
  // hint); 0 keeps it forever. Always 0 where the watermark cleans the state (windows).
  int64_t stateTtlMillis = 0;

  // WindowAggregate: output = the `keys` columns, one column per call, then one per property.
  // WindowTableFunction: output = the input columns, then one per property.
  Window window;
  std::vector<WindowProperty> windowProperties;

  // Rank: partition `keys`, order `sortKeys`, rows ranked rankStart..rankEnd (1-based) kept;
  // the rank number appended when outputRankNumber. Deduplicate: `keys`, the time attribute
  // in sortKeys[0], keepLastRow. OverAggregate: partition `keys`, ORDER BY sortKeys[0] (a time
  // attribute), `aggregates` appended to each input row over the frame below.
  // `windowEndColumn` >= 0: a window TopN / deduplication, emitted when the watermark passes
  // the window end held in that input column. `eventTime`: the order is on event time.
  std::vector<SortKey> sortKeys;
  std::string rankFunction;  // ROW_NUMBER, RANK, DENSE_RANK
  int64_t rankStart = 1;
  int64_t rankEnd = 1;
  bool outputRankNumber = false;
  bool keepLastRow = false;
  int windowEndColumn = -1;
  bool eventTime = true;
  // Rank over an upsert input (Flink's UpdateFastStrategy): the input columns that identify a
  // row, by which an upserted row's previous version is found.
  std::vector<int> uniqueKey;
  // OverAggregate frame: ROWS (a count of rows) or RANGE (microseconds before the current
  // row's time); precedingBound -1 is UNBOUNDED PRECEDING. The frame ends at the current row.
  bool rowsFrame = false;
  int64_t precedingBound = -1;

  // Join: inputs {left, right}, each hash-distributed by its join key: `keys` are the left's
  // equality columns, `rightKeys` the right's, pairwise. `condition` (when set) is the rest of
  // the ON clause, over the left's columns followed by the right's. Output: left columns then
  // right columns (Semi/Anti: the left's). A side's unique key (columns of that input, empty
  // when it has none) picks its state layout, as Flink's JoinInputSideSpec does.
  JoinType joinType = JoinType::Inner;
  std::vector<int> rightKeys;
  std::vector<int> leftUniqueKey;
  std::vector<int> rightUniqueKey;
  // IntervalJoin fields: rows join when rightTime + lowerBound <= leftTime <= rightTime +
  // upperBound (microseconds, Flink's leftLowerBound / leftUpperBound), the times being left
  // column `leftTimeColumn` and right column `rightTimeColumn`; `eventTime` false: the arrival
  // times on the processing-time clock instead. `condition` is the ON clause without the bounds.
  int leftTimeColumn = -1;
  int rightTimeColumn = -1;
  int64_t lowerBoundMicros = 0;
  int64_t upperBoundMicros = 0;
  // WindowJoin fields: the window_end columns of the left (`windowEndColumn`) and right input;
  // a window's rows join when the watermark passes its end. `keys` include the windows.
  int rightWindowEndColumn = -1;
  // TemporalJoin fields: the left row's time (the AS OF time) and the versioned right row's
  // time (when that version starts), as columns of each input.
  int probeTimeColumn = -1;
  int versionTimeColumn = -1;
  // LookupJoin fields: one input (the left stream); the dimension table is `table`,
  // `connector` and `options` (hints merged) with its physical schema `lookupSchema`. Its key
  // columns `rightKeys` equal the left's `keys` pairwise, and `lookupConstantKeys` equal the
  // literals `lookupConstants` (`d.type = 'A'`). `condition`: the rest of the ON clause over
  // the left's columns then the table's. `lookupHint`: the LOOKUP hint's options.
  std::vector<Field> lookupSchema;
  std::vector<int> lookupConstantKeys;
  std::vector<Expression> lookupConstants;
  std::map<std::string, std::string> lookupHint;
  // Correlate fields: the table function (`tableFunction`, its arguments in `projections` over
  // the input row), INNER or LEFT (`joinType`), and `condition`, the ON clause over the input's
  // columns then the function's. The schema is the input's columns then the function's.
  std::string tableFunction;

  const std::string& option(const std::string& key) const;  // "" when absent
  // The table's own name without catalog and database ("bid" for "cat.db.bid").
  std::string tableShortName() const;
};

// Nodes run by each of its instances in one thread: a head (a source, or the operator that reads
// the pipeline's input exchanges), then nodes that each read one node before them, ending at
// terminals (sinks, or Exchanges that feed the next pipelines). Usually a chain; a node reused
// by several readers (plan_reuse.h) feeds them all, each branch ending at its own terminal.
// See docs/ARCHITECTURE.md.
struct Pipeline {
  int id = 0;
  std::vector<int> nodes;   // node ids, the head first, every node after the node it reads
  std::vector<int> inputs;  // the Exchange nodes it reads, in the head's input order
  int parallelism = 1;
};

// A native (UDX) scalar function a job calls: Call expressions named `name` (the SQL name of the
// CREATE FUNCTION) run entry `index` of the library at `library` (a canonical path), checked to
// still be `identifier` with these declared types when the job starts. One per overload used.
struct NativeFunction {
  std::string name;
  std::string library;
  std::string identifier;
  int index = 0;
  std::vector<DataType> arguments;
  DataType result;
};

struct JobPlan {
  int formatVersion = kFormatVersion;
  std::string name;  // the SQL file it came from
  std::map<std::string, std::string> configuration;  // SET options
  std::vector<Node> nodes;  // inputs before the nodes that read them
  std::vector<Pipeline> pipelines;
  std::vector<NativeFunction> nativeFunctions;

  const Node& node(int id) const;
  std::vector<int> consumersOf(int id) const;
  std::string option(const std::string& key, const std::string& fallback) const;
};

// The artifact as JSON text, and back. fromJson reports malformed input through `error`.
std::string toJson(const JobPlan& plan);
// Everything the artifact says about one node but its id and source location: two nodes with
// the same digest do the same thing to the same inputs.
std::string nodeDigest(const Node& node);
std::optional<JobPlan> fromJson(const std::string& text, std::string& error);

}  // namespace sluice::artifact
