// Flink's string functions (docs: "String Functions"), typed as FlinkSqlOperatorTable / Calcite
// type them in SQL. Regular expressions, splitting and URLs are in builtin_pattern_functions.cpp.
#include <algorithm>

#include "compiler/functions/builtin_families.h"
#include "compiler/functions/signature_builders.h"

namespace sluice::builtin {
namespace {

// OVERLAY(s1 PLACING s2 ...): VARCHAR(len(s1) + len(s2)), as Calcite's
// DYADIC_STRING_SUM_PRECISION_NULLABLE_VARYING.
ResultRule summedLength() {
  return [](const CallArgs& args) -> Result<DataType> {
    const int64_t length =
        static_cast<int64_t>(args.type(0).length()) + static_cast<int64_t>(args.type(1).length());
    const int64_t capped = std::min<int64_t>(length, DataType::kMaxLength);
    return DataType::varchar(static_cast<int32_t>(std::max<int64_t>(capped, 1)));
  };
}

std::vector<Signature> substringSignatures() {
  return {sig({stringArg(), integerArg()}, forceNullable(varyingString(argType(0)))),
          sig({stringArg(), integerArg(), integerArg()}, forceNullable(varyingString(argType(0))))};
}

std::vector<Signature> trimSignatures() {
  // TRIM([BOTH | LEADING | TRAILING] [characters] FROM s): the binder passes the keyword (when
  // written) and the characters (when written) before s.
  const ArgSpec side = symbolArg("BOTH|LEADING|TRAILING", {"BOTH", "LEADING", "TRAILING"});
  return {sig({stringArg()}, nullableIfArgs(varyingString(argType(0)))),
          sig({side, stringArg()}, nullableIfArgs(varyingString(argType(1)))),
          sig({stringArg(), stringArg()}, nullableIfArgs(varyingString(argType(1)))),
          sig({side, stringArg(), stringArg()}, nullableIfArgs(varyingString(argType(2))))};
}

std::vector<Signature> sideTrimSignatures() {
  return {sig({stringArg()}, nullableIfArgs(varyingString(argType(0)))),
          sig({stringArg(), stringArg()}, nullableIfArgs(varyingString(argType(0))))};
}

}  // namespace

void registerStringFunctions(FunctionRegistry& r) {
  const DataType str = DataType::string();
  const DataType integer = DataType::integer();

  for (const char* name : {"CHAR_LENGTH", "CHARACTER_LENGTH"}) {
    r.add(scalar(name, {sig({stringArg()}, nullableIfArgs(integer))}));
  }
  for (const char* name : {"UPPER", "LOWER", "INITCAP"}) {
    r.add(scalar(name, {sig({stringArg()}, nullableIfArgs(argType(0)))}));
  }
  r.add(
      scalar("POSITION", {sig({stringArg(), stringArg()}, nullableIfArgs(integer)),
                          sig({stringArg(), stringArg(), integerArg()}, nullableIfArgs(integer))}));
  r.add(scalar("TRIM", trimSignatures()));
  r.add(scalar("LTRIM", sideTrimSignatures()));
  r.add(scalar("RTRIM", sideTrimSignatures()));
  r.add(scalar("BTRIM", {sig({stringArg()}, nullableIfArgs(str)),
                         sig({stringArg(), stringArg()}, nullableIfArgs(str))}));
  r.add(scalar("REPEAT", {sig({stringArg(), integerArg()}, nullableIfArgs(str))}));
  r.add(scalar("OVERLAY",
               {sig({stringArg(), stringArg(), integerArg()}, nullableIfArgs(summedLength())),
                sig({stringArg(), stringArg(), integerArg(), integerArg()},
                    nullableIfArgs(summedLength()))}));
  r.add(scalar("SUBSTRING", substringSignatures()));
  r.add(scalar("SUBSTR", substringSignatures()));
  r.add(
      scalar("LEFT", {sig({stringArg(), integerArg()}, forceNullable(varyingString(argType(0))))}));
  r.add(scalar("RIGHT",
               {sig({stringArg(), integerArg()}, forceNullable(varyingString(argType(0))))}));
  r.add(scalar("REPLACE", {sig({stringArg(), stringArg(), stringArg()}, nullableIfArgs(str))}));
  r.add(scalar("TRANSLATE", {sig({stringArg(), stringArg(), stringArg()},
                                 nullableIfArg(0, explicitType(str)))}));
  // CONCAT takes character strings (or binary strings); numbers are not converted implicitly.
  r.add(scalar("CONCAT", {varying({stringArg()}, stringArg(), nullableIfArgs(str)),
                          varying({bytesArg()}, bytesArg(), nullableIfArgs(DataType::bytes()))}));
  r.add(scalar("CONCAT_WS", {varying({stringArg()}, stringArg(), nullableIfArgs(str))}));
  r.add(scalar("LPAD", {sig({stringArg(), integerArg(), stringArg()}, nullableIfArgs(str))}));
  r.add(scalar("RPAD", {sig({stringArg(), integerArg(), stringArg()}, nullableIfArgs(str))}));
  r.add(scalar("FROM_BASE64", {sig({stringArg()}, nullableIfArgs(str))}));
  r.add(scalar("TO_BASE64", {sig({stringArg()}, nullableIfArgs(str))}));
  r.add(scalar("ASCII", {sig({stringArg()}, nullableIfArgs(integer))}));
  r.add(scalar("CHR", {sig({integerArg()}, forceNullable(str))}));
  r.add(scalar("DECODE", {sig({bytesArg(), stringArg()}, forceNullable(str))}));
  r.add(scalar("ENCODE", {sig({stringArg(), stringArg()}, forceNullable(DataType::bytes()))}));
  r.add(scalar("INSTR", {sig({stringArg(), stringArg()}, nullableIfArgs(integer)),
                         sig({stringArg(), stringArg(), integerArg()}, nullableIfArgs(integer)),
                         sig({stringArg(), stringArg(), integerArg(), integerArg()},
                             nullableIfArgs(integer))}));
  r.add(scalar("LOCATE", {sig({stringArg(), stringArg()}, nullableIfArgs(integer)),
                          sig({stringArg(), stringArg(), integerArg()}, nullableIfArgs(integer))}));
  r.add(scalar("REVERSE", {sig({stringArg()}, forceNullable(str))}));
  for (const char* name : {"STARTSWITH", "ENDSWITH"}) {
    r.add(scalar(name, {sig({stringArg(), stringArg()}, nullableIfArgs(DataType::boolean())),
                        sig({bytesArg(), bytesArg()}, nullableIfArgs(DataType::boolean()))}));
  }
  r.add(scalar("PRINTF", {varying({stringArg()}, anyArg(), explicitType(str))}));
  // ELT(index, expr...): the expr chosen by a 1-based index, NULL when out of range.
  r.add(scalar(
      "ELT",
      {unified(varying({integerArg(), stringArg()}, stringArg(), forceNullable(commonType())), 1),
       unified(varying({integerArg(), bytesArg()}, bytesArg(), forceNullable(commonType())), 1)}));
}

}  // namespace sluice::builtin
