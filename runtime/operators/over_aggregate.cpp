// Placeholder until the operator lands.
#include <stdexcept>

#include "runtime/operators/operator_factory.h"

namespace sluice::runtime {

std::unique_ptr<StreamOperator> makeOverAggregateOperator(const artifact::Node&, const OperatorContext&,
                                    std::unique_ptr<KeyedStateBackend>) {
  throw std::invalid_argument("not implemented yet");
}

}  // namespace sluice::runtime
