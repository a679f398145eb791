#include "runtime/operators/changelog_normalize.h"

#include <stdexcept>

namespace sluice::runtime {

ChangelogNormalizeOperator::ChangelogNormalizeOperator(const artifact::Node& node,
                                                       const OperatorContext& context,
                                                       std::unique_ptr<KeyedStateBackend> state)
    : RankOperatorBase(node, context.inputTypes, std::move(state), context.batchSize),
      last_(state_->valueState("normalized-row", node.stateTtlMillis)) {}

void ChangelogNormalizeOperator::processBatch(Batch& batch, int /*input*/, Output& out) {
  for (int row = 0; row < batch.size(); ++row) {
    selectPartition(batch, row);
    const RowKind kind = batch.rowKind(row);
    const std::optional<std::string_view> stored = last_.get();
    // Flink drops a CDC source's -U before ChangelogNormalize (DropUpdateBefore): the +U that
    // follows it says all, and a duplicated -U must not delete the row its +U re-inserts.
    if (kind == RowKind::UpdateBefore) continue;
    if (kind == RowKind::Delete) {
      // The stored row, not the input's: an upsert source's delete may carry only its key.
      if (!stored) continue;
      emit(RowKind::Delete, *stored, 0, out);
      last_.clear();
      continue;
    }
    const std::string bytes = encodeRow(batch, row);
    if (!stored) {
      emit(RowKind::Insert, bytes, 0, out);
    } else if (node_.stateTtlMillis > 0 || *stored != bytes) {
      // With TTL on, a repeat is sent again as Flink does: downstream state may have expired
      // before this key's, and the write refreshes the key's TTL.
      if (node_.emitsUpdateBefore) emit(RowKind::UpdateBefore, *stored, 0, out);
      emit(RowKind::UpdateAfter, bytes, 0, out);
    } else {
      continue;  // a duplicate event: the row is already current
    }
    last_.put(bytes);
  }
  flush(out);
}

std::unique_ptr<StreamOperator> makeChangelogNormalizeOperator(
    const artifact::Node& node, const OperatorContext& context,
    std::unique_ptr<KeyedStateBackend> state) {
  if (node.keys.empty()) throw std::invalid_argument("a ChangelogNormalize without its key");
  return std::make_unique<ChangelogNormalizeOperator>(node, context, std::move(state));
}

}  // namespace sluice::runtime
