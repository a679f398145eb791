#include "runtime/connector/connector.h"

#include "runtime/connector/lookup_table.h"

namespace sluice::runtime {

std::vector<DataType> ConnectorContext::columnTypes() const {
  std::vector<DataType> types;
  for (const artifact::Field& field : node->schema) types.push_back(field.type);
  return types;
}

std::unique_ptr<SourceReader> ConnectorFactory::createSource(const ConnectorContext& context) const {
  throw ConnectorError("connector '" + context.node->connector + "' cannot be read from (table " +
                       context.node->table + ")");
}

std::unique_ptr<SinkWriter> ConnectorFactory::createSink(const ConnectorContext& context) const {
  throw ConnectorError("connector '" + context.node->connector + "' cannot be written to (table " +
                       context.node->table + ")");
}

std::unique_ptr<LookupTable> ConnectorFactory::createLookupTable(
    const LookupContext& context) const {
  throw ConnectorError("connector '" + context.node->connector +
                       "' cannot serve as a lookup table (table " + context.node->table + ")");
}

void ConnectorFactories::add(std::string name, std::shared_ptr<const ConnectorFactory> factory) {
  byName_[std::move(name)] = std::move(factory);
}

const ConnectorFactory* ConnectorFactories::find(const std::string& name) const {
  auto it = byName_.find(name);
  return it == byName_.end() ? nullptr : it->second.get();
}

}  // namespace sluice::runtime
