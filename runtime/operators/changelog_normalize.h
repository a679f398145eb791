// ChangelogNormalize (Flink's ProcTimeDeduplicateKeepLastRowFunction over a changelog,
// DeduplicateFunctionHelper.processLastRowOnChangelog): after a scan of an upsert source, or of
// a CDC source whose events may come twice, it keeps the last row per primary key (`keys`) and
// turns what it reads into a well-formed changelog: +I for a new key, -U/+U (or only +U) for a
// changed one, -D of the stored row for a delete, and nothing for a repeated event. A -U is
// dropped, as Flink's DropUpdateBefore does below the operator.
#pragma once

#include <memory>

#include "runtime/operators/operator_factory.h"
#include "runtime/operators/rank_rows.h"

namespace sluice::runtime {

class ChangelogNormalizeOperator final : public RankOperatorBase {
 public:
  ChangelogNormalizeOperator(const artifact::Node& node, const OperatorContext& context,
                             std::unique_ptr<KeyedStateBackend> state);

  void processBatch(Batch& batch, int input, Output& out) override;

 private:
  ValueState& last_;  // the key's current row (value_codec bytes); absent once deleted
};

}  // namespace sluice::runtime
