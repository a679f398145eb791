// Flink's string functions for regular expressions, splitting and URLs (docs: "String
// Functions"): REGEXP_*, SPLIT_INDEX, SPLIT, STR_TO_MAP, PARSE_URL, URL_ENCODE/URL_DECODE.
#include "compiler/functions/builtin_families.h"
#include "compiler/functions/signature_builders.h"

namespace sluice::builtin {

void registerPatternFunctions(FunctionRegistry& r) {
  const DataType str = DataType::string();
  const DataType integer = DataType::integer();

  r.add(scalar("REGEXP", {sig({stringArg(), stringArg()}, nullableIfArgs(DataType::boolean()))}));
  r.add(scalar("REGEXP_REPLACE",
               {sig({stringArg(), stringArg(), stringArg()}, nullableIfArgs(str))}));
  r.add(scalar("REGEXP_EXTRACT",
               {sig({stringArg(), stringArg()}, forceNullable(str)),
                sig({stringArg(), stringArg(), integerArg()}, forceNullable(str))}));
  r.add(
      scalar("REGEXP_EXTRACT_ALL",
             {sig({stringArg(), stringArg()}, forceNullable(DataType::array(str))),
              sig({stringArg(), stringArg(), integerArg()}, forceNullable(DataType::array(str)))}));
  r.add(scalar("REGEXP_COUNT", {sig({stringArg(), stringArg()}, forceNullable(integer))}));
  r.add(scalar("REGEXP_INSTR", {sig({stringArg(), stringArg()}, forceNullable(integer))}));
  r.add(scalar("REGEXP_SUBSTR", {sig({stringArg(), stringArg()}, forceNullable(str))}));

  // SPLIT_INDEX(s, separator, index); the separator may also be given as a character code.
  r.add(
      scalar("SPLIT_INDEX", {sig({stringArg(), stringArg(), integerArg()}, forceNullable(str)),
                             sig({stringArg(), integerArg(), integerArg()}, forceNullable(str))}));
  r.add(scalar("SPLIT", {sig({stringArg(), stringArg()}, nullableIfArgs(DataType::array(str)))}));
  const DataType stringMap = DataType::map(str, str);
  r.add(scalar("STR_TO_MAP",
               {sig({stringArg()}, nullableIfArgs(stringMap)),
                sig({stringArg(), stringArg(), stringArg()}, nullableIfArgs(stringMap))}));

  r.add(scalar("PARSE_URL", {sig({stringArg(), stringArg()}, forceNullable(str)),
                             sig({stringArg(), stringArg(), stringArg()}, forceNullable(str))}));
  r.add(scalar("URL_ENCODE", {sig({stringArg()}, forceNullable(str))}));
  r.add(scalar("URL_DECODE", {sig({stringArg()}, forceNullable(str))}));
}

}  // namespace sluice::builtin
