// Aggregation over in-memory batches of (key BIGINT, price BIGINT, ts TIMESTAMP(3)), events per
// second on one core, beside a hand-written C++ baseline of the same aggregation in the same run:
//
//   BM_TumbleCount*:  SELECT key, window_start, window_end, COUNT(*), SUM(price)
//                     FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '10' SECOND))
//                     GROUP BY key, window_start, window_end
//   BM_GroupCount*:   SELECT key, COUNT(*), SUM(price) FROM t GROUP BY key  (-U/+U per row;
//                     per key and mini-batch of 5000 rows with BM_GroupCountMiniBatch)
//
// 1000 keys, 100 rows per millisecond of event time (a 10 s window holds a million rows), a
// watermark after every batch of 1024 rows. The operator benchmarks run the runtime's operators
// as a pipeline runs them (keyed state, timers, emission); the baselines keep a hash map from key
// (and window) to two counters and emit the same rows. Each benchmark checks its output count.
#include <benchmark/benchmark.h>

#include <map>
#include <memory>
#include <random>
#include <unordered_map>
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
constexpr int kKeys = 1000;
constexpr int64_t kMicrosPerRow = 10;  // 100 rows per millisecond
constexpr int64_t kWindowMicros = 10'000'000;

std::vector<DataType> inputTypes() {
  return {DataType::bigInt(), DataType::bigInt(), DataType::timestamp(3)};
}

// `count` batches; row i has ts = i * 10 us.
std::vector<std::unique_ptr<Batch>> input(int count) {
  std::mt19937_64 random(42);
  std::vector<std::unique_ptr<Batch>> batches;
  int64_t row = 0;
  for (int b = 0; b < count; ++b) {
    auto batch = std::make_unique<Batch>(inputTypes(), kRows);
    auto* keys = batch->column(0).values<int64_t>();
    auto* prices = batch->column(1).values<int64_t>();
    auto* times = batch->column(2).values<int64_t>();
    for (int i = 0; i < kRows; ++i, ++row) {
      keys[i] = static_cast<int64_t>(random() % kKeys);
      prices[i] = static_cast<int64_t>(random() % 100'000);
      times[i] = row * kMicrosPerRow;
      batch->rowKinds()[i] = runtime::RowKind::Insert;
    }
    for (int c = 0; c < 3; ++c) batch->column(c).setAllValid(kRows);
    batch->setSize(kRows);
    batches.push_back(std::move(batch));
  }
  return batches;
}

// 4096 batches: 4.2 M rows, 41.9 s of event time.
const std::vector<std::unique_ptr<Batch>>& sharedInput() {
  static const auto batches = input(4096);
  return batches;
}

struct CountingOutput final : runtime::Output {
  int64_t rows = 0;
  void emit(Batch& batch) override { rows += batch.size(); }
  void emitWatermark(int64_t) override {}
};

int64_t watermarkAfter(const Batch& batch) {
  return batch.column(2).values<int64_t>()[batch.size() - 1] - 1'000'000;
}

artifact::Node aggregateNode(artifact::NodeKind kind) {
  artifact::Node node;
  node.id = 2;
  node.kind = kind;
  node.keys = {0};
  artifact::AggregateCall count;
  count.function = "COUNT";
  count.type = DataType::bigInt().notNull();
  artifact::AggregateCall sum;
  sum.function = "SUM";
  sum.arguments = {1};
  sum.type = DataType::bigInt();
  node.aggregates = {count, sum};
  node.schema = {{"key", DataType::bigInt()}, {"cnt", DataType::bigInt().notNull()},
                 {"total", DataType::bigInt()}};
  if (kind == artifact::NodeKind::WindowAggregate) {
    node.window.kind = artifact::WindowKind::Tumble;
    node.window.timeColumn = 2;
    node.window.sizeMicros = kWindowMicros;
    node.windowProperties = {artifact::WindowProperty::Start, artifact::WindowProperty::End};
    node.schema.push_back({"window_start", DataType::timestamp(3).notNull()});
    node.schema.push_back({"window_end", DataType::timestamp(3).notNull()});
  }
  return node;
}

void report(benchmark::State& state, int64_t rowsOut, int64_t expectedOut) {
  if (rowsOut != expectedOut * static_cast<int64_t>(state.iterations())) {
    state.SkipWithError(("emitted " + std::to_string(rowsOut) + " rows, expected " +
                         std::to_string(expectedOut) + " per pass").c_str());
  }
  const int64_t rows = state.iterations() * static_cast<int64_t>(sharedInput().size()) * kRows;
  state.SetItemsProcessed(rows);
  state.counters["events_per_second"] =
      benchmark::Counter(static_cast<double>(rows), benchmark::Counter::kIsRate);
}

// 5 windows (41.9 s of event time) x 1000 keys: every key has rows in every window.
constexpr int64_t kWindowRows = 5 * kKeys;

void BM_TumbleCountOperator(benchmark::State& state) {
  const artifact::Node node = aggregateNode(artifact::NodeKind::WindowAggregate);
  runtime::OperatorContext context;
  context.inputTypes = inputTypes();
  CountingOutput out;
  for (auto _ : state) {
    auto op = runtime::makeWindowAggregateOperator(
        node, context, std::make_unique<runtime::InMemoryStateBackend>());
    for (const auto& batch : sharedInput()) {
      op->processBatch(*batch, 0, out);
      op->processWatermark(watermarkAfter(*batch), out);
    }
    op->processWatermark(INT64_MAX, out);
    op->finish(out);
  }
  report(state, out.rows, kWindowRows);
}

void BM_TumbleCountHandWritten(benchmark::State& state) {
  struct Counters {
    int64_t count = 0;
    int64_t sum = 0;
  };
  Batch output({DataType::bigInt(), DataType::bigInt(), DataType::bigInt(), DataType::timestamp(3),
                DataType::timestamp(3)},
               kRows);
  CountingOutput out;
  for (auto _ : state) {
    // Per window end, per key: the counters; windows fire in end order at the watermark.
    std::map<int64_t, std::unordered_map<int64_t, Counters>> windows;
    auto fire = [&](int64_t watermark) {
      while (!windows.empty() && windows.begin()->first - 1000 <= watermark) {
        const int64_t end = windows.begin()->first;
        for (const auto& [key, c] : windows.begin()->second) {
          if (output.full()) {
            out.emit(output);
            output.clear();
          }
          const int at = output.size();
          output.column(0).values<int64_t>()[at] = key;
          output.column(1).values<int64_t>()[at] = c.count;
          output.column(2).values<int64_t>()[at] = c.sum;
          output.column(3).values<int64_t>()[at] = end - kWindowMicros;
          output.column(4).values<int64_t>()[at] = end;
          output.setSize(at + 1);
        }
        windows.erase(windows.begin());
      }
      if (output.size() > 0) out.emit(output);
      output.clear();
    };
    for (const auto& batch : sharedInput()) {
      const auto* keys = batch->column(0).values<int64_t>();
      const auto* prices = batch->column(1).values<int64_t>();
      const auto* times = batch->column(2).values<int64_t>();
      for (int i = 0; i < batch->size(); ++i) {
        const int64_t end = times[i] - times[i] % kWindowMicros + kWindowMicros;
        Counters& c = windows[end][keys[i]];
        ++c.count;
        c.sum += prices[i];
      }
      fire(watermarkAfter(*batch));
    }
    fire(INT64_MAX);
  }
  report(state, out.rows, kWindowRows);
}

// Every row updates its key's result: +I once per key, then -U/+U.
constexpr int64_t kGroupRows = 2 * 4096 * kRows - kKeys;

void BM_GroupCountOperator(benchmark::State& state) {
  const artifact::Node node = aggregateNode(artifact::NodeKind::GroupAggregate);
  CountingOutput out;
  for (auto _ : state) {
    runtime::OperatorContext context;
    context.inputTypes = inputTypes();
    context.batchSize = kRows;
    runtime::GroupAggregateOperator op(node, context,
                                       std::make_unique<runtime::InMemoryStateBackend>());
    for (const auto& batch : sharedInput()) op.processBatch(*batch, 0, out);
  }
  report(state, out.rows, kGroupRows);
}

// table.exec.mini-batch.size = 5000 (allow-latency never reached): one change per key and
// mini-batch, +I for a key's first, -U/+U after.
constexpr int64_t kMiniBatchSize = 5000;

int64_t miniBatchRows() {
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
      if (++buffered == kMiniBatchSize) close();
    }
  }
  close();
  return rows;
}

