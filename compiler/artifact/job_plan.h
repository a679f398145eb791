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

constexpr int kFormatVersion = 1;

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

enum class NodeKind : uint8_t {
  Source,             // a table's connector: reads rows of its physical columns
  Values,             // literal rows (bare SELECT without FROM, VALUES)
  Calc,               // filter + projection, fused
  WatermarkAssigner,  // computes event-time watermarks from a rowtime column
  Union,              // UNION ALL of inputs with the same schema
  Sink,               // a table's connector, or the client for a bare SELECT
};

const char* nodeKindName(NodeKind kind);

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

  const std::string& option(const std::string& key) const;  // "" when absent
  // The table's own name without catalog and database ("bid" for "cat.db.bid").
  std::string tableShortName() const;
};

// A chain of nodes run as one fused loop: a head (source, or the input edge of a breaker), then
// stateless nodes, ending at a terminal (sink or breaker). See docs/ARCHITECTURE.md.
struct Pipeline {
  int id = 0;
  std::vector<int> nodes;  // node ids from head to terminal
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
