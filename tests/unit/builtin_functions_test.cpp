// The built-in function catalog: lookup, Flink's result types for the functions users reach for
// most, error messages, and a robustness sweep over every registered function.
#include <gtest/gtest.h>

#include <cctype>

#include "compiler/functions/function_registry.h"

namespace sluice {
namespace {

const FunctionRegistry& registry() {
  static const FunctionRegistry instance = FunctionRegistry::withBuiltins();
  return instance;
}

CallOperand arg(DataType type) { return CallOperand{std::move(type), std::nullopt, false}; }
CallOperand literal(DataType type, std::string text) {
  return CallOperand{std::move(type), std::move(text), false};
}
CallOperand keyword(std::string word) { return literal(DataType::symbol(), std::move(word)); }
CallOperand nullLiteral() { return CallOperand{DataType::null(), std::nullopt, true}; }

Result<CallTyping> call(std::string_view name, std::vector<CallOperand> operands) {
  const FunctionDefinition* f = registry().find(name);
  if (f == nullptr) return fail("unknown function " + std::string(name));
  return f->infer(operands);
}

DataType typeOf(std::string_view name, std::vector<CallOperand> operands) {
  auto typing = call(name, std::move(operands));
  EXPECT_TRUE(typing.ok()) << name << ": " << typing.error();
  return typing.ok() ? typing.value().result : DataType::null();
}

std::string errorOf(std::string_view name, std::vector<CallOperand> operands) {
  auto typing = call(name, std::move(operands));
  EXPECT_FALSE(typing.ok()) << name << " returned " << typing.value().result.toString();
  return typing.ok() ? "" : typing.error();
}

const DataType kString = DataType::string();
const DataType kInt = DataType::integer();
const DataType kBigint = DataType::bigInt();

TEST(FunctionRegistry, HoldsFlinksBuiltinsCaseInsensitively) {
  EXPECT_GE(registry().names().size(), 200u);
  const FunctionDefinition* f = registry().find("date_format");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->name, "DATE_FORMAT");
  EXPECT_EQ(registry().find("Date_Format"), f);
  EXPECT_EQ(registry().find("NO_SUCH_FUNCTION"), nullptr);
  auto names = registry().names();
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
}

TEST(FunctionRegistry, AddReplacesByName) {
  FunctionRegistry r;
  FunctionDefinition a;
  a.name = "my_fn";
  r.add(a);
  FunctionDefinition b;
  b.name = "MY_FN";
  b.deterministic = false;
  r.add(b);
  ASSERT_EQ(r.names().size(), 1u);
  EXPECT_FALSE(r.find("My_Fn")->deterministic);
}

TEST(AggregateFunctions, ResultTypes) {
  EXPECT_EQ(typeOf("AVG", {arg(kBigint)}), kBigint);
  EXPECT_EQ(typeOf("AVG", {arg(DataType::decimal(10, 2))}), DataType::decimal(38, 6));
  EXPECT_EQ(typeOf("AVG", {arg(DataType::decimal(20, 8).notNull())}),
            DataType::decimal(38, 8).notNull());
  EXPECT_EQ(typeOf("SUM", {arg(kInt)}), kInt);
  EXPECT_EQ(typeOf("SUM", {arg(DataType::decimal(10, 2))}), DataType::decimal(38, 2));
  EXPECT_EQ(typeOf("COUNT", {}), kBigint.notNull());
  EXPECT_EQ(typeOf("COUNT", {arg(kString)}), kBigint.notNull());
  EXPECT_EQ(typeOf("MAX", {arg(DataType::timestamp(3))}), DataType::timestamp(3));
  EXPECT_EQ(typeOf("LISTAGG", {arg(kString), literal(DataType::charType(1).notNull(), ",")}),
            kString);
  EXPECT_EQ(typeOf("COLLECT", {arg(kInt)}), DataType::multiset(kInt).notNull());
  EXPECT_EQ(typeOf("STDDEV_POP", {arg(DataType::doubleType())}), DataType::doubleType());
  EXPECT_EQ(registry().find("SUM")->kind, FunctionKind::Aggregate);
  EXPECT_FALSE(call("SUM", {arg(kString)}).ok());
}

TEST(RankingFunctions, ResultTypes) {
  EXPECT_EQ(typeOf("ROW_NUMBER", {}), kBigint.notNull());
  EXPECT_EQ(registry().find("ROW_NUMBER")->kind, FunctionKind::Ranking);
  EXPECT_EQ(typeOf("NTILE", {literal(kInt.notNull(), "4")}), kInt.notNull());
  EXPECT_EQ(typeOf("LEAD", {arg(kInt.notNull())}), kInt);
  EXPECT_EQ(
      typeOf("LAG", {arg(kInt), literal(kInt.notNull(), "1"), literal(kBigint.notNull(), "0")}),
      kBigint.notNull());
}

TEST(TemporalFunctions, ResultTypes) {
  const DataType ts = DataType::timestamp(3).withTimeAttribute(TimeAttribute::Rowtime);
  EXPECT_EQ(
      typeOf("DATE_FORMAT", {arg(ts), literal(DataType::charType(10).notNull(), "yyyy-MM-dd")}),
      kString);
  EXPECT_EQ(typeOf("DATE_FORMAT", {arg(kString), arg(kString), arg(kString)}), kString);
  EXPECT_EQ(typeOf("TO_TIMESTAMP", {arg(kString.notNull())}), DataType::timestamp(3));
  EXPECT_EQ(typeOf("TO_TIMESTAMP", {arg(kBigint.notNull())}), DataType::timestamp(3).notNull());
  EXPECT_EQ(typeOf("TO_TIMESTAMP_LTZ", {arg(kBigint), literal(kInt.notNull(), "0")}),
            DataType::timestampLtz(0));
  EXPECT_EQ(typeOf("TO_TIMESTAMP_LTZ", {arg(kBigint), literal(kInt.notNull(), "3")}),
            DataType::timestampLtz(3));
  EXPECT_EQ(errorOf("TO_TIMESTAMP_LTZ", {arg(kBigint), literal(kInt.notNull(), "6")}),
            "invalid arguments to TO_TIMESTAMP_LTZ(BIGINT, INT NOT NULL): the precision of "
            "TO_TIMESTAMP_LTZ must be 0 (seconds) or 3 (milliseconds), got 6");
  EXPECT_EQ(typeOf("UNIX_TIMESTAMP", {}), kBigint.notNull());
  EXPECT_EQ(typeOf("UNIX_TIMESTAMP", {arg(kString)}), kBigint);
  EXPECT_FALSE(registry().find("UNIX_TIMESTAMP")->deterministic);
  EXPECT_EQ(typeOf("FROM_UNIXTIME", {arg(kBigint.notNull())}), kString);
  EXPECT_EQ(typeOf("TIMESTAMPDIFF", {keyword("DAY"), arg(ts), arg(DataType::timestamp(3))}), kInt);
  EXPECT_EQ(typeOf("TIMESTAMPADD", {keyword("HOUR"), arg(kInt), arg(DataType::date())}),
            DataType::timestamp(6));
  EXPECT_EQ(typeOf("TIMESTAMPADD", {keyword("DAY"), arg(kInt), arg(DataType::date())}),
            DataType::date());
  EXPECT_EQ(typeOf("HOUR", {arg(ts.notNull())}), kBigint.notNull());
  EXPECT_EQ(typeOf("EXTRACT", {keyword("YEAR"), arg(DataType::date())}), kBigint);
  EXPECT_EQ(typeOf("TO_DATE", {arg(kString)}), DataType::date());
  EXPECT_EQ(typeOf("CONVERT_TZ", {arg(kString), arg(kString), arg(kString)}), kString);
}

TEST(TemporalFunctions, WrongArgumentsListTheSignatures) {
  EXPECT_EQ(errorOf("DATE_FORMAT", {arg(kInt), arg(kString)}),
            "invalid arguments to DATE_FORMAT(INT, STRING); expected DATE_FORMAT(TIMESTAMP, "
            "STRING), DATE_FORMAT(DATE, STRING), DATE_FORMAT(STRING, STRING) or "
            "DATE_FORMAT(STRING, STRING, STRING)");
  EXPECT_EQ(errorOf("TIMESTAMPDIFF",
                    {keyword("FORTNIGHT"), arg(DataType::date()), arg(DataType::date())}),
            "invalid arguments to TIMESTAMPDIFF(FORTNIGHT, DATE, DATE); expected "
            "TIMESTAMPDIFF(TIME_UNIT, DATETIME, DATETIME)");
}

TEST(TimeAttributeFunctions, ProctimeAndTheCurrentTime) {
  const DataType proctime = typeOf("PROCTIME", {});
  EXPECT_TRUE(proctime.isProctime());
  EXPECT_EQ(proctime, DataType::timestampLtz(3).notNull());
  EXPECT_EQ(proctime.toString(), "TIMESTAMP_LTZ(3) NOT NULL *PROCTIME*");
  EXPECT_FALSE(registry().find("PROCTIME")->deterministic);
  for (const char* name :
       {"CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "LOCALTIME", "LOCALTIMESTAMP"}) {
    const FunctionDefinition* f = registry().find(name);
    ASSERT_NE(f, nullptr) << name;
    EXPECT_TRUE(f->callableWithoutParentheses) << name;
    EXPECT_FALSE(f->deterministic) << name;
  }
  EXPECT_FALSE(registry().find("NOW")->callableWithoutParentheses);
  EXPECT_EQ(typeOf("CURRENT_TIMESTAMP", {}), DataType::timestampLtz(3).notNull());
  EXPECT_EQ(typeOf("LOCALTIMESTAMP", {}), DataType::timestamp(3).notNull());
  EXPECT_FALSE(registry().find("RAND")->deterministic);
  EXPECT_FALSE(registry().find("UUID")->deterministic);
  EXPECT_TRUE(registry().find("UPPER")->deterministic);

  const DataType rowtime =
      DataType::timestamp(3).notNull().withTimeAttribute(TimeAttribute::Rowtime);
  const DataType watermark = typeOf("CURRENT_WATERMARK", {arg(rowtime)});
  EXPECT_EQ(watermark, DataType::timestamp(3));
  EXPECT_FALSE(watermark.isTimeAttribute());
  EXPECT_FALSE(call("CURRENT_WATERMARK", {arg(DataType::timestamp(3))}).ok());
}

TEST(StringFunctions, ResultTypesAndNullability) {
  EXPECT_EQ(typeOf("CHAR_LENGTH", {arg(kString.notNull())}), kInt.notNull());
  EXPECT_EQ(typeOf("CHAR_LENGTH", {arg(kString)}), kInt);
  EXPECT_EQ(typeOf("UPPER", {arg(DataType::charType(5))}), DataType::charType(5));
  EXPECT_EQ(typeOf("SUBSTRING", {arg(DataType::charType(10).notNull()), arg(kInt.notNull())}),
            DataType::varchar(10));
  EXPECT_EQ(typeOf("CONCAT", {arg(kString.notNull()), arg(DataType::charType(3).notNull())}),
            kString.notNull());
  EXPECT_EQ(typeOf("CONCAT_WS", {arg(kString), arg(kString), arg(kString)}), kString);
  EXPECT_EQ(typeOf("TRIM", {keyword("BOTH"), arg(DataType::charType(1).notNull()),
                            arg(DataType::charType(8).notNull())}),
            DataType::varchar(8).notNull());
  EXPECT_EQ(typeOf("REGEXP_EXTRACT", {arg(kString.notNull()), arg(kString.notNull())}), kString);
  EXPECT_EQ(typeOf("SPLIT_INDEX", {arg(kString), arg(kString), arg(kInt)}), kString);
  EXPECT_EQ(typeOf("STR_TO_MAP", {arg(kString)}), DataType::map(kString, kString));
  EXPECT_EQ(typeOf("MD5", {arg(kString)}), DataType::charType(32));
  EXPECT_EQ(typeOf("SHA256", {arg(kString.notNull())}), DataType::charType(64).notNull());
}

TEST(StringFunctions, NumbersAreNotStrings) {
  EXPECT_EQ(errorOf("CONCAT", {arg(kString), arg(kInt)}),
            "invalid arguments to CONCAT(STRING, INT); expected CONCAT(STRING, STRING...) or "
            "CONCAT(BYTES, BYTES...)");
  EXPECT_EQ(errorOf("CHAR_LENGTH", {}),
            "invalid arguments to CHAR_LENGTH(); expected CHAR_LENGTH(STRING)");
  EXPECT_EQ(errorOf("CHAR_LENGTH", {arg(kString), arg(kString)}),
            "invalid arguments to CHAR_LENGTH(STRING, STRING); expected CHAR_LENGTH(STRING)");
}

TEST(StringFunctions, UntypedNullTakesTheExpectedType) {
  auto typing = call("UPPER", {nullLiteral()});
  ASSERT_TRUE(typing.ok());
  EXPECT_EQ(typing.value().operandTypes[0], kString);
  EXPECT_EQ(typing.value().result, kString);
}

TEST(ArithmeticFunctions, ResultTypes) {
  EXPECT_EQ(typeOf("ROUND", {arg(DataType::decimal(10, 4)), literal(kInt.notNull(), "2")}),
            DataType::decimal(9, 2));
  EXPECT_EQ(typeOf("ROUND", {arg(DataType::decimal(10, 4).notNull())}),
            DataType::decimal(7, 0).notNull());
  EXPECT_EQ(typeOf("ROUND", {arg(DataType::doubleType()), literal(kInt.notNull(), "2")}),
            DataType::doubleType());
  EXPECT_EQ(typeOf("FLOOR", {arg(DataType::decimal(10, 4))}), DataType::decimal(10, 0));
  EXPECT_EQ(typeOf("CEIL", {arg(DataType::timestamp(3)), keyword("DAY")}), DataType::timestamp(3));
  EXPECT_EQ(typeOf("MOD", {arg(kBigint), arg(kInt)}), kInt);
  EXPECT_EQ(typeOf("POWER", {arg(kInt.notNull()), arg(kInt.notNull())}),
            DataType::doubleType().notNull());
  EXPECT_EQ(typeOf("ABS", {arg(DataType::decimal(5, 2))}), DataType::decimal(5, 2));
  EXPECT_EQ(typeOf("PI", {}), DataType::doubleType().notNull());
  EXPECT_EQ(typeOf("UUID", {}), DataType::charType(36).notNull());
}

TEST(ConditionalFunctions, CommonTypes) {
  EXPECT_EQ(typeOf("COALESCE", {arg(kInt), arg(kBigint.notNull())}), kBigint.notNull());
  EXPECT_EQ(typeOf("COALESCE", {arg(kInt), arg(kBigint)}), kBigint);
  auto coalesce = call("COALESCE", {arg(kInt), arg(kBigint.notNull())});
  EXPECT_EQ(coalesce.value().operandTypes[0], kBigint);
  EXPECT_EQ(typeOf("IF", {arg(DataType::boolean()), arg(kInt.notNull()), arg(kBigint.notNull())}),
            kBigint.notNull());
  EXPECT_FALSE(call("IF", {arg(DataType::boolean()), arg(kInt), arg(kString)}).ok());
  EXPECT_EQ(typeOf("IFNULL", {arg(kInt), arg(kBigint.notNull())}), kBigint.notNull());
  EXPECT_EQ(typeOf("NULLIF", {arg(kInt.notNull()), arg(kBigint)}), kInt);
  EXPECT_EQ(typeOf("GREATEST", {arg(kInt.notNull()), arg(DataType::decimal(5, 2).notNull())}),
            DataType::decimal(12, 2).notNull());
  EXPECT_EQ(typeOf("IS_DIGIT", {arg(kString)}), DataType::boolean().notNull());
}

TEST(CollectionFunctions, ConstructorsAndAccess) {
  EXPECT_EQ(typeOf("ARRAY_VALUE_CONSTRUCTOR", {arg(kInt.notNull()), arg(kBigint.notNull())}),
            DataType::array(kBigint.notNull()).notNull());
  EXPECT_EQ(typeOf("MAP_VALUE_CONSTRUCTOR", {arg(kString.notNull()), arg(kInt),
                                             arg(kString.notNull()), arg(DataType::doubleType())}),
            DataType::map(kString.notNull(), DataType::doubleType()).notNull());
  EXPECT_FALSE(call("MAP_VALUE_CONSTRUCTOR", {arg(kString)}).ok());
  const DataType ints = DataType::array(kInt);
  EXPECT_EQ(typeOf("CARDINALITY", {arg(ints.notNull())}), kInt.notNull());
  EXPECT_EQ(typeOf("ELEMENT", {arg(ints.notNull())}), kInt);
  EXPECT_EQ(typeOf("ARRAY_CONTAINS", {arg(ints.notNull()), arg(kInt)}),
            DataType::boolean().notNull());
  EXPECT_FALSE(call("ARRAY_CONTAINS", {arg(ints), arg(kString)}).ok());
  EXPECT_EQ(typeOf("ARRAY_APPEND", {arg(ints.notNull()), arg(kBigint.notNull())}),
            DataType::array(kBigint).notNull());
  EXPECT_EQ(typeOf("MAP_KEYS", {arg(DataType::map(kString, kInt))}), DataType::array(kString));
  EXPECT_EQ(typeOf("ARRAY_JOIN", {arg(DataType::array(kString)), arg(kString)}), kString);
}

TEST(JsonFunctions, ResultTypes) {
  EXPECT_EQ(typeOf("JSON_VALUE", {arg(kString.notNull()), literal(kString.notNull(), "$.a")}),
            kString);
  EXPECT_EQ(typeOf("JSON_VALUE", {arg(kString), literal(kString.notNull(), "$.a"),
                                  literal(kInt.notNull(), "RETURNING")}),
            kInt);
  EXPECT_EQ(typeOf("JSON_OBJECT", {keyword("NULL ON NULL"), arg(kString.notNull()), arg(kInt)}),
            kString.notNull());
  EXPECT_EQ(typeOf("JSON_ARRAYAGG", {arg(kInt)}), kString.notNull());
  EXPECT_FALSE(call("JSON_VALUE", {arg(kInt), arg(kString)}).ok());
}

TEST(BlinkFunctions, DialectExtensions) {
  EXPECT_EQ(typeOf("DATEDIFF", {arg(kString), arg(DataType::timestamp(3))}), kInt);
  EXPECT_EQ(typeOf("DATE_ADD", {arg(kString), arg(kInt)}), kString);
  EXPECT_EQ(typeOf("KEYVALUE", {arg(kString), arg(kString), arg(kString), arg(kString)}), kString);
  EXPECT_EQ(typeOf("CONV", {arg(kBigint), arg(kInt), arg(kInt)}), kString);
  EXPECT_EQ(typeOf("BITAND", {arg(kInt.notNull()), arg(kBigint.notNull())}), kBigint.notNull());
  EXPECT_EQ(typeOf("JSON_TUPLE", {arg(kString), arg(kString), arg(kString)}),
            DataType::row({{"f0", kString}, {"f1", kString}}).notNull());
  EXPECT_EQ(registry().find("JSON_TUPLE")->kind, FunctionKind::Table);
  EXPECT_EQ(typeOf("YEAR", {arg(kString)}), kBigint);
}

// Every registered function must answer any operands with a typing or a failure: never assert,
// never crash, and its failures read as Sluice messages.
TEST(BuiltinRobustness, EveryFunctionTypesArbitraryOperandsSafely) {
  const std::vector<CallOperand> pool = {
      arg(kInt),
      arg(kInt.notNull()),
      arg(kBigint),
      arg(DataType::tinyInt()),
      arg(DataType::decimal(10, 2)),
      arg(DataType::doubleType()),
      arg(DataType::boolean()),
      arg(kString),
      literal(DataType::charType(3).notNull(), "abc"),
      literal(kInt.notNull(), "3"),
      literal(kInt.notNull(), "RETURNING"),
      arg(DataType::bytes()),
      arg(DataType::date()),
      arg(DataType::time(0)),
      arg(DataType::timestamp(3)),
      arg(DataType::timestamp(3).notNull().withTimeAttribute(TimeAttribute::Rowtime)),
      arg(DataType::timestampLtz(3)),
      arg(DataType::intervalDayTime()),
      arg(DataType::intervalYearMonth()),
      arg(DataType::array(kInt)),
      arg(DataType::array(kString)),
      arg(DataType::multiset(kInt)),
      arg(DataType::map(kString, kInt)),
      arg(DataType::row({{"a", kInt}})),
      arg(DataType::raw("java.lang.Object")),
      keyword("DAY"),
      keyword("BOTH"),
      arg(DataType::descriptor()),
      nullLiteral(),
  };
  uint64_t seed = 42;
  auto next = [&seed] {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<size_t>(seed >> 33);
  };
  size_t successes = 0;
  for (const std::string& name : registry().names()) {
    const FunctionDefinition* f = registry().find(name);
    ASSERT_NE(f, nullptr);
    EXPECT_FALSE(f->signatures.empty()) << name;
    EXPECT_TRUE(static_cast<bool>(f->infer)) << name;
    std::vector<std::vector<CallOperand>> cases = {{}};
    for (const auto& op : pool) cases.push_back({op});
    for (int i = 0; i < 120; ++i) {
      std::vector<CallOperand> operands;
      const size_t n = 2 + next() % 4;
      for (size_t k = 0; k < n; ++k) operands.push_back(pool[next() % pool.size()]);
      cases.push_back(std::move(operands));
    }
    for (const auto& operands : cases) {
      auto typing = f->infer(operands);
      if (typing.ok()) {
        ++successes;
        EXPECT_EQ(typing.value().operandTypes.size(), operands.size()) << name;
      } else {
        const std::string& message = typing.error();
        ASSERT_FALSE(message.empty()) << name;
        EXPECT_TRUE(std::islower(static_cast<unsigned char>(message.front()))) << message;
        EXPECT_NE(message.back(), '.') << message;
      }
    }
  }
  EXPECT_GT(successes, 0u);
}

}  // namespace
}  // namespace sluice
