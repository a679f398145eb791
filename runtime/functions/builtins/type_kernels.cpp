// TYPEOF(input [, forceSerializable]): the summary string of the input's SQL type, as Flink's
// LogicalType.asSummaryString ("INT NOT NULL", "CHAR(3) NOT NULL", "DECIMAL(2, 1)", "STRING",
// "TIMESTAMP(3) *ROWTIME*"). The type is the call site's, so the string is made once when the call
// is bound; the kernels are variadic so that a NULL input still has a type. A variadic kernel's
// arguments share one storage, so the two-argument form only has kernels for BOOLEAN input,
// whose serializable string is its summary. Nested inputs (ROW, ARRAY, MAP) have no kernel.
#include <string>

#include "runtime/functions/builtins/builtin_library.h"
#include "runtime/functions/builtins/string_kernel_utf8.h"

namespace sluice::runtime::builtins {
namespace {

// Flink names intervals with their default leading precisions.
std::string summaryOf(const DataType& type) {
  const std::string nullability = type.nullable() ? "" : " NOT NULL";
  switch (type.kind()) {
    case TypeKind::IntervalYearMonth: return "INTERVAL YEAR(2) TO MONTH" + nullability;
    case TypeKind::IntervalDayTime:
      return "INTERVAL DAY(2) TO SECOND(" + std::to_string(type.precision()) + ")" + nullability;
    default: return type.toString();
  }
}

std::string bindSummary(CallSite& site) {
  if (site.argumentTypes.empty()) return "TYPEOF takes an argument";
  site.state = summaryOf(site.argumentTypes[0]);
  return {};
}

template <typename T>
StringRef typeOf(FunctionCall& call, const T*, const uint8_t*, int32_t) {
  return resultString(call, call.state<std::string>());
}

template <typename T>
void addTypeOf(ScalarFunctionRegistry& registry, AbiType storage = AbiType::Void) {
  ScalarKernel kernel = variadicKernel<&typeOf<T>>("TYPEOF", Accepts::any(), Accepts::strings());
  kernel.mayReturnNull = false;
  kernel.bind = &bindSummary;
  if (storage != AbiType::Void) kernel.variadicElement = storage;
  registry.add(std::move(kernel));
}

}  // namespace

void registerTypeOf(ScalarFunctionRegistry& registry) {
  addTypeOf<int8_t>(registry);
  addTypeOf<int16_t>(registry);
  addTypeOf<int32_t>(registry);
  addTypeOf<int64_t>(registry);
  addTypeOf<int128_t>(registry);
  addTypeOf<float>(registry);
  addTypeOf<double>(registry);
  addTypeOf<StringRef>(registry);
  // BOOLEAN is stored as one byte, 0 or 1: read as int8_t, declared with the BOOLEAN storage.
  addTypeOf<int8_t>(registry, AbiType::Bool);
}

}  // namespace sluice::runtime::builtins
