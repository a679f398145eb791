// The accumulators GroupAggregate keeps per group, and the codec that stores them in keyed
// state: what an aggregate over insert-only and updating input must return.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "runtime/operators/aggregate_functions.h"
#include "runtime/state/keyed_state.h"
#include "runtime/state/value_codec.h"

namespace sluice::runtime {
namespace {

artifact::AggregateCall call(const std::string& function, DataType type, bool distinct = false,
                             std::vector<int> arguments = {0}) {
  artifact::AggregateCall c;
  c.function = function;
  c.arguments = std::move(arguments);
  c.distinct = distinct;
  c.type = std::move(type);
  return c;
}

// Feeds +1 (accumulate) / -1 (retract) steps and returns the result.
Value run(const AggregateFunction& f, const std::vector<std::pair<int, Value>>& steps) {
  Value acc = f.create();
  for (const auto& [sign, value] : steps) {
    if (sign > 0) {
      f.accumulate(acc, value);
    } else {
      f.retract(acc, value);
    }
  }
  return f.result(acc);
}

Value i(int64_t v) { return Value::ofInteger(v); }

TEST(AggregateFunctions, CountSkipsNullsButCountStarDoesNot) {
  auto count = makeAggregateFunction(call("COUNT", DataType::bigInt()), DataType::bigInt(), false);
  auto countStar =
      makeAggregateFunction(call("COUNT", DataType::bigInt(), false, {}), DataType::bigInt(), false);
  const std::vector<std::pair<int, Value>> rows = {{1, i(1)}, {1, Value::null()}, {1, i(3)}};
  EXPECT_EQ(run(*count, rows).integer, 2);
  EXPECT_EQ(run(*countStar, rows).integer, 3);
}

TEST(AggregateFunctions, SumOfNoValuesIsNullAndRetractsBackToNull) {
  auto sum = makeAggregateFunction(call("SUM", DataType::bigInt()), DataType::bigInt(), true);
  EXPECT_TRUE(run(*sum, {}).isNull);
  EXPECT_TRUE(run(*sum, {{1, i(5)}, {-1, i(5)}}).isNull);
  EXPECT_EQ(run(*sum, {{1, i(5)}, {1, i(7)}, {-1, i(5)}}).integer, 7);
}

TEST(AggregateFunctions, BigintSumWrapsLikeJava) {
  auto sum = makeAggregateFunction(call("SUM", DataType::bigInt()), DataType::bigInt(), false);
  const int64_t max = std::numeric_limits<int64_t>::max();
  EXPECT_EQ(run(*sum, {{1, i(max)}, {1, i(1)}}).integer, std::numeric_limits<int64_t>::min());
}

TEST(AggregateFunctions, IntegerAvgTruncatesTowardZero) {
  auto avg = makeAggregateFunction(call("AVG", DataType::bigInt()), DataType::bigInt(), false);
  EXPECT_EQ(run(*avg, {{1, i(-7)}, {1, i(0)}}).integer, -3);
  EXPECT_EQ(run(*avg, {{1, i(7)}, {1, i(0)}}).integer, 3);
}

TEST(AggregateFunctions, DecimalAvgRoundsHalfUpToTheResultScale) {
  // AVG(DECIMAL(10, 2)) -> DECIMAL(38, 6): (1.00 + 2.00 + 2.00) / 3 = 1.666667
  auto avg = makeAggregateFunction(call("AVG", DataType::decimal(38, 6)), DataType::decimal(10, 2),
                                   false);
  const Value result = run(*avg, {{1, i(100)}, {1, i(200)}, {1, i(200)}});
  EXPECT_EQ(static_cast<int64_t>(result.wide), 1666667);
}

TEST(AggregateFunctions, MinOverUpdatesFallsBackToTheNextValue) {
  auto min = makeAggregateFunction(call("MIN", DataType::bigInt()), DataType::bigInt(), true);
  EXPECT_EQ(run(*min, {{1, i(5)}, {1, i(3)}, {1, i(3)}, {-1, i(3)}}).integer, 3);
  EXPECT_EQ(run(*min, {{1, i(5)}, {1, i(3)}, {-1, i(3)}}).integer, 5);
  EXPECT_TRUE(run(*min, {{1, i(5)}, {-1, i(5)}}).isNull);
}

TEST(AggregateFunctions, MaxOfStringsComparesBytes) {
  auto max = makeAggregateFunction(call("MAX", DataType::string()), DataType::string(), false);
  EXPECT_EQ(run(*max, {{1, Value::ofBytes("apple")}, {1, Value::ofBytes("b")},
                       {1, Value::ofBytes("Zebra")}})
                .bytes,
            "b");
}

TEST(AggregateFunctions, CountDistinctCountsValuesOnceAndForgetsRetractedOnes) {
  auto distinct =
      makeAggregateFunction(call("COUNT", DataType::bigInt(), true), DataType::bigInt(), true);
  EXPECT_EQ(run(*distinct, {{1, i(1)}, {1, i(1)}, {1, i(2)}}).integer, 2);
  EXPECT_EQ(run(*distinct, {{1, i(1)}, {1, i(1)}, {-1, i(1)}}).integer, 1);
  EXPECT_EQ(run(*distinct, {{1, i(1)}, {-1, i(1)}}).integer, 0);
  // A retraction of a value never seen changes nothing.
  EXPECT_EQ(run(*distinct, {{1, i(1)}, {-1, i(9)}}).integer, 1);
}

TEST(AggregateFunctions, FirstValueOverUpdatesIsRefused) {
  EXPECT_THROW(
      makeAggregateFunction(call("FIRST_VALUE", DataType::bigInt()), DataType::bigInt(), true),
      std::invalid_argument);
}

TEST(ValueCodec, RoundTripsEveryField) {
  Value nested = Value::ofChildren({Value::ofInteger(-5), Value::null(), Value::ofReal(-0.0),
                                    Value::ofReal(std::nan("")), Value::ofBytes("héllo"),
                                    Value::ofWide(static_cast<int128_t>(1) << 100),
                                    Value::ofChildren({Value::ofBytes("")})});
  std::string bytes;
  encodeValue(nested, bytes);
  std::string_view in = bytes;
  const Value back = decodeValue(in);
  EXPECT_TRUE(in.empty());
  ASSERT_EQ(back.children.size(), nested.children.size());
  EXPECT_EQ(back.children[0].integer, -5);
  EXPECT_TRUE(back.children[1].isNull);
  EXPECT_TRUE(std::signbit(back.children[2].real));
  EXPECT_TRUE(std::isnan(back.children[3].real));
  EXPECT_EQ(back.children[4].bytes, "héllo");
  EXPECT_EQ(back.children[5].wide, static_cast<int128_t>(1) << 100);
  EXPECT_EQ(back.children[6].children.size(), 1u);
}

TEST(ValueCodec, TruncatedBytesThrowInsteadOfReadingPastTheEnd) {
  std::string bytes;
  encodeValue(Value::ofChildren({Value::ofBytes("a long enough string"), Value::ofInteger(7)}),
              bytes);
  for (size_t length = 0; length < bytes.size(); ++length) {
    std::string_view in(bytes.data(), length);
    EXPECT_THROW(decodeValue(in), StateError) << "length " << length;
  }
}

}  // namespace
}  // namespace sluice::runtime
