// Flink's 'datagen' source (and Blink's type = 'random', which has no options): rows of random
// or sequence values per column. 'rows-per-second' (10000) and 'number-of-rows' (unbounded) are
// shared among the subtasks, the first ones taking the remainder of the rows. The hidden option
// 'sqlc.datagen.seed' makes the values repeatable (per subtask); without it every run differs.
#pragma once

#include "runtime/connector/connector.h"

namespace sluice::connectors {

class DatagenConnectorFactory : public runtime::ConnectorFactory {
 public:
  std::unique_ptr<runtime::SourceReader> createSource(
      const runtime::ConnectorContext& context) const override;
};

}  // namespace sluice::connectors
