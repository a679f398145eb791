// The typed window buffer must leave the same accumulators as the boxed functions fed the same
// rows one by one: it replaces them on the hot path, and its partials merge with stored ones.
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <string>
#include <vector>

#include "runtime/data/row_kind.h"
#include "runtime/operators/aggregate_buffer.h"
#include "runtime/operators/aggregate_functions.h"
#include "runtime/operators/window_accumulators.h"

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

// (key INT, price BIGINT, rate DOUBLE, keep BOOLEAN) with NULLs in every column.
std::vector<DataType> types() {
  return {DataType::integer(), DataType::bigInt(), DataType::doubleType(), DataType::boolean()};
}

Batch randomBatch(std::mt19937& random, int rows) {
  Batch batch(types(), rows);
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < 4; ++c) batch.column(c).setNull(r, random() % 10 == 0);
    batch.column(0).values<int32_t>()[r] = static_cast<int32_t>(random() % 7) - 3;
    batch.column(1).values<int64_t>()[r] = static_cast<int64_t>(random() % 1000) - 500;
    batch.column(2).values<double>()[r] = static_cast<double>(random() % 1000) / 7.0;
    batch.column(3).values<uint8_t>()[r] = random() % 2;
    batch.rowKinds()[r] = RowKind::Insert;
  }
  batch.setSize(rows);
  return batch;
}

TEST(AggregateBufferTest, MatchesTheBoxedFunctions) {
  artifact::Node node;
  node.keys = {0};
  node.aggregates = {call("COUNT", DataType::bigInt().notNull(), {}),
                     call("COUNT", DataType::bigInt().notNull(), {2}),
                     call("SUM", DataType::bigInt(), {1}),
                     call("SUM0", DataType::doubleType(), {2}),
                     call("AVG", DataType::bigInt(), {1}),
                     call("AVG", DataType::doubleType(), {2}),
                     call("MIN", DataType::bigInt(), {1}),
                     call("MAX", DataType::doubleType(), {2}, 3)};
  ASSERT_TRUE(AggregateBuffer::supports(node, types()));
  AggregateBuffer buffer(node, types());
  WindowAccumulators boxed(node, types(), false);

  std::mt19937 random(7);
  std::map<std::pair<std::string, int64_t>, std::vector<Value>> expected;
  for (int b = 0; b < 20; ++b) {
    Batch batch = randomBatch(random, 64);
    std::vector<int64_t> slices;
    std::vector<uint8_t> keep;
    for (int r = 0; r < batch.size(); ++r) {
      slices.push_back(10 * (1 + static_cast<int64_t>(random() % 3)));
      keep.push_back(random() % 8 != 0);  // late rows are left out
    }
    buffer.add(batch, slices.data(), keep.data());
    std::string key;
    for (int r = 0; r < batch.size(); ++r) {
      if (!keep[static_cast<size_t>(r)]) continue;
      encodeGroupKey(batch, r, node.keys, key);
      auto [it, inserted] = expected.try_emplace({key, slices[static_cast<size_t>(r)]});
      if (inserted) it->second = boxed.create();
      boxed.accumulate(it->second, batch, r);
    }
  }
  size_t drained = 0;
  buffer.drain([&](std::string_view key, int64_t sliceEnd, std::vector<Value>& partial) {
    ++drained;
    auto it = expected.find({std::string(key), sliceEnd});
    ASSERT_NE(it, expected.end()) << "an entry the rows never made";
    std::vector<Value> want;
    std::vector<Value> got;
    boxed.results(it->second, want);
    boxed.results(partial, got);
    EXPECT_EQ(got, want) << "slice " << sliceEnd;
    // A partial merges into a stored accumulator as a boxed one would.
    std::vector<Value> merged = boxed.create();
    boxed.merge(merged, partial);
    boxed.results(merged, got);
    EXPECT_EQ(got, want);
  });
  EXPECT_EQ(drained, expected.size());
  EXPECT_TRUE(buffer.empty());
}

TEST(AggregateBufferTest, RefusesWhatItCannotType) {
  artifact::Node node;
  node.keys = {0};
  node.aggregates = {call("COUNT", DataType::bigInt().notNull(), {})};
  EXPECT_TRUE(AggregateBuffer::supports(node, types()));
  node.aggregates[0].distinct = true;
  EXPECT_FALSE(AggregateBuffer::supports(node, types()));
  node.aggregates = {call("LISTAGG", DataType::string(), {0})};
  EXPECT_FALSE(AggregateBuffer::supports(node, types()));
  node.aggregates = {call("SUM", DataType::decimal(38, 2), {1})};
  EXPECT_FALSE(AggregateBuffer::supports(node, types()));
  node.aggregates = {call("COUNT", DataType::bigInt().notNull(), {})};
  node.inputUpdates = true;  // retractions need the boxed functions
  EXPECT_FALSE(AggregateBuffer::supports(node, types()));
}

}  // namespace
}  // namespace sluice::runtime
