// Flink's 'print' sink: every row as a changelog line ("+I[1, abc]") on standard output (or
// standard error with 'standard-error' = 'true'), after the prefix 'print-identifier' and the
// parallelism give it. Also Blink's type = 'print', which has no options.
#pragma once

#include "runtime/connector/connector.h"

namespace sluice::connectors {

class PrintConnectorFactory : public runtime::ConnectorFactory {
 public:
  std::unique_ptr<runtime::SinkWriter> createSink(
      const runtime::ConnectorContext& context) const override;
};

}  // namespace sluice::connectors
