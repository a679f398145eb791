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

constexpr int kFormatVersion = 2;

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
};

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

  // Calc: output expressions over the input row, and the rows it keeps (none: all).
  std::vector<Expression> projections;
  std::optional<Expression> condition;

  // WatermarkAssigner
  int rowtimeColumn = -1;
  std::optional<Expression> watermark;

  // Values: rows of literal expressions.
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

  const std::string& option(const std::string& key) const;  // "" when absent
  // The table's own name without catalog and database ("bid" for "cat.db.bid").
  std::string tableShortName() const;
};

// A chain of nodes run as one fused loop by each of its instances: a head (a source, or the
// operator that reads the pipeline's input exchanges), then stateless nodes, ending at a
// terminal (a sink, or an Exchange that feeds the next pipelines). See docs/ARCHITECTURE.md.
struct Pipeline {
  int id = 0;
  std::vector<int> nodes;   // node ids from head to terminal
  std::vector<int> inputs;  // the Exchange nodes it reads, in the head's input order
  int parallelism = 1;
};

struct JobPlan {
  int formatVersion = kFormatVersion;
  std::string name;  // the SQL file it came from
  std::map<std::string, std::string> configuration;  // SET options
  std::vector<Node> nodes;  // inputs before the nodes that read them
  std::vector<Pipeline> pipelines;

  const Node& node(int id) const;
  std::vector<int> consumersOf(int id) const;
  std::string option(const std::string& key, const std::string& fallback) const;
};

// The artifact as JSON text, and back. fromJson reports malformed input through `error`.
std::string toJson(const JobPlan& plan);
std::optional<JobPlan> fromJson(const std::string& text, std::string& error);

}  // namespace sluice::artifact
