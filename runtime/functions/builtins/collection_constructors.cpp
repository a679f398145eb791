// The value constructors ARRAY[v1, ...], MAP[k1, v1, ...] and ROW(v1, ...) (also `(v1, v2)`):
// nested kernels that see NULL arguments, which become NULL elements, values or fields; the
// result itself is never NULL. MAP keeps each key once, at its first position, with the value of
// its last occurrence (Flink builds the map by putting the pairs in order).
#include <string>
#include <vector>

#include "runtime/functions/builtins/builtin_library.h"
#include "runtime/functions/builtins/nested_elements.h"

namespace sluice::runtime::builtins {
namespace {

// Every argument must copy into the part of the result it becomes.
std::string bindParts(CallSite& site) {
  const DataType& result = site.resultType;
  for (size_t i = 0; i < site.argumentTypes.size(); ++i) {
    const DataType* part = nullptr;
    switch (result.kind()) {
      case TypeKind::Row:
        if (i >= result.fields().size()) return "more values than the ROW has fields";
        part = result.fields()[i].type.get();
        break;
      case TypeKind::Map: part = i % 2 == 0 ? &result.keyType() : &result.valueType(); break;
      default: part = &result.elementType(); break;
    }
    if (!copiesInto(site.argumentTypes[i], *part)) {
      return "argument " + std::to_string(i + 1) + " of type " + site.argumentTypes[i].toString() +
             " does not fit " + part->toString();
    }
  }
  if (result.kind() == TypeKind::Map && site.argumentTypes.size() % 2 != 0) {
    return "MAP takes keys and values in pairs";
  }
  return {};
}

void arrayOf(FunctionCall&, const Vector* const* arguments, int argumentCount, const int32_t* rows,
             int rowCount, Vector& out) {
  for (int k = 0; k < rowCount; ++k) {
    const int32_t row = rows[k];
    const int first = appendCollection(out, row, argumentCount);
    Vector& elements = out.children()[0];
    for (int i = 0; i < argumentCount; ++i) copyValue(*arguments[i], row, elements, first + i);
  }
}

void mapOf(FunctionCall&, const Vector* const* arguments, int argumentCount, const int32_t* rows,
           int rowCount, Vector& out) {
  const int pairs = argumentCount / 2;
  std::vector<int> keys;    // per distinct key: the pair it first appears in
  std::vector<int> values;  // per distinct key: the pair whose value it keeps (its last)
  for (int k = 0; k < rowCount; ++k) {
    const int32_t row = rows[k];
    keys.clear();
    values.clear();
    for (int p = 0; p < pairs; ++p) {
      size_t same = 0;
      while (same < keys.size() &&
             !sameElement(*arguments[2 * keys[same]], row, *arguments[2 * p], row)) {
        ++same;
      }
      if (same == keys.size()) {
        keys.push_back(p);
        values.push_back(p);
      } else {
        values[same] = p;
      }
    }
    const int size = static_cast<int>(keys.size());
    const int first = appendCollection(out, row, size);
    for (int i = 0; i < size; ++i) {
      copyValue(*arguments[2 * keys[i]], row, out.children()[0], first + i);
      copyValue(*arguments[2 * values[i] + 1], row, out.children()[1], first + i);
    }
  }
}

void rowOf(FunctionCall&, const Vector* const* arguments, int argumentCount, const int32_t* rows,
           int rowCount, Vector& out) {
  for (int k = 0; k < rowCount; ++k) {
    const int32_t row = rows[k];
    out.setNull(row, false);
    for (int f = 0; f < argumentCount; ++f) copyValue(*arguments[f], row, out.children()[f], row);
  }
}

ScalarKernel constructor(std::string name, TypeKind kind, NestedEntry entry) {
  ScalarKernel kernel =
      variadicNestedKernel(std::move(name), Accepts::any(), Accepts::kind(kind), entry);
  kernel.handlesNulls = true;
  kernel.bind = &bindParts;
  return kernel;
}

}  // namespace

void registerCollectionConstructors(ScalarFunctionRegistry& registry) {
  registry.add(constructor("ARRAY", TypeKind::Array, &arrayOf));
  registry.add(constructor("MAP", TypeKind::Map, &mapOf));
  registry.add(constructor("ROW", TypeKind::Row, &rowOf));
}

}  // namespace sluice::runtime::builtins
