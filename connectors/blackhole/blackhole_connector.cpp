#include "connectors/blackhole/blackhole_connector.h"

namespace sluice::connectors {

std::unique_ptr<runtime::SinkWriter> BlackholeConnectorFactory::createSink(
    const runtime::ConnectorContext& context) const {
  (void)context;
  return std::make_unique<BlackholeSink>();
}

}  // namespace sluice::connectors
