// What each connector declares about changelogs, as its Flink (or Blink) factory does: the kinds
// of change a table's scan produces (a ScanTableSource's getChangelogMode, fixed by the connector
// and its format) and the changelog a sink accepts from a query producing given kinds (a
// DynamicTableSink's getChangelogMode(requestedMode)).
//
//   source                                          sink
//   kafka, filesystem: by format: [I], or           kafka, filesystem: by format: [I], or
//     [I,UB,UA,D] for debezium/canal/maxwell/ogg      [I,UB,UA,D] for debezium/canal/maxwell/ogg
//   upsert-kafka: upserts by PRIMARY KEY            upsert-kafka: [I,UA,D] by PRIMARY KEY
//   mysql-cdc, postgres-cdc: [I,UB,UA,D]            jdbc: [I,UA,D]; updates need a PRIMARY KEY
//     (postgres 'changelog-mode' = 'upsert':        elasticsearch, mongodb: [I,UA,D] with a
//     upserts)                                        PRIMARY KEY, else [I]
//   anything else: [I]                              hbase: [I,UA,D] by row key
//                                                   print, collect: everything, [I,UB,UA,D]
//                                                   blackhole: everything but -U, [I,UA,D]
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "compiler/diagnostics/result.h"
#include "compiler/physical/changelog_mode.h"

namespace sluice {
struct TableDefinition;
}

namespace sluice::physical {

using TableOptions = std::vector<std::pair<std::string, std::string>>;

struct SourceChangelog {
  ModifyKinds kinds = ModifyKinds::insertOnly();
  // The source sends upserts: no -U, and deletes that may carry only the key (upsert-kafka,
  // postgres-cdc with 'changelog-mode' = 'upsert'). Flink follows such a scan with
  // ChangelogNormalize, which keeps the last row per primary key and then emits whichever
  // encoding its consumer asks for. A source that is not an upsert source but has updates is a
  // CDC source: it sends -U itself, and drops them when its consumer asks for upserts.
  bool upsert = false;
};

struct SinkAcceptance {
  ChangelogMode accepted;
  std::string origin;  // "connector 'filesystem' with format 'csv'", for messages
};

// The changelog a table's scan produces, with OPTIONS hints applied over its WITH options. Fails
// for an upsert source without a primary key.
Result<SourceChangelog> sourceChangelog(const TableDefinition& table, const TableOptions& hints);

// The changelog a sink table accepts from a query producing `requested` (which it may narrow,
// as an upsert sink drops -U). Fails for a sink that needs a primary key it lacks: upsert-kafka
// always, jdbc when the query has updates or deletes.
Result<SinkAcceptance> sinkAcceptance(const TableDefinition& table, const TableOptions& hints,
                                      const ModifyKinds& requested);

// What the client of a bare SELECT accepts: every change, with -U (Flink's collect sink).
SinkAcceptance collectAcceptance(const ModifyKinds& requested);

}  // namespace sluice::physical
