#include "connectors/builtin_connectors.h"

#include "connectors/blackhole/blackhole_connector.h"
#include "connectors/collect/collect_connector.h"
#include "connectors/datagen/datagen_connector.h"
#include "connectors/filesystem/filesystem_connector.h"
#include "connectors/nexmark/nexmark_connector.h"
#include "connectors/print/print_connector.h"

namespace sluice::connectors {

runtime::ConnectorFactories builtinConnectors(std::shared_ptr<ChangelogCollector> collector) {
  runtime::ConnectorFactories factories;
  auto datagen = std::make_shared<DatagenConnectorFactory>();
  factories.add("datagen", datagen);
  // Blink's random source: type = 'random' (its values are written in any case).
  factories.add("random", datagen);
  factories.add("RANDOM", datagen);
  factories.add("filesystem", std::make_shared<FilesystemConnectorFactory>());
  factories.add("nexmark", std::make_shared<NexmarkConnectorFactory>());
  auto print = std::make_shared<PrintConnectorFactory>();
  factories.add("print", print);
  factories.add("PRINT", print);
  auto blackhole = std::make_shared<BlackholeConnectorFactory>();
  factories.add("blackhole", blackhole);
  factories.add("BLACKHOLE", blackhole);
  factories.add("collect", std::make_shared<CollectConnectorFactory>(std::move(collector)));
  return factories;
}

}  // namespace sluice::connectors
