// The nexmark source's generator alone: events per second written into batches of 1024 rows of
// the suite's table (event_type, person, auction, bid), default options (1:3:46 events, average
// sizes 200/500/100 bytes), one instance. Each iteration fills one batch, as a source read does;
// clearing the batch (a fresh arena) is counted, since a source pays it too.
#include <benchmark/benchmark.h>

#include <vector>

#include "connectors/nexmark/nexmark_connector.h"
#include "connectors/nexmark/nexmark_generator.h"

namespace sluice::bench {
namespace {

using connectors::nexmark::GeneratorConfig;
using connectors::nexmark::NexmarkGenerator;
using connectors::nexmark::NexmarkSettings;

constexpr int kRows = 1024;

void BM_NexmarkGenerator(benchmark::State& state) {
  std::vector<DataType> types;
  for (const auto& field : connectors::nexmark::physicalSchema()) types.push_back(field.type);
  runtime::Batch batch(types, kRows);
  NexmarkSettings settings;
  settings.baseTimeMillis = 1'700'000'000'000;
  NexmarkGenerator generator(GeneratorConfig(settings, 1));
  int64_t events = 0;
  for (auto _ : state) {
    batch.clear();
    events += generator.generate(batch, kRows);
    benchmark::DoNotOptimize(batch.column(0).rawValues());
  }
  state.SetItemsProcessed(events);
  state.counters["events/s"] =
      benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_NexmarkGenerator);

}  // namespace
}  // namespace sluice::bench
