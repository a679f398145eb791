// The per-row cost of a native aggregate function (udx/examples/weighted_avg.cpp, Flink's
// WeightedAvg written with the C++ SDK) against the built-in AVG, over the same grouped input of
// (key BIGINT, price DOUBLE, weight INT, ts TIMESTAMP(3)) in the runtime's aggregate operators:
//
//   BM_UdafGroup/*:      SELECT key, <agg> FROM t GROUP BY key  (-U/+U per row)
//   BM_UdafMiniBatch/*:  the same with table.exec.mini-batch.size = 5000 (one change per key and
//                        mini-batch)
//   BM_UdafTumble/*:     ... GROUP BY key, TUMBLE(ts, 10 s), a watermark after every batch
//
// where <agg> is weighted_avg(price, weight) (`/weighted_avg`) or AVG(price) (`/avg`). 1000 keys,
// 256 batches of 1024 rows. The built-in runs as a job runs it: AVG over DOUBLE takes the typed
// record and combiner, the native function the boxed accumulators. Each benchmark checks its
// output count; `ns_per_row` is the counter to compare.
#include <benchmark/benchmark.h>

#include <memory>
#include <random>
#include <string>
#include <unordered_set>
#include <vector>

#include "runtime/data/batch.h"
#include "runtime/data/row_kind.h"
#include "runtime/operators/group_aggregate.h"
#include "runtime/operators/operator_factory.h"
#include "runtime/state/in_memory_state_backend.h"

