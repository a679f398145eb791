// The accumulators GroupAggregate keeps per group, and the codec that stores them in keyed
// state: what an aggregate over insert-only and updating input must return.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <optional>
#include <string>

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

Value s(const char* v) { return Value::ofBytes(v); }

std::unique_ptr<AggregateFunction> listAgg(std::optional<std::string> separator, bool retracts) {
  artifact::AggregateCall c = call("LISTAGG", DataType::string());
  c.separator = std::move(separator);
  return makeAggregateFunction(c, DataType::string(), retracts);
}

TEST(AggregateFunctions, ListAggJoinsValuesInArrivalOrderAndSkipsNulls) {
  auto comma = listAgg(std::nullopt, false);
  EXPECT_EQ(run(*comma, {{1, s("b")}, {1, Value::null()}, {1, s("a")}, {1, s("b")}}).bytes,
            "b,a,b");
  EXPECT_TRUE(run(*comma, {{1, Value::null()}}).isNull);
  auto custom = listAgg("; ", false);
  EXPECT_EQ(run(*custom, {{1, s("x")}, {1, s("")}, {1, s("y")}}).bytes, "x; ; y");
}

TEST(AggregateFunctions, ListAggRetractionRemovesTheFirstOccurrence) {
  auto list = listAgg("-", true);
  EXPECT_EQ(run(*list, {{1, s("x")}, {1, s("y")}, {1, s("x")}, {-1, s("x")}}).bytes, "y-x");
  EXPECT_TRUE(run(*list, {{1, s("x")}, {-1, s("x")}}).isNull);
}

TEST(AggregateFunctions, ListAggMergeAppendsAndCancelsPendingRetractions) {
  auto list = listAgg(std::nullopt, true);
  Value first = list->create();
  list->accumulate(first, s("a"));
  list->retract(first, s("q"));  // not there: kept until a merge brings a "q"
  list->accumulate(first, s("q"));  // a later value is not cancelled by it
  Value second = list->create();
  list->accumulate(second, s("q"));
  list->accumulate(second, s("b"));
  list->merge(first, second);
  // a, q, q, b with one q retracted: the first one.
  EXPECT_EQ(list->result(first).bytes, "a,q,b");
  Value empty = list->create();
  list->merge(empty, first);
  EXPECT_EQ(list->result(empty).bytes, "a,q,b");
}

TEST(AggregateFunctions, ListAggDistinctKeepsFirstArrivals) {
  artifact::AggregateCall c = call("LISTAGG", DataType::string(), true);
  auto distinct = makeAggregateFunction(c, DataType::string(), true);
  EXPECT_EQ(run(*distinct, {{1, s("b")}, {1, s("a")}, {1, s("b")}, {-1, s("b")}}).bytes, "b,a");
  EXPECT_EQ(run(*distinct, {{1, s("b")}, {1, s("a")}, {1, s("b")}, {-1, s("b")}, {-1, s("b")}})
                .bytes,
            "a");
}

TEST(AggregateFunctions, AvgAndSum0DistinctCountEachValueOnce) {
  auto avg =
      makeAggregateFunction(call("AVG", DataType::bigInt(), true), DataType::bigInt(), true);
  EXPECT_EQ(run(*avg, {{1, i(100)}, {1, i(50)}, {1, i(100)}}).integer, 75);
  EXPECT_EQ(run(*avg, {{1, i(100)}, {1, i(50)}, {1, i(100)}, {-1, i(50)}}).integer, 100);
  auto sum0 =
      makeAggregateFunction(call("SUM0", DataType::bigInt(), true), DataType::bigInt(), true);
  EXPECT_EQ(run(*sum0, {{1, i(7)}, {1, i(7)}, {1, i(2)}}).integer, 9);
  EXPECT_EQ(run(*sum0, {{1, i(7)}, {-1, i(7)}}).integer, 0);
}

TEST(AggregateFunctions, DistinctMergeFeedsOnlyNewValues) {
  auto avg =
      makeAggregateFunction(call("AVG", DataType::bigInt(), true), DataType::bigInt(), false);
  Value left = avg->create();
  avg->accumulate(left, i(10));
  avg->accumulate(left, i(20));
  Value right = avg->create();
  avg->accumulate(right, i(20));
  avg->accumulate(right, i(60));
  avg->merge(left, right);
  EXPECT_EQ(avg->result(left).integer, 30);  // (10 + 20 + 60) / 3
}

TEST(AggregateFunctions, BoolAndOrSkipNullsAndRetractTheirCounts) {
  const DataType boolean = DataType::boolean();
  auto all = makeAggregateFunction(call("BOOL_AND", boolean), boolean, true);
  auto any = makeAggregateFunction(call("SOME", boolean), boolean, true);
  const Value t = i(1);
  const Value f = i(0);
  EXPECT_TRUE(run(*all, {}).isNull);
  EXPECT_TRUE(run(*any, {{1, Value::null()}}).isNull);
  EXPECT_EQ(run(*all, {{1, t}, {1, Value::null()}, {1, t}}).integer, 1);
  EXPECT_EQ(run(*all, {{1, t}, {1, f}}).integer, 0);
  EXPECT_EQ(run(*all, {{1, t}, {1, f}, {-1, f}}).integer, 1);
  EXPECT_EQ(run(*any, {{1, t}, {1, f}, {-1, t}}).integer, 0);
  EXPECT_TRUE(run(*any, {{1, t}, {-1, t}}).isNull);
}

TEST(AggregateFunctions, BoolAndOrMergeAddsCountsEvenWhenAPartialIsNegative) {
  const DataType boolean = DataType::boolean();
  auto all = makeAggregateFunction(call("EVERY", boolean), boolean, true);
  auto any = makeAggregateFunction(call("BOOL_OR", boolean), boolean, true);
  for (const auto* function : {all.get(), any.get()}) {
    Value state = function->create();
    function->accumulate(state, i(1));
    function->accumulate(state, i(0));
    // A partial that retracts the FALSE it never saw and adds a TRUE.
    Value partial = function->create();
    function->retract(partial, i(0));
    function->accumulate(partial, i(1));
    function->merge(state, partial);
    EXPECT_EQ(function->result(state).integer, 1);
  }
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
