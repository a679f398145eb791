// A regular inner join of a bid stream with an auction stream in Nexmark's proportions (of 100
// events, 92 bids and 6 auctions; the 2 persons are left out), followed by an aggregation:
//
//   SELECT a.category, COUNT(*), SUM(b.price)
//   FROM bid b JOIN auction a ON b.auction = a.id GROUP BY a.category
//
// events per second on one core, beside a hand-written C++ baseline of the same join and
// aggregation in the same run. The operator benchmark chains the runtime's StreamingJoinOperator
// into its GroupAggregateOperator as a pipeline instance does (keyed in-memory state; the join
// keeps both sides, the aggregate emits -U/+U per joined row); the baseline keeps the same two
// sides in hash maps and emits the same rows. Each benchmark checks its output count.
#include <benchmark/benchmark.h>

#include <memory>
#include <random>
#include <unordered_map>
#include <vector>

#include "runtime/data/batch.h"
#include "runtime/data/row_kind.h"
#include "runtime/operators/operator_factory.h"

namespace sluice::bench {
namespace {

using runtime::Batch;

constexpr int kRows = 1024;
constexpr int kEvents = 1'000'000;
constexpr int kCategories = 10;

struct Streams {
  std::vector<std::unique_ptr<Batch>> bids;      // (auction BIGINT, price BIGINT)
  std::vector<std::unique_ptr<Batch>> auctions;  // (id BIGINT, category BIGINT)
  std::vector<int> order;  // which stream each batch comes from, in arrival order: 0 bids
  int64_t bidCount = 0;
};

std::vector<DataType> twoLongs() { return {DataType::bigInt(), DataType::bigInt()}; }

// Auctions get ids 1000, 1001, ... as they arrive; a bid picks one of the last 100 auctions (a
// few hot ones, as Nexmark's generator does), so it always follows its auction.
const Streams& streams() {
  static const Streams generated = [] {
    Streams s;
    std::mt19937_64 random(7);
    int64_t nextAuction = 1000;
    auto fresh = [] {
      auto batch = std::make_unique<Batch>(twoLongs(), kRows);
      return batch;
    };
    std::unique_ptr<Batch> bids = fresh();
    std::unique_ptr<Batch> auctions = fresh();
    auto append = [](Batch& batch, int64_t a, int64_t b) {
      const int at = batch.size();
      batch.column(0).values<int64_t>()[at] = a;
      batch.column(1).values<int64_t>()[at] = b;
      batch.column(0).setNull(at, false);
      batch.column(1).setNull(at, false);
      batch.rowKinds()[at] = runtime::RowKind::Insert;
      batch.setSize(at + 1);
    };
    auto flush = [&](std::unique_ptr<Batch>& batch, int stream) {
      if (batch->size() == 0) return;
      (stream == 0 ? s.bids : s.auctions).push_back(std::move(batch));
      s.order.push_back(stream);
      batch = fresh();
    };
    for (int event = 0; event < kEvents; ++event) {
      const int slot = event % 98;
      if (slot < 6 || nextAuction == 1000) {
        append(*auctions, nextAuction++, static_cast<int64_t>(random() % kCategories));
        if (auctions->full()) flush(auctions, 1);
        continue;
      }
      // Auctions reach the join before the bids that name them.
      if (auctions->size() > 0) flush(auctions, 1);
      const bool hot = random() % 2 == 0;
      const int64_t back = static_cast<int64_t>(random() % (hot ? 3 : 100));
      const int64_t auction = std::max<int64_t>(1000, nextAuction - 1 - back);
      append(*bids, auction, static_cast<int64_t>(100 + random() % 100'000));
      ++s.bidCount;
      if (bids->full()) flush(bids, 0);
    }
    flush(auctions, 1);
    flush(bids, 0);
    return s;
  }();
  return generated;
}

struct CountingOutput final : runtime::Output {
  int64_t rows = 0;
  void emit(Batch& batch) override { rows += batch.size(); }
  void emitWatermark(int64_t) override {}
};

// The join's output goes straight into the aggregate, as operators chain in a pipeline.
struct Chain final : runtime::Output {
  runtime::StreamOperator* next = nullptr;
  runtime::Output* out = nullptr;
  void emit(Batch& batch) override { next->processBatch(batch, 0, *out); }
  void emitWatermark(int64_t) override {}
};

void report(benchmark::State& state, int64_t rowsOut, int64_t expectedOut) {
  if (rowsOut != expectedOut * static_cast<int64_t>(state.iterations())) {
    state.SkipWithError(("emitted " + std::to_string(rowsOut) + " rows, expected " +
                         std::to_string(expectedOut) + " per pass").c_str());
  }
  const int64_t events = state.iterations() * static_cast<int64_t>(kEvents);
  state.SetItemsProcessed(events);
  state.counters["events_per_second"] =
      benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
}

// +I once per category, then -U/+U per joined bid.
int64_t expectedRows() { return 2 * streams().bidCount - kCategories; }

artifact::JobPlan joinPlan() {
  artifact::JobPlan plan;
  for (int id : {1, 2}) {
    artifact::Node input;
    input.id = id;
    input.schema = id == 1 ? std::vector<artifact::Field>{{"auction", DataType::bigInt()},
                                                          {"price", DataType::bigInt()}}
                           : std::vector<artifact::Field>{{"id", DataType::bigInt()},
                                                          {"category", DataType::bigInt()}};
    plan.nodes.push_back(input);
  }
  artifact::Node join;
  join.id = 3;
  join.kind = artifact::NodeKind::Join;
  join.inputs = {1, 2};
  join.keys = {0};
  join.rightKeys = {0};
  join.rightUniqueKey = {0};  // an auction id names one auction
  join.schema = plan.nodes[0].schema;
  join.schema.push_back({"id", DataType::bigInt()});
  join.schema.push_back({"category", DataType::bigInt()});
  plan.nodes.push_back(join);
  artifact::Node aggregate;
  aggregate.id = 4;
  aggregate.kind = artifact::NodeKind::GroupAggregate;
  aggregate.inputs = {3};
  aggregate.keys = {3};
  artifact::AggregateCall count;
  count.function = "COUNT";
  count.type = DataType::bigInt().notNull();
  artifact::AggregateCall sum;
  sum.function = "SUM";
  sum.arguments = {1};
  sum.type = DataType::bigInt();
  aggregate.aggregates = {count, sum};
  aggregate.schema = {{"category", DataType::bigInt()}, {"n", DataType::bigInt().notNull()},
                      {"total", DataType::bigInt()}};
  plan.nodes.push_back(aggregate);
  return plan;
}

void BM_JoinAggregateOperator(benchmark::State& state) {
  const Streams& input = streams();
  const artifact::JobPlan plan = joinPlan();
  CountingOutput out;
  for (auto _ : state) {
    runtime::OperatorContext joinContext;
    joinContext.plan = &plan;
    joinContext.inputTypes = twoLongs();
    joinContext.batchSize = kRows;
    auto join = runtime::createStatefulOperator(plan.nodes[2], joinContext);
    runtime::OperatorContext aggregateContext = joinContext;
    aggregateContext.inputTypes = {DataType::bigInt(), DataType::bigInt(), DataType::bigInt(),
                                   DataType::bigInt()};
    auto aggregate = runtime::createStatefulOperator(plan.nodes[3], aggregateContext);
    Chain chain;
    chain.next = aggregate.get();
    chain.out = &out;
    size_t bid = 0;
    size_t auction = 0;
    for (int stream : input.order) {
      if (stream == 0) {
        join->processBatch(*input.bids[bid++], 0, chain);
      } else {
        join->processBatch(*input.auctions[auction++], 1, chain);
      }
    }
  }
  report(state, out.rows, expectedRows());
}

void BM_JoinAggregateHandWritten(benchmark::State& state) {
  const Streams& input = streams();
  struct Counters {
    int64_t count = 0;
    int64_t sum = 0;
  };
  Batch output({DataType::bigInt(), DataType::bigInt(), DataType::bigInt()}, kRows);
  CountingOutput out;
  for (auto _ : state) {
    std::unordered_map<int64_t, int64_t> categoryOf;              // auction id -> category
    std::unordered_map<int64_t, std::vector<int64_t>> bidsOf;     // auction id -> prices
    std::unordered_map<int64_t, Counters> groups;
    auto write = [&](runtime::RowKind kind, int64_t category, const Counters& c) {
      if (output.full()) {
        out.emit(output);
        output.clear();
      }
      const int at = output.size();
      output.column(0).values<int64_t>()[at] = category;
      output.column(1).values<int64_t>()[at] = c.count;
      output.column(2).values<int64_t>()[at] = c.sum;
      output.rowKinds()[at] = kind;
      output.setSize(at + 1);
    };
    auto joined = [&](int64_t category, int64_t price) {
      auto [it, inserted] = groups.try_emplace(category);
      Counters& c = it->second;
      if (!inserted) write(runtime::RowKind::UpdateBefore, category, c);
      ++c.count;
      c.sum += price;
      write(inserted ? runtime::RowKind::Insert : runtime::RowKind::UpdateAfter, category, c);
    };
    size_t bid = 0;
    size_t auction = 0;
    for (int stream : input.order) {
      const Batch& batch = stream == 0 ? *input.bids[bid++] : *input.auctions[auction++];
      const auto* a = batch.column(0).values<int64_t>();
      const auto* b = batch.column(1).values<int64_t>();
      for (int r = 0; r < batch.size(); ++r) {
        if (stream == 0) {
          bidsOf[a[r]].push_back(b[r]);
          if (auto found = categoryOf.find(a[r]); found != categoryOf.end()) {
            joined(found->second, b[r]);
          }
        } else {
          categoryOf[a[r]] = b[r];
          if (auto found = bidsOf.find(a[r]); found != bidsOf.end()) {
            for (int64_t price : found->second) joined(b[r], price);
          }
        }
      }
    }
    if (output.size() > 0) out.emit(output);
    output.clear();
  }
  report(state, out.rows, expectedRows());
}

BENCHMARK(BM_JoinAggregateOperator)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_JoinAggregateHandWritten)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace sluice::bench
