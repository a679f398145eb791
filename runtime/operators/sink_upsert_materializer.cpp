#include "runtime/operators/sink_upsert_materializer.h"

#include <cstdint>
#include <cstring>
#include <stdexcept>

namespace sluice::runtime {

SinkUpsertMaterializerOperator::SinkUpsertMaterializerOperator(
    const artifact::Node& node, const OperatorContext& context,
    std::unique_ptr<KeyedStateBackend> state)
    : RankOperatorBase(node, context.inputTypes, std::move(state), context.batchSize),
      rows_(state_->valueState("materialized-rows", node.stateTtlMillis)) {}

void SinkUpsertMaterializerOperator::processBatch(Batch& batch, int /*input*/, Output& out) {
  for (int row = 0; row < batch.size(); ++row) {
    selectPartition(batch, row);
    const RowKind kind = batch.rowKind(row);
    if (kind == RowKind::Insert || kind == RowKind::UpdateAfter) {
      add(encodeRow(batch, row), out);
    } else {
      retract(encodeRow(batch, row), out);
    }
  }
  flush(out);
}

// A row equal to a kept one replaces it in place (a repeated change); any other goes last. The
// new row is the one the sink must hold now either way.
void SinkUpsertMaterializerOperator::add(std::string row, Output& out) {
  std::vector<std::string> rows = load();
  const bool first = rows.empty();
  bool replaced = false;
  for (std::string& kept : rows) {
    if (kept == row) {
      replaced = true;
      break;
    }
  }
  if (!replaced) rows.push_back(row);
  emit(first ? RowKind::Insert : RowKind::UpdateAfter, row, 0, out);
  store(rows);
}

// Removes the newest equal row. Only when it was the newest does the sink's row change: to the
// row before it, or away (-D) when none is left. A retraction of a row never kept changes nothing.
void SinkUpsertMaterializerOperator::retract(const std::string& row, Output& out) {
  std::vector<std::string> rows = load();
  for (size_t i = rows.size(); i-- > 0;) {
    if (rows[i] != row) continue;
    const bool newest = i + 1 == rows.size();
    rows.erase(rows.begin() + static_cast<std::ptrdiff_t>(i));
    if (rows.empty()) {
      emit(RowKind::Delete, row, 0, out);
    } else if (newest) {
      emit(RowKind::UpdateAfter, rows.back(), 0, out);
    }
    store(rows);
    return;
  }
}

std::vector<std::string> SinkUpsertMaterializerOperator::load() {
  std::vector<std::string> rows;
  const std::optional<std::string_view> stored = rows_.get();
  if (!stored) return rows;
  std::string_view rest = *stored;
  while (rest.size() >= sizeof(uint32_t)) {
    uint32_t length = 0;
    std::memcpy(&length, rest.data(), sizeof length);
    rest.remove_prefix(sizeof length);
    rows.emplace_back(rest.substr(0, length));
    rest.remove_prefix(length);
  }
  return rows;
}

// An empty list clears the key, so that a key whose rows are all gone keeps no state.
void SinkUpsertMaterializerOperator::store(const std::vector<std::string>& rows) {
  if (rows.empty()) {
    rows_.clear();
    return;
  }
  std::string value;
  for (const std::string& row : rows) {
    const auto length = static_cast<uint32_t>(row.size());
    value.append(reinterpret_cast<const char*>(&length), sizeof length);
    value += row;
  }
  rows_.put(value);
}

std::unique_ptr<StreamOperator> makeSinkUpsertMaterializer(
    const artifact::Node& node, const OperatorContext& context,
    std::unique_ptr<KeyedStateBackend> state) {
  if (node.keys.empty()) throw std::invalid_argument("a SinkUpsertMaterializer without its key");
  return std::make_unique<SinkUpsertMaterializerOperator>(node, context, std::move(state));
}

}  // namespace sluice::runtime
