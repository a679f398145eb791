// Flink's hash functions (docs: "Hash Functions"): MD5 and SHA* return fixed-length hex strings
// (CHAR(n)), SHA2 a VARCHAR(128); plus Flink's HASH_CODE.
#include "compiler/functions/builtin_families.h"
#include "compiler/functions/signature_builders.h"

namespace sluice::builtin {

void registerHashFunctions(FunctionRegistry& r) {
  const std::pair<const char*, int32_t> digests[] = {
      {"MD5", 32}, {"SHA1", 40}, {"SHA224", 56}, {"SHA256", 64}, {"SHA384", 96}, {"SHA512", 128}};
  for (const auto& [name, hexLength] : digests) {
    r.add(scalar(name, {sig({stringArg()}, nullableIfArgs(DataType::charType(hexLength)))}));
  }
  // SHA2(s, bitLength), bitLength one of 224, 256, 384, 512 (0 means 256).
  r.add(scalar("SHA2", {sig({stringArg(), integerArg()}, nullableIfArgs(DataType::varchar(128)))}));

  const DataType integer = DataType::integer();
  r.add(scalar(
      "HASH_CODE",
      {sig({booleanArg()}, nullableIfArgs(integer)), sig({numericArg()}, nullableIfArgs(integer)),
       sig({stringArg()}, nullableIfArgs(integer)), sig({timestampArg()}, nullableIfArgs(integer)),
       sig({timeArg()}, nullableIfArgs(integer)), sig({dateArg()}, nullableIfArgs(integer))}));
}

}  // namespace sluice::builtin
