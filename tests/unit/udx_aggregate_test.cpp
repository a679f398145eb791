// Native aggregate functions in the aggregate operators (runtime/udx/udx_aggregate.h): the rows
// of a key cost one deserialize and one serialize of the library accumulator between reading
// the key's state and writing it back, not one per row, and `open` sees the job's configuration.
// The function is com.example.ScaledSum of the C test library (tests/udx/test_functions.c), which
// counts its conversions.
#include <dlfcn.h>
#include <gtest/gtest.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "runtime/data/batch.h"
#include "runtime/data/row_kind.h"
#include "runtime/operators/aggregate_functions.h"
#include "runtime/operators/group_aggregate.h"
#include "runtime/operators/operator_factory.h"
#include "runtime/state/in_memory_state_backend.h"

namespace sluice::runtime {
namespace {

constexpr int kScaledSumIndex = 10;  // its entry in the library's function table

struct Conversions {
  int64_t serialized = 0;
  int64_t deserialized = 0;
};

Conversions conversions() {
  // The library the operators loaded (UdxLibrary keeps it loaded): dlopen finds the same one.
  void* library = dlopen(SLUICE_TEST_UDX_LIBRARY, RTLD_NOW);
  EXPECT_NE(library, nullptr);
  using Read = void (*)(int64_t*, int64_t*);
  auto read = reinterpret_cast<Read>(dlsym(library, "sluice_test_udx_scaled_sum_conversions"));
  EXPECT_NE(read, nullptr);
  Conversions counted;
  if (read != nullptr) read(&counted.serialized, &counted.deserialized);
  dlclose(library);
  return counted;
}

Conversions operator-(const Conversions& a, const Conversions& b) {
  return {a.serialized - b.serialized, a.deserialized - b.deserialized};
}

std::vector<DataType> inputTypes() {
  return {DataType::bigInt(), DataType::bigInt(), DataType::timestamp(3)};
}

// SELECT key, scaled_sum(price) ... GROUP BY key (or key and a 10 s TUMBLE window).
artifact::Node scaledSumNode(artifact::NodeKind kind) {
  artifact::Node node;
  node.id = 2;
  node.kind = kind;
  node.keys = {0};
  artifact::AggregateCall call;
  call.function = "SCALED_SUM";
  call.arguments = {1};
  call.type = DataType::bigInt();
  call.nativeLibrary = SLUICE_TEST_UDX_LIBRARY;
  call.nativeIdentifier = "com.example.ScaledSum";
  call.nativeIndex = kScaledSumIndex;
  node.aggregates = {call};
  node.schema = {{"key", DataType::bigInt()}, {"total", DataType::bigInt()}};
  if (kind == artifact::NodeKind::WindowAggregate) {
    node.window.kind = artifact::WindowKind::Tumble;
    node.window.timeColumn = 2;
    node.window.sizeMicros = 10'000'000;
    node.windowProperties = {artifact::WindowProperty::End};
    node.schema.push_back({"window_end", DataType::timestamp(3).notNull()});
  }
  return node;
}

// `rows` rows of key 7, prices 1, 2, ..., at 1 ms apart from `first`.
Batch rowsOfOneKey(int rows, int64_t first) {
  Batch batch(inputTypes(), rows);
  for (int i = 0; i < rows; ++i) {
    batch.column(0).values<int64_t>()[i] = 7;
    batch.column(1).values<int64_t>()[i] = first + i;
    batch.column(2).values<int64_t>()[i] = (first + i) * 1000;
    batch.rowKinds()[i] = RowKind::Insert;
  }
  for (int c = 0; c < 3; ++c) batch.column(c).setAllValid(rows);
  batch.setSize(rows);
  return batch;
}

// The last row emitted, its kind and result column.
struct LastRow final : Output {
  int64_t rows = 0;
  RowKind kind = RowKind::Insert;
  int64_t total = 0;
  void emit(Batch& batch) override {
    rows += batch.size();
    const int last = batch.size() - 1;
    kind = batch.rowKinds()[last];
    total = batch.column(1).values<int64_t>()[last];
  }
  void emitWatermark(int64_t) override {}
};

OperatorContext contextOf(const artifact::JobPlan& plan, bool miniBatch) {
  OperatorContext context;
  context.plan = &plan;
  context.inputTypes = inputTypes();
  if (miniBatch) context.miniBatch = {true, 3'600'000'000, 1'000'000};
  return context;
}

TEST(UdxAggregate, MiniBatchConvertsOncePerKeyAndFlush) {
  artifact::JobPlan plan;
  const artifact::Node node = scaledSumNode(artifact::NodeKind::GroupAggregate);
  GroupAggregateOperator op(node, contextOf(plan, true), std::make_unique<InMemoryStateBackend>());
  LastRow out;
  const Conversions before = conversions();
  Batch first = rowsOfOneKey(100, 1);
  op.processBatch(first, 0, out);
  op.processWatermark(0, out);  // flushes the mini-batch
  Batch second = rowsOfOneKey(100, 101);
  op.processBatch(second, 0, out);
  op.finish(out);
  const Conversions spent = conversions() - before;
  EXPECT_EQ(out.rows, 3);  // +I, then -U/+U
  EXPECT_EQ(out.kind, RowKind::UpdateAfter);
  EXPECT_EQ(out.total, 200 * 201 / 2);
  // Per flush: the stored accumulator read once (the first flush made a fresh one instead),
  // written back once; create() serializes the fresh one too.
  EXPECT_EQ(spent.deserialized, 2);
  EXPECT_EQ(spent.serialized, 3);
}

TEST(UdxAggregate, GroupAggregateConvertsOncePerRow) {
  artifact::JobPlan plan;
  const artifact::Node node = scaledSumNode(artifact::NodeKind::GroupAggregate);
  GroupAggregateOperator op(node, contextOf(plan, false), std::make_unique<InMemoryStateBackend>());
  LastRow out;
  const Conversions before = conversions();
  Batch batch = rowsOfOneKey(100, 1);
  op.processBatch(batch, 0, out);
  const Conversions spent = conversions() - before;
  EXPECT_EQ(out.total, 100 * 101 / 2);
  // Every row writes state (and emits), so it pays one of each, results included.
  EXPECT_EQ(spent.deserialized, 100);
  EXPECT_EQ(spent.serialized, 101);
}

TEST(UdxAggregate, WindowKeepsItsPartialLiveUntilItReachesState) {
  artifact::JobPlan plan;
  const artifact::Node node = scaledSumNode(artifact::NodeKind::WindowAggregate);
  auto op = makeWindowAggregateOperator(node, contextOf(plan, false),
                                        std::make_unique<InMemoryStateBackend>());
  LastRow out;
  const Conversions before = conversions();
  Batch first = rowsOfOneKey(100, 1);
  op->processBatch(first, 0, out);
  Batch second = rowsOfOneKey(100, 101);
  op->processBatch(second, 0, out);
  op->processWatermark(INT64_MAX, out);
  op->finish(out);
  const Conversions spent = conversions() - before;
  EXPECT_EQ(out.rows, 1);
  EXPECT_EQ(out.total, 200 * 201 / 2);
  // The buffered partial: created, made live once, and serialized once into state; the window
  // reads it back once to fire.
  EXPECT_EQ(spent.deserialized, 2);
  EXPECT_EQ(spent.serialized, 2);
}

// The contract of AggregateFunction::unpack / pack, on the function alone.
TEST(UdxAggregate, WorkingAndStateFormsGiveTheSameResults) {
  const artifact::Node node = scaledSumNode(artifact::NodeKind::GroupAggregate);
  auto function = makeAggregateFunction(node.aggregates[0], DataType::bigInt(), true);
  Value acc = function->create();
  function->accumulate(acc, Value::ofInteger(5));
  function->accumulate(acc, Value::ofInteger(7));
  function->retract(acc, Value::ofInteger(5));
  EXPECT_EQ(function->result(acc).integer, 7);  // read from the live accumulator
  const Value working = acc;                     // (a copy only to show what packing frees)
  function->pack(acc);
  EXPECT_EQ(acc.bytes.size(), sizeof(int64_t));  // the library's serialized form
  EXPECT_EQ(function->result(acc).integer, 7);
  function->pack(acc);  // packing a state form changes nothing
  EXPECT_EQ(function->result(acc).integer, 7);
  // Its live accumulator is gone: using the copy is an operator's mistake, reported while its
  // slot is free (never a freed pointer called).
  EXPECT_THROW(function->result(working), std::logic_error);

  Value other = function->create();
  function->accumulate(other, Value::ofInteger(30));
  function->merge(acc, other);  // a live `other` merges as a packed one would
  function->pack(other);
  function->unpack(acc);
  EXPECT_EQ(function->result(acc).integer, 37);
  function->pack(acc);
  EXPECT_EQ(function->result(acc).integer, 37);
}

TEST(UdxAggregate, OpenReadsTheJobConfiguration) {
  artifact::JobPlan plan;
  plan.configuration["test.udx.scale"] = "3";
  const artifact::Node node = scaledSumNode(artifact::NodeKind::GroupAggregate);
  GroupAggregateOperator op(node, contextOf(plan, true), std::make_unique<InMemoryStateBackend>());
  LastRow out;
  Batch batch = rowsOfOneKey(4, 1);
  op.processBatch(batch, 0, out);
  op.finish(out);
  EXPECT_EQ(out.total, (1 + 2 + 3 + 4) * 3);
}

}  // namespace
}  // namespace sluice::runtime
