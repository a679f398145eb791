#include "connectors/datagen/datagen_connector.h"

#include <random>

#include "connectors/options/table_options.h"
#include "connectors/datagen/datagen_source.h"

namespace sluice::connectors {

namespace {

// Mixes the seed with the subtask so parallel instances draw different values (splitmix64).
uint64_t subtaskSeed(uint64_t seed, int subtask) {
  uint64_t z = seed + 0x9E3779B97F4A7C15ULL * (static_cast<uint64_t>(subtask) + 1);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

}  // namespace

std::unique_ptr<runtime::SourceReader> DatagenConnectorFactory::createSource(
    const runtime::ConnectorContext& context) const {
  const TableOptions options(*context.node);
  const int parallelism = std::max(context.parallelism, 1);
  std::vector<std::unique_ptr<ValueGenerator>> columns;
  for (const artifact::Field& field : context.node->schema) {
    columns.push_back(
        makeColumnGenerator(field.name, field.type, options, context.subtask, parallelism));
  }
  const double rowsPerSecond = options.number("rows-per-second", 10000);
  if (!(rowsPerSecond > 0)) options.invalid("rows-per-second", "a positive number");
  std::optional<int64_t> rowLimit;
  if (options.find("number-of-rows")) {
    const int64_t total = options.integer("number-of-rows", 0);
    if (total < 0) options.invalid("number-of-rows", "a count of 0 or more");
    rowLimit = total / parallelism + (total % parallelism > context.subtask ? 1 : 0);
  }
  uint64_t seed = 0;
  if (options.find("sqlc.datagen.seed")) {
    seed = static_cast<uint64_t>(options.integer("sqlc.datagen.seed", 0));
  } else {
    seed = (static_cast<uint64_t>(std::random_device()()) << 32) | std::random_device()();
  }
  return std::make_unique<DatagenSourceReader>(std::move(columns), rowsPerSecond / parallelism,
                                               rowLimit, subtaskSeed(seed, context.subtask));
}

}  // namespace sluice::connectors
