#include "connectors/collect/collect_connector.h"

#include "connectors/options/session_zone.h"
#include "connectors/print/changelog_text.h"

namespace sluice::connectors {

namespace {

class CollectSink : public runtime::SinkWriter {
 public:
  CollectSink(std::shared_ptr<ChangelogCollector> collector, std::string sinkName,
              runtime::TimeZone zone)
      : collector_(std::move(collector)), sinkName_(std::move(sinkName)), zone_(std::move(zone)) {}

  void write(const runtime::Batch& batch) override {
    if (batch.size() == 0) return;
    std::vector<std::string> lines;
    lines.reserve(batch.size());
    for (int row = 0; row < batch.size(); ++row) {
      lines.push_back(formatChangelogRow(batch, row, zone_));
    }
    collector_->add(sinkName_, std::move(lines));
  }

 private:
  std::shared_ptr<ChangelogCollector> collector_;
  std::string sinkName_;
  runtime::TimeZone zone_;
};

}  // namespace

std::unique_ptr<runtime::SinkWriter> CollectConnectorFactory::createSink(
    const runtime::ConnectorContext& context) const {
  if (!collector_) {
    throw runtime::ConnectorError("the collect sink of table " + context.node->table +
                                  " has no collector in this runner");
  }
  return std::make_unique<CollectSink>(collector_, context.node->tableShortName(),
                                       sessionZone(context));
}

}  // namespace sluice::connectors
