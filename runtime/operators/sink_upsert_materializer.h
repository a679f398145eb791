// SinkUpsertMaterializer (Flink's operator of that name): before a sink whose primary key is not
// an upsert key of its input, the changes of one sink key may come from several upstream keys
// and interleave. It keeps every live row of the sink key (`keys`) in arrival order, and the
// sink sees the latest: +I/+U of the newest row, -D once none is left.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "runtime/operators/operator_factory.h"
#include "runtime/operators/rank_rows.h"

namespace sluice::runtime {

class SinkUpsertMaterializerOperator final : public RankOperatorBase {
 public:
  SinkUpsertMaterializerOperator(const artifact::Node& node, const OperatorContext& context,
                                 std::unique_ptr<KeyedStateBackend> state);

  void processBatch(Batch& batch, int input, Output& out) override;

 private:
  // The key's rows, oldest first, as one value: each row's length (4 bytes), then its bytes.
  ValueState& rows_;

  std::vector<std::string> load();
  void store(const std::vector<std::string>& rows);
  void add(std::string row, Output& out);
  void retract(const std::string& row, Output& out);
};

}  // namespace sluice::runtime
