// The 'collect' sink: rows go, as changelog lines, into a ChangelogCollector under the table's
// short name ("" for a bare SELECT's sink), where `sqlc run` and the tests read them.
#pragma once

#include <memory>

#include "connectors/collect/changelog_collector.h"
#include "runtime/connector/connector.h"

namespace sluice::connectors {

class CollectConnectorFactory : public runtime::ConnectorFactory {
 public:
  explicit CollectConnectorFactory(std::shared_ptr<ChangelogCollector> collector)
      : collector_(std::move(collector)) {}

  std::unique_ptr<runtime::SinkWriter> createSink(
      const runtime::ConnectorContext& context) const override;

 private:
  std::shared_ptr<ChangelogCollector> collector_;
};

}  // namespace sluice::connectors
