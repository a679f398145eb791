// Flink's type and catalog helpers (docs: "Type Conversion Functions", "Catalog Functions"):
// TYPEOF and CURRENT_DATABASE. CAST and TRY_CAST are typed by the binder with
// canCastExplicitly.
#include "compiler/functions/builtin_families.h"
#include "compiler/functions/signature_builders.h"

namespace sluice::builtin {

void registerSystemFunctions(FunctionRegistry& r) {
  // TYPEOF(x [, forceSerializable]): the summary string of x's type.
  r.add(scalar("TYPEOF", {sig({anyArg()}, explicitType(DataType::string())),
                          sig({anyArg(), booleanArg()}, explicitType(DataType::string()))}));
  r.add(nonDeterministic(
      scalar("CURRENT_DATABASE", {sig({}, explicitType(DataType::string().notNull()))})));
}

}  // namespace sluice::builtin
