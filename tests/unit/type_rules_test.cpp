// Flink's operator typing: arithmetic (integer widening, DECIMAL derivation, approximate
// contagion, datetime/interval arithmetic), comparisons, least restrictive types and casts.
#include "compiler/functions/type_rules.h"

#include <gtest/gtest.h>

namespace sluice {
namespace {

using Op = ArithmeticOperator;

DataType arithmetic(Op op, const DataType& l, const DataType& r) {
  auto typing = inferArithmetic(op, l, r);
  EXPECT_TRUE(typing.ok()) << typing.error();
  return typing.ok() ? typing.value().result : DataType::null();
}

std::string arithmeticError(Op op, const DataType& l, const DataType& r) {
  auto typing = inferArithmetic(op, l, r);
  EXPECT_FALSE(typing.ok()) << typing.value().result.toString();
  return typing.ok() ? "" : typing.error();
}

TEST(ArithmeticTypes, IntegersWidenToTheLargerIntegerWithIntegerDivision) {
  EXPECT_EQ(arithmetic(Op::Divide, DataType::bigInt(), DataType::integer()), DataType::bigInt());
  EXPECT_EQ(arithmetic(Op::Divide, DataType::integer(), DataType::integer()), DataType::integer());
  EXPECT_EQ(arithmetic(Op::Plus, DataType::tinyInt(), DataType::smallInt()), DataType::smallInt());
  EXPECT_EQ(arithmetic(Op::Multiply, DataType::integer(), DataType::bigInt()), DataType::bigInt());
}

TEST(ArithmeticTypes, IntegerOperandsAreWidenedToTheResult) {
  auto typing = inferArithmetic(Op::Plus, DataType::integer().notNull(), DataType::bigInt());
  ASSERT_TRUE(typing.ok());
  EXPECT_EQ(typing.value().operandTypes[0], DataType::bigInt().notNull());
  EXPECT_EQ(typing.value().operandTypes[1], DataType::bigInt());
}

TEST(ArithmeticTypes, ModuloKeepsTheDivisorTypeAndNeedsExactNumbers) {
  EXPECT_EQ(arithmetic(Op::Modulo, DataType::bigInt(), DataType::integer()), DataType::integer());
  EXPECT_EQ(arithmetic(Op::Modulo, DataType::decimal(10, 2), DataType::decimal(5, 1)),
            DataType::decimal(6, 2));
  EXPECT_EQ(arithmeticError(Op::Modulo, DataType::doubleType(), DataType::integer()),
            "cannot apply '%' to arguments of type DOUBLE and INT");
}

TEST(ArithmeticTypes, DecimalLiteralTimesBigintIsDecimal23_3) {
  // 0.908 is DECIMAL(3, 3) NOT NULL; BIGINT counts as DECIMAL(19, 0): 3 + 19 + 1 = 23 digits.
  const DataType literal = DataType::decimal(3, 3).notNull();
  EXPECT_EQ(arithmetic(Op::Multiply, literal, DataType::bigInt()), DataType::decimal(23, 3));
  auto typing = inferArithmetic(Op::Multiply, literal, DataType::bigInt());
  EXPECT_EQ(typing.value().operandTypes[1], DataType::decimal(19, 0));
  EXPECT_EQ(typing.value().result.toString(), "DECIMAL(23, 3)");
}

TEST(ArithmeticTypes, DecimalAdditionFollowsLogicalTypeMerging) {
  // scale max(2, 4) = 4; whole digits max(8, 1) = 8; + 1 carry digit.
  EXPECT_EQ(arithmetic(Op::Plus, DataType::decimal(10, 2), DataType::decimal(5, 4)),
            DataType::decimal(13, 4));
  EXPECT_EQ(arithmetic(Op::Minus, DataType::decimal(10, 2), DataType::integer()),
            DataType::decimal(13, 2));
}

TEST(ArithmeticTypes, DecimalDivisionAndPrecisionCap) {
  // scale max(6, s1 + p2 + 1) = 8, precision p1 - s1 + s2 + scale = 16
  EXPECT_EQ(arithmetic(Op::Divide, DataType::decimal(10, 2), DataType::decimal(5, 0)),
            DataType::decimal(16, 8));
  EXPECT_EQ(arithmetic(Op::Divide, DataType::integer(), DataType::decimal(5, 2)),
            DataType::decimal(18, 6));
  // 77 digits with scale 20: the integral part (57 digits) wins, at least 6 fractional digits stay
  EXPECT_EQ(arithmetic(Op::Multiply, DataType::decimal(38, 10), DataType::decimal(38, 10)),
            DataType::decimal(38, 6));
  // (38, 8) + (32, 8) -> (39, 8) -> (38, 7), the Hive/Spark adjustment
  EXPECT_EQ(arithmetic(Op::Plus, DataType::decimal(38, 8), DataType::decimal(32, 8)),
            DataType::decimal(38, 7));
}

TEST(ArithmeticTypes, ApproximateNumbersWin) {
  EXPECT_EQ(arithmetic(Op::Plus, DataType::decimal(10, 2), DataType::doubleType()),
            DataType::doubleType());
  EXPECT_EQ(arithmetic(Op::Multiply, DataType::integer(), DataType::floatType()),
            DataType::floatType());
  EXPECT_EQ(arithmetic(Op::Divide, DataType::decimal(10, 2), DataType::floatType()),
            DataType::doubleType());
}

TEST(ArithmeticTypes, ResultIsNullableWhenAnOperandIs) {
  EXPECT_EQ(arithmetic(Op::Plus, DataType::integer().notNull(), DataType::integer().notNull()),
            DataType::integer().notNull());
  EXPECT_EQ(arithmetic(Op::Plus, DataType::integer().notNull(), DataType::integer()),
            DataType::integer());
  EXPECT_EQ(arithmetic(Op::Plus, DataType::null(), DataType::integer().notNull()),
            DataType::integer());
}

TEST(ArithmeticTypes, DatetimePlusIntervalKeepsTheDatetime) {
  const DataType ts = DataType::timestamp(3).notNull().withTimeAttribute(TimeAttribute::Rowtime);
  const DataType seconds = DataType::intervalDayTime().notNull();
  const DataType ts3 = arithmetic(Op::Minus, ts, seconds);
  EXPECT_EQ(ts3, DataType::timestamp(3).notNull());
  EXPECT_FALSE(ts3.isTimeAttribute());
  EXPECT_EQ(arithmetic(Op::Plus, DataType::date(), DataType::intervalDayTime()), DataType::date());
  EXPECT_EQ(arithmetic(Op::Plus, DataType::intervalYearMonth(), DataType::timestampLtz(3)),
            DataType::timestampLtz(3));
  EXPECT_EQ(arithmetic(Op::Plus, DataType::time(0), DataType::intervalDayTime()),
            DataType::time(0));
  EXPECT_EQ(arithmetic(Op::Multiply, DataType::intervalDayTime(), DataType::integer()),
            DataType::intervalDayTime());
  EXPECT_EQ(arithmetic(Op::Plus, DataType::intervalDayTime(0), DataType::intervalDayTime(3)),
            DataType::intervalDayTime(3));
}

TEST(ArithmeticTypes, RefusedCombinationsNameBothTypes) {
  EXPECT_EQ(arithmeticError(Op::Plus, DataType::string(), DataType::integer()),
            "cannot apply '+' to arguments of type STRING and INT");
  EXPECT_EQ(arithmeticError(Op::Minus, DataType::timestamp(3), DataType::timestamp(3)),
            "cannot apply '-' to arguments of type TIMESTAMP(3) and TIMESTAMP(3); use "
            "TIMESTAMPDIFF to subtract datetimes");
  EXPECT_EQ(arithmeticError(Op::Minus, DataType::intervalDayTime(), DataType::date()),
            "cannot apply '-' to arguments of type INTERVAL DAY TO SECOND(3) and DATE");
  EXPECT_EQ(arithmeticError(Op::Plus, DataType::intervalYearMonth(), DataType::intervalDayTime()),
            "cannot apply '+' to arguments of type INTERVAL YEAR TO MONTH and INTERVAL DAY TO "
            "SECOND(3)");
  EXPECT_FALSE(inferArithmetic(Op::Plus, DataType::null(), DataType::null()).ok());
  EXPECT_FALSE(inferArithmetic(Op::Plus, DataType::boolean(), DataType::boolean()).ok());
}

TEST(NegationTypes, NumbersAndIntervals) {
  EXPECT_EQ(inferNegation(DataType::decimal(5, 2).notNull()).value().result,
            DataType::decimal(5, 2).notNull());
  EXPECT_EQ(inferNegation(DataType::intervalYearMonth()).value().result,
            DataType::intervalYearMonth());
  auto refused = inferNegation(DataType::string());
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error(), "cannot apply '-' to an argument of type STRING");
}

TEST(ComparisonTypes, OperandsConvertToTheirCommonType) {
  std::vector<DataType> operands{DataType::integer().notNull(), DataType::bigInt()};
  auto typing = inferComparison(operands);
  ASSERT_TRUE(typing.ok()) << typing.error();
  EXPECT_EQ(typing.value().result, DataType::boolean());
  EXPECT_EQ(typing.value().operandTypes[0], DataType::bigInt().notNull());
  EXPECT_EQ(typing.value().operandTypes[1], DataType::bigInt());

  std::vector<DataType> notNull{DataType::string().notNull(), DataType::charType(3).notNull()};
  EXPECT_EQ(inferComparison(notNull).value().result, DataType::boolean().notNull());
}

TEST(ComparisonTypes, StringsCompareWithDatetimesButNotNumbers) {
  std::vector<DataType> withDate{DataType::date(), DataType::charType(10).notNull()};
  auto typing = inferComparison(withDate);
  ASSERT_TRUE(typing.ok());
  EXPECT_EQ(typing.value().operandTypes[1], DataType::date().notNull());

  std::vector<DataType> withNumber{DataType::string(), DataType::integer()};
  auto refused = inferComparison(withNumber);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error(), "cannot compare values of type STRING and INT");
}

