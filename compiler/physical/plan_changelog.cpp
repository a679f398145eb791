// The operators Flink's changelog planning puts around scans and sinks: ChangelogNormalize after
// a scan whose changes need the last row per primary key (an upsert source, or a CDC source under
// 'table.exec.source.cdc-events-duplicate'), and SinkUpsertMaterializer before a sink whose
// primary key its input's changes do not keep apart. Both are keyed by that primary key and
// read their input through a hash exchange on it, so that every change of a key meets one
// instance, in order.
#include <algorithm>

#include "compiler/catalog/catalog.h"
#include "compiler/physical/planner.h"

namespace sluice::physical {

int Planner::changelogNormalize(const plan::LogicalNode& scan, int source) {
  std::vector<int> keys;
  for (const auto& column : scan.table->primaryKey) {
    auto it = std::find_if(scan.schema.begin(), scan.schema.end(),
                           [&](const plan::Field& f) { return f.name == column; });
    // Normalizing by fewer columns than the key would merge distinct rows.
    if (it == scan.schema.end()) {
      unsupported("ChangelogNormalize of " + scan.tableName + " without its key column " +
                  column);
    }
    keys.push_back(static_cast<int>(it - scan.schema.begin()));
  }
  int parallelism = 1;
  const int exchanged = keyedExchange(source, keys, parallelism);
  artifact::Node n = makeNode(artifact::NodeKind::ChangelogNormalize, {exchanged}, scan.schema);
  n.parallelism = parallelism;
  n.keys = std::move(keys);
  n.emitsUpdateBefore = emitsUpdateBefore(scan);
  n.inputUpdates = true;
  n.stateTtlMillis = stateTtl(scan);
  return add(std::move(n));
}

int Planner::upsertMaterializer(int input, const SinkChangelog& changes, int parallelism,
                                const plan::LogicalNode& sink) {
  // Flink keys the materializer by the sink's primary key at the sink's parallelism.
  const int exchanged =
      exchange(input, artifact::Distribution::Hash, parallelism, changes.primaryKey);
  artifact::Node n =
      makeNode(artifact::NodeKind::SinkUpsertMaterializer, {exchanged}, sink.schema);
  n.keys = changes.primaryKey;
  n.inputUpdates = true;
  n.stateTtlMillis = stateTtl(sink);
  return add(std::move(n));
}

}  // namespace sluice::physical
