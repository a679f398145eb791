// The changelog planning pass, Flink's FlinkChangelogModeInferenceProgram over a statement's
// optimized logical plan, in two phases:
//
// 1. Kinds, bottom-up: what each node produces (insert-only, or updates and deletes), from its
//    sources' connectors and its own semantics, while each consumer checks what it can take. A
//    sink takes what its connector accepts; a plan no sink can take is refused, naming the node
//    that produces the changes:
//      job.sql:9:1: error: table sink 'default_catalog.default_database.out' doesn't support
//      consuming update changes which is produced by node GroupAggregate(groupBy=[channel],
//      select=[channel, COUNT(*) AS cnt]); connector 'filesystem' with format 'csv' accepts
//      inserts only
// 2. Encoding, top-down: per edge, whether updates travel as retractions (-U and +U) or as
//    upserts (+U by upsert key, no -U). Each sink asks for what its connector takes, preferring
//    upserts; each operator asks its inputs for what it needs (an aggregate over updates needs
//    -U, a filter cannot pass upserts, a join takes upserts only by a key that holds its join
//    key), and falls back to retractions when upserts cannot be had.
//
// Upsert sinks whose primary key differs from the query's upsert key are marked for
// materialization (Flink's SinkUpsertMaterializer), as `table.exec.sink.upsert-materialize`
// ('AUTO' by default, 'FORCE', 'NONE') says. Under `execution.runtime-mode` = 'batch' every node
// is insert-only. The operators' rules are Flink 1.19's (window TVF aggregation reads updates),
// except that OVER aggregation reads updates too, as newer Flink does for Nexmark q6.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "compiler/diagnostics/source_location.h"
#include "compiler/physical/changelog_mode.h"
#include "compiler/physical/rank_strategy.h"
#include "compiler/physical/upsert_keys.h"
#include "compiler/plan/logical_plan.h"

namespace sluice {
struct CompiledJob;
struct CompiledStatement;
class DiagnosticSink;
}  // namespace sluice

namespace sluice::physical {

struct NodeChangelog {
  ModifyKinds kinds;                         // what the node produces
  UpdateKind updateKind = UpdateKind::None;  // how its updates travel to its consumer
  UpsertKeys upsertKeys;
  std::optional<RankStrategy> rankStrategy;  // Rank and SortLimit
  // A scan followed, as in Flink, by ChangelogNormalize, which keeps the last row per primary
  // key: an upsert source's, or a CDC source's under 'table.exec.source.cdc-events-duplicate'.
  bool changelogNormalize = false;
  // A scan of a CDC source whose consumer takes upserts: it drops the -U it reads.
  bool dropsUpdateBefore = false;
  std::string state;  // what the operator keeps, for explain; empty for stateless nodes

  ChangelogMode mode() const { return {kinds, updateKind}; }
};

struct SinkChangelog {
  const plan::LogicalNode* root = nullptr;  // the Sink node, or the root of a bare query
  std::string name;                         // the table's qualified name; "collect" for a query
  ChangelogMode input;                      // what the sink consumes
  std::vector<int> primaryKey;              // the table's primary key, as fields of its input
  // The primary key differs from the input's upsert key: the sink keeps the rows per primary
  // key to apply the changes in order (Flink's SinkUpsertMaterializer).
  bool upsertMaterialize = false;
};

// The pass's result for one statement. Nodes are the statement's own (the pointers are valid
// while its plan is); a lookup join's table side is not a stream and has no entry.
struct ChangelogPlan {
  std::unordered_map<const plan::LogicalNode*, NodeChangelog> nodes;
  std::vector<SinkChangelog> sinks;  // one per root, in order

  const NodeChangelog* find(const plan::LogicalNode& node) const;
  const SinkChangelog* findSink(const plan::LogicalNode& root) const;
};

// Runs the pass over the roots of one statement: Sink nodes, or the root of a bare query whose
// rows go to the client (which takes every change, with -U). `options` are the SET options in
// force. Throws UserError at `location` for a plan no sink can take, an operator that cannot
// take its input's changes (a window join over a GROUP BY), and an upsert sink or source
// without the primary key it needs.
ChangelogPlan inferChangelogModes(const std::vector<plan::NodeRef>& roots,
                                  const std::map<std::string, std::string>& options,
                                  SourceLocation location);

// The same for a compiled statement: its optimized plans, its options, its location.
ChangelogPlan inferChangelogModes(const CompiledStatement& statement);

// Runs the pass over every statement of a job that has a plan (INSERT, statement sets, queries,
// EXPLAIN), reporting each refusal as an error at its statement: what `sqlc check` adds.
void checkChangelogs(const CompiledJob& job, DiagnosticSink& diagnostics);

}  // namespace sluice::physical