namespace sluice::bench {
namespace {

using runtime::Batch;

constexpr int kRows = 1024;
constexpr int kBatches = 256;
constexpr int kKeys = 1000;
constexpr int64_t kMicrosPerRow = 10;
constexpr int64_t kWindowMicros = 10'000'000;
constexpr int64_t kMiniBatchSize = 5000;

std::vector<DataType> inputTypes() {
  return {DataType::bigInt(), DataType::doubleType(), DataType::integer(), DataType::timestamp(3)};
}

// Row i has ts = i * 10 us; keys, prices and weights from a fixed seed.
const std::vector<std::unique_ptr<Batch>>& sharedInput() {
  static const auto batches = [] {
    std::mt19937_64 random(7);
    std::vector<std::unique_ptr<Batch>> out;
    int64_t row = 0;
    for (int b = 0; b < kBatches; ++b) {
      auto batch = std::make_unique<Batch>(inputTypes(), kRows);
      auto* keys = batch->column(0).values<int64_t>();
      auto* prices = batch->column(1).values<double>();
      auto* weights = batch->column(2).values<int32_t>();
      auto* times = batch->column(3).values<int64_t>();
      for (int i = 0; i < kRows; ++i, ++row) {
        keys[i] = static_cast<int64_t>(random() % kKeys);
        prices[i] = static_cast<double>(random() % 10'000'000) / 100;
        weights[i] = static_cast<int32_t>(1 + random() % 10);
        times[i] = row * kMicrosPerRow;
        batch->rowKinds()[i] = runtime::RowKind::Insert;
      }
      for (int c = 0; c < 4; ++c) batch->column(c).setAllValid(kRows);
      batch->setSize(kRows);
      out.push_back(std::move(batch));
    }
    return out;
  }();
  return batches;
}

struct CountingOutput final : runtime::Output {
  int64_t rows = 0;
  void emit(Batch& batch) override { rows += batch.size(); }
  void emitWatermark(int64_t) override {}
};

enum class Function { WeightedAvg, Avg };

artifact::Node aggregateNode(artifact::NodeKind kind, Function function) {
  artifact::Node node;
  node.id = 2;
  node.kind = kind;
  node.keys = {0};
  artifact::AggregateCall call;
  call.type = DataType::doubleType();
  if (function == Function::WeightedAvg) {
    // Entry 1 of the library: the (DOUBLE, INT) overload.
    call.function = "WEIGHTED_AVG";
    call.arguments = {1, 2};
    call.nativeLibrary = SLUICE_UDX_EXAMPLE_WEIGHTED_AVG;
    call.nativeIdentifier = "com.example.udx.WeightedAvg";
    call.nativeIndex = 1;
  } else {
    call.function = "AVG";
    call.arguments = {1};
  }
  node.aggregates = {call};
  node.schema = {{"key", DataType::bigInt()}, {"result", call.type}};
  if (kind == artifact::NodeKind::WindowAggregate) {
    node.window.kind = artifact::WindowKind::Tumble;
    node.window.timeColumn = 3;
    node.window.sizeMicros = kWindowMicros;
    node.windowProperties = {artifact::WindowProperty::Start, artifact::WindowProperty::End};
    node.schema.push_back({"window_start", DataType::timestamp(3).notNull()});
    node.schema.push_back({"window_end", DataType::timestamp(3).notNull()});
  }
  return node;
}

runtime::OperatorContext contextOf(bool miniBatch) {
  runtime::OperatorContext context;
  context.inputTypes = inputTypes();
  context.batchSize = kRows;
  if (miniBatch) context.miniBatch = {true, 3'600'000'000, kMiniBatchSize};
  return context;
}

void report(benchmark::State& state, int64_t rowsOut, int64_t expectedOut) {
  if (rowsOut != expectedOut * static_cast<int64_t>(state.iterations())) {
    state.SkipWithError(("emitted " + std::to_string(rowsOut) + " rows, expected " +
                         std::to_string(expectedOut) + " per pass").c_str());
  }
  const int64_t rows = state.iterations() * static_cast<int64_t>(kBatches) * kRows;
  state.SetItemsProcessed(rows);
  state.counters["ns_per_row"] = benchmark::Counter(
      static_cast<double>(rows), benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

// The changes a group aggregate emits: +I for a key's first row (or mini-batch), -U/+U after.
// (Counted on keys, not values: an update that leaves the result as it was emits nothing, which
// these prices and weights never do in practice; a mismatch is reported, not hidden.)
int64_t groupRows(int64_t perFlush) {
  int64_t rows = 0;
  int64_t buffered = 0;
  std::unordered_set<int64_t> seen;
  std::unordered_set<int64_t> keys;
  auto close = [&] {
    for (int64_t key : keys) rows += seen.insert(key).second ? 1 : 2;
    keys.clear();
    buffered = 0;
  };
  for (const auto& batch : sharedInput()) {
    for (int i = 0; i < batch->size(); ++i) {
      keys.insert(batch->column(0).values<int64_t>()[i]);
      if (++buffered == perFlush) close();
    }
  }
  close();
  return rows;
}

void BM_UdafGroup(benchmark::State& state, Function function) {
  const artifact::Node node = aggregateNode(artifact::NodeKind::GroupAggregate, function);
  const runtime::OperatorContext context = contextOf(false);
  static const int64_t expected = groupRows(1);
  CountingOutput out;
  for (auto _ : state) {
    runtime::GroupAggregateOperator op(node, context,
                                       std::make_unique<runtime::InMemoryStateBackend>());
    for (const auto& batch : sharedInput()) op.processBatch(*batch, 0, out);
  }
  report(state, out.rows, expected);
}

void BM_UdafMiniBatch(benchmark::State& state, Function function) {
  const artifact::Node node = aggregateNode(artifact::NodeKind::GroupAggregate, function);
  const runtime::OperatorContext context = contextOf(true);
  static const int64_t expected = groupRows(kMiniBatchSize);
  CountingOutput out;
  for (auto _ : state) {
    runtime::GroupAggregateOperator op(node, context,
                                       std::make_unique<runtime::InMemoryStateBackend>());
    for (const auto& batch : sharedInput()) op.processBatch(*batch, 0, out);
    op.finish(out);
  }
  report(state, out.rows, expected);
}

void BM_UdafTumble(benchmark::State& state, Function function) {
  const artifact::Node node = aggregateNode(artifact::NodeKind::WindowAggregate, function);
  const runtime::OperatorContext context = contextOf(false);
  // 262,144 rows over 2.6 s of event time: one window, every key in it.
  constexpr int64_t expected = kKeys;
  CountingOutput out;
  for (auto _ : state) {
    auto op = runtime::makeWindowAggregateOperator(
        node, context, std::make_unique<runtime::InMemoryStateBackend>());
    for (const auto& batch : sharedInput()) {
      op->processBatch(*batch, 0, out);
      op->processWatermark(batch->column(3).values<int64_t>()[batch->size() - 1] - 1'000'000, out);
    }
    op->processWatermark(INT64_MAX, out);
    op->finish(out);
  }
  report(state, out.rows, expected);
}

BENCHMARK_CAPTURE(BM_UdafGroup, weighted_avg, Function::WeightedAvg)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_UdafGroup, avg, Function::Avg)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_UdafMiniBatch, weighted_avg, Function::WeightedAvg)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_UdafMiniBatch, avg, Function::Avg)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_UdafTumble, weighted_avg, Function::WeightedAvg)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_UdafTumble, avg, Function::Avg)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace sluice::bench