void BM_GroupCountMiniBatch(benchmark::State& state) {
  const artifact::Node node = aggregateNode(artifact::NodeKind::GroupAggregate);
  runtime::OperatorContext context;
  context.inputTypes = inputTypes();
  context.batchSize = kRows;
  context.miniBatch = {true, 3'600'000'000, kMiniBatchSize};
  CountingOutput out;
  for (auto _ : state) {
    runtime::GroupAggregateOperator op(node, context,
                                       std::make_unique<runtime::InMemoryStateBackend>());
    for (const auto& batch : sharedInput()) op.processBatch(*batch, 0, out);
    op.finish(out);
  }
  report(state, out.rows, miniBatchRows());
}

void BM_GroupCountHandWritten(benchmark::State& state) {
  struct Counters {
    int64_t count = 0;
    int64_t sum = 0;
  };
  Batch output({DataType::bigInt(), DataType::bigInt(), DataType::bigInt()}, kRows);
  CountingOutput out;
  for (auto _ : state) {
    std::unordered_map<int64_t, Counters> groups;
    auto write = [&](runtime::RowKind kind, int64_t key, const Counters& c) {
      if (output.full()) {
        out.emit(output);
        output.clear();
      }
      const int at = output.size();
      output.column(0).values<int64_t>()[at] = key;
      output.column(1).values<int64_t>()[at] = c.count;
      output.column(2).values<int64_t>()[at] = c.sum;
      output.rowKinds()[at] = kind;
      output.setSize(at + 1);
    };
    for (const auto& batch : sharedInput()) {
      const auto* keys = batch->column(0).values<int64_t>();
      const auto* prices = batch->column(1).values<int64_t>();
      for (int i = 0; i < batch->size(); ++i) {
        auto [it, inserted] = groups.try_emplace(keys[i]);
        Counters& c = it->second;
        if (!inserted) write(runtime::RowKind::UpdateBefore, keys[i], c);
        ++c.count;
        c.sum += prices[i];
        write(inserted ? runtime::RowKind::Insert : runtime::RowKind::UpdateAfter, keys[i], c);
      }
    }
    if (output.size() > 0) out.emit(output);
    output.clear();
  }
  report(state, out.rows, kGroupRows);
}

BENCHMARK(BM_TumbleCountOperator)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TumbleCountHandWritten)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_GroupCountOperator)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_GroupCountMiniBatch)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_GroupCountHandWritten)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace sluice::bench
