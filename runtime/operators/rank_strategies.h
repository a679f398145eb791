// The TopN operators, one per Flink function, chosen by makeRankOperator (rank.cpp) from the
// node: its input's changelog, its rank range and its order.
#pragma once

#include <memory>
#include <vector>

#include "runtime/operators/operator_factory.h"

namespace sluice::runtime {

// AppendOnlyTopNFunction: insert-only input, the top rankEnd rows per partition.
std::unique_ptr<StreamOperator> makeAppendOnlyTopN(const artifact::Node& node,
                                                   const OperatorContext& context,
                                                   std::unique_ptr<KeyedStateBackend> state);
// AppendOnlyFirstNFunction: insert-only input ordered by processing time: the first rows.
std::unique_ptr<StreamOperator> makeFirstN(const artifact::Node& node,
                                           const OperatorContext& context,
                                           std::unique_ptr<KeyedStateBackend> state);
// FastTop1Function: the top row over inserts or upserts whose order only improves.
std::unique_ptr<StreamOperator> makeFastTop1(const artifact::Node& node,
                                             const OperatorContext& context,
                                             std::unique_ptr<KeyedStateBackend> state);
// UpdatableTopNFunction: upserts unique by `rowKey` (input columns holding the partition key)
// whose order only improves; keeps the top rows by row key.
std::unique_ptr<StreamOperator> makeUpdatableTopN(const artifact::Node& node,
                                                  const OperatorContext& context,
                                                  std::unique_ptr<KeyedStateBackend> state,
                                                  std::vector<int> rowKey);
// RetractableTopNFunction: any changelog input; keeps every row of a partition.
std::unique_ptr<StreamOperator> makeRetractableTopN(const artifact::Node& node,
                                                    const OperatorContext& context,
                                                    std::unique_ptr<KeyedStateBackend> state);
// WindowRankProcessor: the top rows of each window, emitted when the window closes.
std::unique_ptr<StreamOperator> makeWindowTopN(const artifact::Node& node,
                                               const OperatorContext& context,
                                               std::unique_ptr<KeyedStateBackend> state);

}  // namespace sluice::runtime
