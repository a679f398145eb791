// The generated update loop of an aggregate buffer must leave exactly the table the C++ loops
// leave: same entries, same accumulator words, over every key and argument width, NULL keys and
// arguments, FILTER, dropped rows and a table that grows many times. Under adaptive mode a
// buffer switches from the C++ loops to native code mid-stream on the same table.
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <string>
#include <vector>

#include "compiler/codegen/llvm_calc_compiler.h"
#include "runtime/data/row_kind.h"
#include "runtime/operators/aggregate_buffer.h"

namespace sluice::runtime {
namespace {

artifact::AggregateCall call(const std::string& function, DataType type, std::vector<int> arguments,
                             int filter = -1) {
  artifact::AggregateCall c;
  c.function = function;
  c.arguments = std::move(arguments);
  c.type = std::move(type);
  c.filterColumn = filter;
  return c;
}

// (k1 INT, k2 DOUBLE, k3 BOOLEAN, k4 SMALLINT, price BIGINT, rate FLOAT, small TINYINT, keep BOOLEAN)
std::vector<DataType> types() {
  return {DataType::integer(), DataType::doubleType(), DataType::boolean(), DataType::smallInt(),
          DataType::bigInt(),  DataType::floatType(),  DataType::tinyInt(), DataType::boolean()};
}

Batch randomBatch(std::mt19937& random, int rows, int keys) {
  Batch batch(types(), rows);
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < 8; ++c) batch.column(c).setNull(r, random() % 12 == 0);
    batch.column(0).values<int32_t>()[r] = static_cast<int32_t>(random() % keys) - keys / 2;
    batch.column(1).values<double>()[r] = static_cast<double>(random() % 3) / 4.0 - 0.25;
    batch.column(2).values<uint8_t>()[r] = random() % 2;
    batch.column(3).values<int16_t>()[r] = static_cast<int16_t>(random() % 3) - 1;
    batch.column(4).values<int64_t>()[r] = static_cast<int64_t>(random() % 100000) - 50000;
    batch.column(5).values<float>()[r] = static_cast<float>(random() % 1000) / 3.0f;
    batch.column(6).values<int8_t>()[r] = static_cast<int8_t>(random() % 200 - 100);
    batch.column(7).values<uint8_t>()[r] = random() % 2;
    batch.rowKinds()[r] = RowKind::Insert;
  }
  batch.setSize(rows);
  return batch;
}

artifact::Node everyCall() {
  artifact::Node node;
  node.keys = {0, 1, 2, 3};
  node.aggregates = {call("COUNT", DataType::bigInt().notNull(), {}),
                     call("COUNT", DataType::bigInt().notNull(), {5}, 7),
                     call("SUM", DataType::bigInt(), {4}),
                     call("SUM", DataType::floatType(), {5}),  // rounds to FLOAT at every step
                     call("SUM0", DataType::doubleType(), {5}),
                     call("AVG", DataType::bigInt(), {6}),
                     call("AVG", DataType::doubleType(), {5}, 7),
                     call("MIN", DataType::bigInt(), {4}),
                     call("MAX", DataType::bigInt(), {6}),
                     call("MIN", DataType::floatType(), {5}),
                     call("MAX", DataType::floatType(), {5}, 7)};
  return node;
}

using Drained = std::map<std::pair<std::string, int64_t>, std::vector<Value>>;

Drained drain(AggregateBuffer& buffer) {
  Drained entries;
  buffer.drain([&](std::string_view key, int64_t sliceEnd, std::vector<Value>& accumulators) {
    entries[{std::string(key), sliceEnd}] = accumulators;
  });
  return entries;
}

// Feeds the same batches to `buffers`; returns the rows fed.
int feed(std::vector<AggregateBuffer*> buffers, int batches, int keys, uint32_t seed) {
  std::mt19937 random(seed);
  int rows = 0;
  for (int b = 0; b < batches; ++b) {
    Batch batch = randomBatch(random, 1 + static_cast<int>(random() % 300), keys);
    std::vector<int64_t> slices;
    std::vector<uint8_t> keep;
    for (int r = 0; r < batch.size(); ++r) {
      slices.push_back(1000 * (1 + static_cast<int64_t>(random() % 3)));
      keep.push_back(random() % 9 != 0);  // late rows are left out
    }
    for (AggregateBuffer* buffer : buffers) {
      buffer->add(batch, slices.data(), b % 5 == 0 ? nullptr : keep.data());
    }
    rows += batch.size();
  }
  return rows;
}

TEST(AggregateUpdateCodegenTest, NativeLoopLeavesTheTableTheCppLoopsLeave) {
  codegen::LlvmCalcCompiler compiler(codegen::CodegenOptions{});
  const artifact::Node node = everyCall();
  ASSERT_TRUE(AggregateBuffer::supports(node, types()));
  AggregateBuffer interpreted(node, types());
  AggregateBuffer native(node, types(), NativeCodeOptions{&compiler, JitMode::Compiled});
  ASSERT_TRUE(native.native()) << "the code generator declined the layout";
  EXPECT_FALSE(interpreted.native());

  // 4000 distinct first keys times the others: the table grows from 1024 slots many times.
  feed({&interpreted, &native}, 200, 4000, 11);
  EXPECT_EQ(native.size(), interpreted.size());
  EXPECT_EQ(native.minSliceEnd(), interpreted.minSliceEnd());
  const Drained want = drain(interpreted);
  const Drained got = drain(native);
  ASSERT_GT(want.size(), 5000u);
  EXPECT_EQ(got, want);
  EXPECT_TRUE(native.empty());

  // A drained buffer starts over.
  AggregateBuffer again(node, types());
  feed({&again, &native}, 10, 50, 12);
  EXPECT_EQ(drain(native), drain(again));
}

TEST(AggregateUpdateCodegenTest, BuffersOfOneLayoutShareTheirCode) {
  codegen::LlvmCalcCompiler compiler(codegen::CodegenOptions{});
  std::string reason;
  AggregateBuffer first(everyCall(), types(), NativeCodeOptions{&compiler, JitMode::Compiled});
  const auto code = compiler.compileAggregateUpdate(first.layout(), reason);
  ASSERT_NE(code, nullptr) << reason;
  EXPECT_EQ(compiler.compileAggregateUpdate(first.layout(), reason), code);
  EXPECT_NE(code->optimizedIr.find("sluice_aggregate_update_"), std::string::npos);
}

TEST(AggregateUpdateCodegenTest, AdaptiveBufferSwitchesOnTheSameTable) {
  codegen::LlvmCalcCompiler compiler(codegen::CodegenOptions{});
  artifact::Node node;
  node.keys = {3};
  node.aggregates = {call("COUNT", DataType::bigInt().notNull(), {}),
                     call("SUM", DataType::bigInt(), {4})};
  AggregateBuffer interpreted(node, types());
  AggregateBuffer adaptive(node, types(), NativeCodeOptions{&compiler, JitMode::Adaptive});
  // Whenever the code arrives, the rows before it and after it end up in one table.
  for (uint32_t seed = 0; seed < 50; ++seed) feed({&interpreted, &adaptive}, 20, 10, seed);
  EXPECT_EQ(drain(adaptive), drain(interpreted));
}

}  // namespace
}  // namespace sluice::runtime
