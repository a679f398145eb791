#include <stdexcept>

#include "runtime/operators/operator_factory.h"

namespace sluice::runtime {

std::unique_ptr<StreamOperator> makeTemporalJoinOperator(const artifact::Node& node,
                                                 const OperatorContext& /*context*/,
                                                 std::unique_ptr<KeyedStateBackend> /*state*/) {
  throw std::invalid_argument(std::string("no runtime operator for ") +
                              artifact::nodeKindName(node.kind) + " yet");
}

}  // namespace sluice::runtime
