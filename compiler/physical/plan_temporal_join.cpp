// Event-time temporal joins (`JOIN versioned FOR SYSTEM_TIME AS OF left.rowtime`): both inputs
// reach the TemporalJoin's instances through a hash exchange on the join key, as for a regular
// join, and the versioned side's primary key (its upsert key: a table's PRIMARY KEY, a
// deduplicating view's partition key) must be among the join keys, as Flink requires: a left
// row looks up the one version its key has at its time. The left's AS OF column and the right's
// time attribute travel in the node; the rest of the ON clause is the residual condition.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "compiler/diagnostics/diagnostics.h"
#include "compiler/physical/join_keys.h"
#include "compiler/physical/planner.h"

namespace sluice::physical {
namespace {

std::string fieldNames(const std::vector<plan::Field>& schema, const std::vector<int>& fields) {
  std::vector<std::string> names;
  for (int field : fields) names.push_back(schema[static_cast<size_t>(field)].name);
  return fmt::format("{}", fmt::join(names, ", "));
}

}  // namespace

int Planner::temporalJoin(const plan::LogicalNode& node) {
  const plan::LogicalNode& versioned = *node.inputs[1];
  const JoinKeySplit split = splitJoinKeys(node);

  // The versioned side's primary key must be looked up by the join key.
  const NodeChangelog* info = changelog_.find(versioned);
  if (info == nullptr || info->upsertKeys.empty()) {
    throw UserError(location_,
                    "event-time temporal join needs a primary key on the versioned "
                    "side (a PRIMARY KEY, or a view deduplicating by its key)");
  }
  const bool keyed = std::any_of(
      info->upsertKeys.begin(), info->upsertKeys.end(), [&](const std::vector<int>& key) {
        return std::all_of(key.begin(), key.end(), [&](int field) {
          return std::find(split.rightKeys.begin(), split.rightKeys.end(), field) !=
                 split.rightKeys.end();
        });
      });
  if (!keyed) {
    throw UserError(location_,
                    fmt::format("event-time temporal join needs the primary key of the versioned "
                                "side ({}) among its join keys (equalities with the left table "
                                "in the ON clause)",
                                fieldNames(versioned.schema, info->upsertKeys.front())));
  }

  const auto rightTime =
      std::find_if(versioned.schema.begin(), versioned.schema.end(),
                   [](const plan::Field& field) { return field.type.isRowtime(); });
  if (rightTime == versioned.schema.end()) {
    throw UserError(location_,
                    "event-time temporal join needs a time attribute (a WATERMARK) "
                    "on the versioned side");
  }
  if (node.rowtimeField < 0) unsupported("an event-time temporal join without its AS OF column");

  // The join type is INNER or LEFT: the binder refuses the others.
  artifact::Node n = keyedJoin(artifact::NodeKind::TemporalJoin, node, split.leftKeys,
                               split.rightKeys, split.residual);
  n.probeTimeColumn = node.rowtimeField;
  n.versionTimeColumn = static_cast<int>(rightTime - versioned.schema.begin());
  n.inputUpdates = inputUpdates(node);
  // table.exec.state.ttl: a key idle that long is cleared, as Flink's state retention does.
  n.stateTtlMillis = stateTtl(node);
  return add(std::move(n));
}

}  // namespace sluice::physical