TEST(LeastRestrictiveType, WidensAndMergesNullability) {
  std::vector<DataType> ints{DataType::integer(), DataType::bigInt().notNull()};
  EXPECT_EQ(leastRestrictiveType(ints), DataType::bigInt());
  std::vector<DataType> mixed{DataType::integer().notNull(), DataType::bigInt().notNull(),
                              DataType::decimal(2, 2).notNull()};
  EXPECT_EQ(leastRestrictiveType(mixed), DataType::decimal(21, 2).notNull());
  std::vector<DataType> withNull{DataType::null(), DataType::integer().notNull()};
  EXPECT_EQ(leastRestrictiveType(withNull), DataType::integer());
  std::vector<DataType> onlyNull{DataType::null()};
  EXPECT_EQ(leastRestrictiveType(onlyNull), std::nullopt);
  EXPECT_EQ(leastRestrictiveType(std::vector<DataType>{}), std::nullopt);
}

TEST(LeastRestrictiveType, StringsTimestampsAndNumbers) {
  std::vector<DataType> chars{DataType::charType(3), DataType::charType(5)};
  EXPECT_EQ(leastRestrictiveType(chars), DataType::varchar(5));
  std::vector<DataType> sameChars{DataType::charType(3), DataType::charType(3)};
  EXPECT_EQ(leastRestrictiveType(sameChars), DataType::charType(3));
  std::vector<DataType> timestamps{DataType::timestamp(3), DataType::timestampLtz(6)};
  EXPECT_EQ(leastRestrictiveType(timestamps), DataType::timestampLtz(6));
  std::vector<DataType> dateFirst{DataType::date(), DataType::timestamp(3)};
  std::vector<DataType> dateLast{DataType::timestamp(3), DataType::date()};
  EXPECT_EQ(leastRestrictiveType(dateFirst), DataType::timestamp(3));
  EXPECT_EQ(leastRestrictiveType(dateLast), DataType::timestamp(3));
  std::vector<DataType> approximate{DataType::floatType(), DataType::decimal(10, 2)};
  EXPECT_EQ(leastRestrictiveType(approximate), DataType::doubleType());
  std::vector<DataType> incompatible{DataType::integer(), DataType::string()};
  EXPECT_EQ(leastRestrictiveType(incompatible), std::nullopt);
  std::vector<DataType> booleans{DataType::boolean().notNull(), DataType::boolean()};
  EXPECT_EQ(leastRestrictiveType(booleans), DataType::boolean());
}

