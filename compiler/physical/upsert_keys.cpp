#include "compiler/physical/upsert_keys.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string>

#include "compiler/catalog/catalog.h"

namespace sluice::physical {

namespace {

bool isSubset(const UpsertKey& small, const UpsertKey& large) {
  return std::includes(large.begin(), large.end(), small.begin(), small.end());
}

// Sorted keys, without duplicates and without keys that contain a smaller one.
UpsertKeys minimal(UpsertKeys keys) {
  for (auto& key : keys) {
    std::sort(key.begin(), key.end());
    key.erase(std::unique(key.begin(), key.end()), key.end());
  }
  std::sort(keys.begin(), keys.end(), [](const UpsertKey& a, const UpsertKey& b) {
    return a.size() != b.size() ? a.size() < b.size() : a < b;
  });
  UpsertKeys out;
  for (const auto& key : keys) {
    bool covered = std::any_of(out.begin(), out.end(),
                               [&](const UpsertKey& kept) { return isSubset(kept, key); });
    if (!covered) out.push_back(key);
  }
  return out;
}

UpsertKey range(size_t begin, size_t end) {
  UpsertKey key;
  for (size_t i = begin; i < end; ++i) key.push_back(static_cast<int>(i));
  return key;
}

UpsertKey shifted(const UpsertKey& key, int offset) {
  UpsertKey out;
  for (int field : key) out.push_back(field + offset);
  return out;
}

// The fields of `schema` named by `names`, or nothing when one is missing.
std::optional<UpsertKey> fieldsNamed(const std::vector<plan::Field>& schema,
                                     const std::vector<std::string>& names) {
  UpsertKey key;
  for (const auto& name : names) {
    auto it = std::find_if(schema.begin(), schema.end(),
                           [&](const plan::Field& f) { return f.name == name; });
    if (it == schema.end()) return std::nullopt;
    key.push_back(static_cast<int>(it - schema.begin()));
  }
  return key;
}

UpsertKeys tableScan(const plan::LogicalNode& node) {
  if (!node.table || node.table->primaryKey.empty()) return {};
  auto key = fieldsNamed(node.schema, node.table->primaryKey);
  return key ? UpsertKeys{*key} : UpsertKeys{};
}

// A key survives a projection when each of its fields is passed through unchanged.
UpsertKeys project(const plan::LogicalNode& node, const UpsertKeys& input) {
  std::map<int, int> outputOf;  // input field -> first output field that is a plain reference
  for (size_t i = 0; i < node.expressions.size(); ++i) {
    const auto& e = node.expressions[i];
    if (e->kind == plan::ExpressionKind::InputRef) outputOf.emplace(e->index, static_cast<int>(i));
  }
  UpsertKeys out;
  for (const auto& key : input) {
    UpsertKey mapped;
    for (int field : key) {
      auto it = outputOf.find(field);
      if (it == outputOf.end()) break;
      mapped.push_back(it->second);
    }
    if (mapped.size() == key.size()) out.push_back(mapped);
  }
  return out;
}

// HOP and CUMULATE copy a row into several windows: its key holds per window only.
UpsertKeys windowTableFunction(const plan::LogicalNode& node, const UpsertKeys& input) {
  if (node.window.kind == plan::WindowKind::Tumble ||
      node.window.kind == plan::WindowKind::Session) {
    return input;
  }
  const int windowStart = static_cast<int>(node.inputs[0]->schema.size());
  UpsertKeys out;
  for (auto key : input) {
    key.push_back(windowStart);
    out.push_back(key);
  }
  return out;
}

UpsertKeys aggregate(const plan::LogicalNode& node) {
  // Under grouping sets a rolled-up key is NULL, like a real NULL key of another set.
  if (!node.groupingSets.empty()) return {};
  return {range(0, node.groupKeys.size())};
}

UpsertKeys windowAggregate(const plan::LogicalNode& node) {
  const size_t groupCount = node.groupKeys.size();
  // Window TVF aggregation groups by window_start and window_end among the keys.
  if (node.windowed) return {range(0, groupCount)};
  // A group window: the keys with the window's start or end, when the query selects one.
  const size_t first = groupCount + node.aggregates.size();
  for (size_t k = 0; k < node.windowProperties.size(); ++k) {
    auto p = node.windowProperties[k];
    if (p == plan::WindowProperty::Start || p == plan::WindowProperty::End) {
      UpsertKey key = range(0, groupCount);
      key.push_back(static_cast<int>(first + k));
      return {key};
    }
  }
  return {};
}

// The keys that hold every field of `fields`: an upsert key must include the key its stream is
// distributed by, so that all changes of one row reach the same instance (Flink's filterKeys).
UpsertKeys containing(const UpsertKeys& keys, const std::vector<int>& fields) {
  UpsertKey sorted = fields;
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  UpsertKeys out;
  for (const auto& key : keys) {
    if (isSubset(sorted, key)) out.push_back(key);
  }
  return out;
}

// Input keys holding the partition key; the partition key with the row number; the partition
// key alone for a ROW_NUMBER with a single rank.
UpsertKeys rank(const plan::LogicalNode& node, const UpsertKeys& input) {
  UpsertKeys out = containing(input, node.groupKeys);
  const bool rowNumber = node.rankFunction == "ROW_NUMBER";
  if (rowNumber && node.outputRankNumber) {
    UpsertKey key = node.groupKeys;
    key.push_back(static_cast<int>(node.schema.size()) - 1);
    out.push_back(key);
  }
  if (rowNumber && node.rankEnd == node.rankStart) out.push_back(node.groupKeys);
  return out;
}

UpsertKeys overAggregate(const plan::LogicalNode& node, const UpsertKeys& input) {
  UpsertKeys out = input;
  for (const auto& call : node.expressions) {
    if (!call->over) continue;
    std::vector<int> partition;
    for (const auto& key : call->over->partitionBy) {
      if (key->kind == plan::ExpressionKind::InputRef) partition.push_back(key->index);
    }
    out = containing(out, partition);
  }
  return out;
}

UpsertKeys join(const plan::LogicalNode& node, const std::vector<UpsertKeys>& inputs) {
  const UpsertKeys& left = inputs[0];
  if (node.joinKind == plan::JoinKind::Semi || node.joinKind == plan::JoinKind::Anti) {
    std::vector<int> leftJoinKeys;
    for (const auto& [l, r] : node.equiKeys) leftJoinKeys.push_back(l);
    return containing(left, leftJoinKeys);
  }
  if (node.joinStrategy == plan::JoinStrategy::EventTimeTemporal) return left;  // one version
  if (node.joinStrategy == plan::JoinStrategy::Lookup) {
    // Each left row finds at most one row when the lookup keys cover the table's primary key.
    if (!node.table || node.table->primaryKey.empty()) return {};
    std::vector<std::string> lookupColumns;
    for (const auto& [l, r] : node.equiKeys) {
      lookupColumns.push_back(node.inputs[1]->schema[static_cast<size_t>(r)].name);
    }
    for (const auto& column : node.table->primaryKey) {
      if (std::find(lookupColumns.begin(), lookupColumns.end(), column) == lookupColumns.end()) {
        return {};
      }
    }
    return left;
  }
  const UpsertKeys& right = inputs.size() > 1 ? inputs[1] : UpsertKeys{};
  const int leftWidth = static_cast<int>(node.inputs[0]->schema.size());
  UpsertKey leftJoinKeys, rightJoinKeys;
  for (const auto& [l, r] : node.equiKeys) {
    leftJoinKeys.push_back(l);
    rightJoinKeys.push_back(r);
  }
  // Each side is distributed by its join keys: only keys holding them stay upsert keys.
  const UpsertKeys leftKeys = containing(left, leftJoinKeys);
  const UpsertKeys rightKeys = containing(right, rightJoinKeys);
  UpsertKeys out;
  for (const auto& l : leftKeys) {
    for (const auto& r : rightKeys) {
      UpsertKey key = l;
      for (int field : shifted(r, leftWidth)) key.push_back(field);
      out.push_back(key);
    }
  }
  // A side unique on its join key matches each row of the other side at most once.
  const bool keepsLeftRows =
      node.joinKind == plan::JoinKind::Inner || node.joinKind == plan::JoinKind::Left;
  const bool keepsRightRows =
      node.joinKind == plan::JoinKind::Inner || node.joinKind == plan::JoinKind::Right;
  if (keepsLeftRows && hasKeyWithin(right, rightJoinKeys)) {
    out.insert(out.end(), leftKeys.begin(), leftKeys.end());
  }
  if (keepsRightRows && hasKeyWithin(left, leftJoinKeys)) {
    for (const auto& r : rightKeys) out.push_back(shifted(r, leftWidth));
  }
  return out;
}

}  // namespace

bool hasKeyWithin(const UpsertKeys& keys, const std::vector<int>& fields) {
  UpsertKey sorted = fields;
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  return std::any_of(keys.begin(), keys.end(),
                     [&](const UpsertKey& key) { return isSubset(key, sorted); });
}

bool hasKeyContaining(const UpsertKeys& keys, const std::vector<int>& fields) {
  UpsertKey sorted = fields;
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  return std::any_of(keys.begin(), keys.end(),
                     [&](const UpsertKey& key) { return isSubset(sorted, key); });
}

UpsertKeys deriveUpsertKeys(const plan::LogicalNode& node, const std::vector<UpsertKeys>& inputs) {
  static const UpsertKeys kNone;
  const UpsertKeys& first = inputs.empty() ? kNone : inputs[0];
  switch (node.kind) {
    case plan::NodeKind::TableScan: return minimal(tableScan(node));
    case plan::NodeKind::Project: return minimal(project(node, first));
    case plan::NodeKind::Filter:
    case plan::NodeKind::WatermarkAssigner:
    case plan::NodeKind::Sort:  // keeps some of the rows
      return first;
    case plan::NodeKind::OverAggregate: return minimal(overAggregate(node, first));
    case plan::NodeKind::WindowTableFunction: return minimal(windowTableFunction(node, first));
    case plan::NodeKind::Aggregate: return aggregate(node);
    case plan::NodeKind::WindowAggregate: return windowAggregate(node);
    case plan::NodeKind::Rank: return minimal(rank(node, first));
    case plan::NodeKind::Deduplicate: return minimal({node.groupKeys});
    case plan::NodeKind::Join: return minimal(join(node, inputs));
    case plan::NodeKind::Union:  // without ALL, an aggregation by every field
    case plan::NodeKind::Intersect:
    case plan::NodeKind::Except:
      return node.all ? UpsertKeys{} : UpsertKeys{range(0, node.schema.size())};
    case plan::NodeKind::Values:
    case plan::NodeKind::Correlate:  // a table function may emit several rows per input row
    case plan::NodeKind::MatchRecognize:
    case plan::NodeKind::Sink: return {};
  }
  return {};
}

std::string formatUpsertKeys(const UpsertKeys& keys) {
  std::string out = "[";
  for (size_t k = 0; k < keys.size(); ++k) {
    out += k > 0 ? ", [" : "[";
    for (size_t i = 0; i < keys[k].size(); ++i) {
      out += (i > 0 ? ", " : "") + std::to_string(keys[k][i]);
    }
    out += "]";
  }
  return out + "]";
}

}  // namespace sluice::physical
