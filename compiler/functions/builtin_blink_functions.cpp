// Functions of the Blink dialect (Alibaba Blink / Realtime Compute) that Flink lacks but Blink
// jobs use: DATEDIFF, DATE_ADD, DATE_SUB, KEYVALUE, CONV, BITAND/BITOR/BITXOR/BITNOT, MURMUR_HASH,
// CONCAT_AGG and the table functions GENERATE_SERIES, STRING_SPLIT, JSON_TUPLE, MULTI_KEYVALUE.
// Blink overloads of Flink names (DATE_FORMAT with three strings, TO_TIMESTAMP(epochMillis),
// TO_DATE(epochDays), FIRST_VALUE(x, order), YEAR('yyyy-MM-dd') ...) sit with the Flink
// definitions. Table functions type as a ROW of the columns they produce (f0, f1, ...).
#include <fmt/format.h>

#include "compiler/functions/builtin_families.h"
#include "compiler/functions/signature_builders.h"

namespace sluice::builtin {
namespace {

ArgSpec dateLikeArg() {
  return eitherArg(eitherArg(stringArg(), timestampArg()), dateArg(), "STRING|TIMESTAMP|DATE");
}

// A ROW of `count(args)` STRING columns named f0, f1, ...
ResultRule stringColumns(std::function<size_t(const CallArgs&)> count) {
  return [count = std::move(count)](const CallArgs& args) -> Result<DataType> {
    std::vector<std::pair<std::string, DataType>> fields;
    const size_t n = count(args);
    for (size_t i = 0; i < n; ++i) fields.emplace_back(fmt::format("f{}", i), DataType::string());
    return DataType::row(fields).notNull();
  };
}

}  // namespace

void registerBlinkFunctions(FunctionRegistry& r) {
  const DataType str = DataType::string();

  // WATERMARK FOR ts AS withOffset(ts, 2000): the rowtime minus an offset in milliseconds.
  r.add(scalar("WITHOFFSET", {sig({timestampArg(), integerArg()}, argType(0))}));
  // DATEDIFF(end, start): days between two dates given as 'yyyy-MM-dd[ HH:mm:ss]' or timestamps.
  r.add(scalar("DATEDIFF",
               {sig({dateLikeArg(), dateLikeArg()}, forceNullable(DataType::integer()))}));
  // DATE_ADD/DATE_SUB(date, days): the shifted day as a 'yyyy-MM-dd' string.
  for (const char* name : {"DATE_ADD", "DATE_SUB"}) {
    r.add(scalar(name, {sig({dateLikeArg(), integerArg()}, forceNullable(str))}));
  }
  // KEYVALUE(text, pairSeparator, keyValueSeparator, key): the value of `key` in 'k1=v1;k2=v2'.
  r.add(scalar("KEYVALUE",
               {sig({stringArg(), stringArg(), stringArg(), stringArg()}, forceNullable(str))}));
  // CONV(number, fromBase, toBase): the number re-written in another base.
  r.add(scalar("CONV", {sig({integerArg(), integerArg(), integerArg()}, forceNullable(str)),
                        sig({stringArg(), integerArg(), integerArg()}, forceNullable(str))}));
  for (const char* name : {"BITAND", "BITOR", "BITXOR"}) {
    r.add(scalar(name, {unified(sig({integerArg(), integerArg()}, nullableIfArgs(commonType())))}));
  }
  r.add(scalar("BITNOT", {sig({integerArg()}, nullableIfArgs(argType(0)))}));
  r.add(scalar("MURMUR_HASH", {sig({anyArg()}, nullableIfArgs(DataType::integer()))}));

  // CONCAT_AGG([delimiter,] value): the values joined, '\n' by default.
  r.add(aggregate("CONCAT_AGG", {sig({stringArg()}, forceNullable(str)),
                                 sig({stringArg(), stringArg()}, forceNullable(str))}));

  // GENERATE_SERIES(from, to): one row per integer in [from, to].
  r.add(tableFunction(
      "GENERATE_SERIES",
      {unified(sig({integerArg(), integerArg()}, [](const CallArgs& args) -> Result<DataType> {
        if (!args.common()) return fail("no common integer type");
        return DataType::row({{"f0", args.common()->notNull()}}).notNull();
      }))}));
  // STRING_SPLIT(text, separator): one row per piece.
  r.add(tableFunction("STRING_SPLIT", {sig({stringArg(), stringArg()},
                                           stringColumns([](const CallArgs&) { return 1; }))}));
  // JSON_TUPLE(json, path...): one column per path.
  r.add(tableFunction("JSON_TUPLE",
                      {varying({stringArg(), stringArg()}, stringArg(),
                               stringColumns([](const CallArgs& a) { return a.size() - 1; }))}));
  // MULTI_KEYVALUE(text, pairSeparator, keyValueSeparator, key...): one column per key.
  r.add(tableFunction("MULTI_KEYVALUE",
                      {varying({stringArg(), stringArg(), stringArg(), stringArg()}, stringArg(),
                               stringColumns([](const CallArgs& a) { return a.size() - 3; }))}));
}

}  // namespace sluice::builtin