TEST(LeastRestrictiveType, ConstructedTypesMergeChildByChild) {
  std::vector<DataType> arrays{DataType::array(DataType::integer().notNull()),
                               DataType::array(DataType::bigInt().notNull())};
  EXPECT_EQ(leastRestrictiveType(arrays), DataType::array(DataType::bigInt().notNull()));
  std::vector<DataType> rows{DataType::row({{"a", DataType::integer()}}),
                             DataType::row({{"b", DataType::decimal(5, 2)}})};
  EXPECT_EQ(leastRestrictiveType(rows), DataType::row({{"a", DataType::decimal(12, 2)}}));
  std::vector<DataType> different{DataType::array(DataType::integer()),
                                  DataType::multiset(DataType::integer())};
  EXPECT_EQ(leastRestrictiveType(different), std::nullopt);
}

TEST(LeastRestrictiveType, KeepsASharedTimeAttribute) {
  const DataType rowtime =
      DataType::timestamp(3).notNull().withTimeAttribute(TimeAttribute::Rowtime);
  std::vector<DataType> same{rowtime, rowtime};
  EXPECT_TRUE(leastRestrictiveType(same)->isRowtime());
  std::vector<DataType> mixed{rowtime, DataType::timestamp(3)};
  EXPECT_FALSE(leastRestrictiveType(mixed)->isTimeAttribute());
}

