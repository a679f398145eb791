// CARDINALITY, element access `array[i]` and value access `map[key]` (the binder's ITEM), and
// ELEMENT, as Flink:
//  - CARDINALITY(array | multiset | map): the number of elements (a multiset counts repeats) or
//    entries;
//  - array[i]: 1-based; NULL for i <= 0 or i > CARDINALITY (Flink 1.15+ generated code checks
//    the bounds and yields NULL rather than failing);
//  - map[key]: the value of `key`, NULL when the map has no such key;
//  - ELEMENT(array): the sole element, NULL for an empty array, and the job fails for an array of
//    more than one element.
// A NULL collection, index or key gives NULL.
#include "runtime/functions/builtins/builtin_library.h"
#include "runtime/functions/builtins/nested_elements.h"

namespace sluice::runtime::builtins {
namespace {

void cardinality(FunctionCall&, const Vector* const* arguments, int, const int32_t* rows,
                 int rowCount, Vector& out) {
  const Vector& collection = *arguments[0];
  auto* counts = out.values<int32_t>();
  for (int k = 0; k < rowCount; ++k) counts[rows[k]] = collection.sizes()[rows[k]];
}

void arrayItem(FunctionCall&, const Vector* const* arguments, int, const int32_t* rows,
               int rowCount, Vector& out) {
  const Vector& array = *arguments[0];
  for (int k = 0; k < rowCount; ++k) {
    const int32_t row = rows[k];
    const int64_t index = integerAt(*arguments[1], row);
    if (index < 1 || index > array.sizes()[row]) {
      setNullValue(out, row);
      continue;
    }
    copyValue(array.children()[0], array.offsets()[row] + static_cast<int>(index) - 1, out, row);
  }
}

void mapItem(FunctionCall&, const Vector* const* arguments, int, const int32_t* rows, int rowCount,
             Vector& out) {
  const Vector& map = *arguments[0];
  const Vector& keys = map.children()[0];
  for (int k = 0; k < rowCount; ++k) {
    const int32_t row = rows[k];
    const int first = map.offsets()[row];
    const int end = first + map.sizes()[row];
    int found = first;
    while (found < end && !sameElement(keys, found, *arguments[1], row)) ++found;
    if (found == end) {
      setNullValue(out, row);
    } else {
      copyValue(map.children()[1], found, out, row);
    }
  }
}

void element(FunctionCall& call, const Vector* const* arguments, int, const int32_t* rows,
             int rowCount, Vector& out) {
  const Vector& array = *arguments[0];
  for (int k = 0; k < rowCount; ++k) {
    const int32_t row = rows[k];
    const int size = array.sizes()[row];
    if (size == 1) {
      copyValue(array.children()[0], array.offsets()[row], out, row);
      continue;
    }
    setNullValue(out, row);
    if (size > 1) call.fail("array has more than one element");
  }
}

// The result of ITEM and ELEMENT is an element (or value) of the argument, copied as it is.
std::string bindElementResult(CallSite& site) {
  const DataType& collection = site.argumentTypes[0];
  const DataType& part =
      collection.kind() == TypeKind::Map ? collection.valueType() : collection.elementType();
  if (copiesInto(part, site.resultType)) return {};
  return "cannot return " + part.toString() + " as " + site.resultType.toString();
}

ScalarKernel accessKernel(std::string name, std::vector<Accepts> arguments, NestedEntry entry) {
  ScalarKernel kernel = nestedKernel(std::move(name), std::move(arguments), Accepts::any(), entry);
  kernel.mayReturnNull = true;
  kernel.bind = &bindElementResult;
  return kernel;
}

}  // namespace

void registerCollectionAccess(ScalarFunctionRegistry& registry) {
  registry.add(nestedKernel("CARDINALITY", {Accepts::collections()}, Accepts::kind(TypeKind::Int),
                            &cardinality));
  registry.add(accessKernel("ITEM", {Accepts::arrays(), Accepts::integers()}, &arrayItem));
  registry.add(accessKernel("ITEM", {Accepts::maps(), Accepts::any()}, &mapItem));
  registry.add(accessKernel("ELEMENT", {Accepts::arrays()}, &element));
}

}  // namespace sluice::runtime::builtins