TEST(Casts, ImplicitCastsWidenWithoutLoss) {
  EXPECT_TRUE(canCastImplicitly(DataType::integer(), DataType::bigInt()));
  EXPECT_FALSE(canCastImplicitly(DataType::bigInt(), DataType::integer()));
  EXPECT_TRUE(canCastImplicitly(DataType::decimal(10, 2), DataType::doubleType()));
  EXPECT_TRUE(canCastImplicitly(DataType::charType(3), DataType::string()));
  EXPECT_FALSE(canCastImplicitly(DataType::integer(), DataType::string()));
  EXPECT_FALSE(canCastImplicitly(DataType::string(), DataType::integer()));
  EXPECT_TRUE(canCastImplicitly(DataType::null(), DataType::array(DataType::integer())));
  EXPECT_TRUE(canCastImplicitly(DataType::date(), DataType::timestamp(3)));
  EXPECT_TRUE(canCastImplicitly(DataType::timestamp(3), DataType::timestampLtz(3)));
  EXPECT_FALSE(canCastImplicitly(DataType::integer(), DataType::integer().notNull()));
  EXPECT_TRUE(canCastImplicitly(DataType::integer().notNull(), DataType::integer()));
  EXPECT_TRUE(
      canCastImplicitly(DataType::array(DataType::integer()), DataType::array(DataType::bigInt())));
  EXPECT_FALSE(canCastImplicitly(DataType::integer(), DataType::intervalDayTime()));
}

TEST(Casts, ExplicitCastsFollowFlinksTable) {
  EXPECT_TRUE(canCastExplicitly(DataType::string(), DataType::integer()));
  EXPECT_TRUE(canCastExplicitly(DataType::integer(), DataType::string()));
  EXPECT_TRUE(canCastExplicitly(DataType::integer(), DataType::integer().notNull()));
  EXPECT_TRUE(canCastExplicitly(DataType::integer(), DataType::boolean()));
  EXPECT_FALSE(canCastExplicitly(DataType::decimal(5, 2), DataType::boolean()));
  EXPECT_FALSE(canCastExplicitly(DataType::boolean(), DataType::date()));
  EXPECT_TRUE(canCastExplicitly(DataType::timestamp(3), DataType::bigInt()));
  EXPECT_FALSE(canCastExplicitly(DataType::date(), DataType::bigInt()));
  EXPECT_TRUE(canCastExplicitly(DataType::bigInt(), DataType::timestampLtz(3)));
  EXPECT_TRUE(canCastExplicitly(DataType::array(DataType::integer()), DataType::string()));
  EXPECT_FALSE(canCastExplicitly(DataType::array(DataType::integer()), DataType::integer()));
  EXPECT_TRUE(
      canCastExplicitly(DataType::array(DataType::string()), DataType::array(DataType::integer())));
  EXPECT_TRUE(canCastExplicitly(DataType::string(), DataType::bytes()));
  EXPECT_TRUE(canCastExplicitly(DataType::bigInt(), DataType::intervalDayTime()));
  EXPECT_FALSE(canCastExplicitly(DataType::symbol(), DataType::string()));
}

}  // namespace
}  // namespace sluice
