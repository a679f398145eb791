// Map functions, as Flink:
//  - MAP_KEYS(map), MAP_VALUES(map): the keys or values as an array, in the map's order;
//  - MAP_ENTRIES(map): ARRAY<ROW<key, value>>, one row per entry;
//  - MAP_FROM_ARRAYS(keys, values): the map pairing them up; arrays of different lengths fail the
//    job; a repeated key keeps its first position and its last value;
//  - MAP_UNION(map, ...): every entry, a later map's value replacing an earlier one's for the
//    same key.
// Any NULL argument gives NULL.
#include <string>
#include <vector>

#include "runtime/data/vector_copy.h"
#include "runtime/functions/builtins/builtin_library.h"
#include "runtime/functions/builtins/nested_elements.h"

namespace sluice::runtime::builtins {
namespace {

// MAP_KEYS (child 0) or MAP_VALUES (child 1).
template <int Child>
void mapPart(FunctionCall&, const Vector* const* arguments, int, const int32_t* rows, int rowCount,
             Vector& out) {
  const Vector& map = *arguments[0];
  for (int k = 0; k < rowCount; ++k) {
    const int32_t row = rows[k];
    const int size = map.sizes()[row];
    const int first = appendCollection(out, row, size);
    copyRows(map.children()[Child], map.offsets()[row], size, out.children()[0], first);
  }
}

void mapEntries(FunctionCall&, const Vector* const* arguments, int, const int32_t* rows,
                int rowCount, Vector& out) {
  const Vector& map = *arguments[0];
  for (int k = 0; k < rowCount; ++k) {
    const int32_t row = rows[k];
    const int size = map.sizes()[row];
    const int first = appendCollection(out, row, size);
    Vector& entries = out.children()[0];
    for (int i = 0; i < size; ++i) entries.setNull(first + i, false);
    for (int c = 0; c < 2; ++c) {
      copyRows(map.children()[c], map.offsets()[row], size, entries.children()[c], first);
    }
  }
}

// Entries gathered from several sources for one map: each key once, at its first position, with
// its last value.
class EntryList {
 public:
  void clear() {
    keys_.clear();
    values_.clear();
  }
  void put(const Vector& keys, int key, const Vector& values, int value) {
    for (size_t i = 0; i < keys_.size(); ++i) {
      if (sameElement(*keys_[i].first, keys_[i].second, keys, key)) {
        values_[i] = {&values, value};
        return;
      }
    }
    keys_.emplace_back(&keys, key);
    values_.emplace_back(&values, value);
  }
  void write(Vector& out, int row) const {
    const int first = appendCollection(out, row, static_cast<int>(keys_.size()));
    for (size_t i = 0; i < keys_.size(); ++i) {
      const int at = first + static_cast<int>(i);
      copyValue(*keys_[i].first, keys_[i].second, out.children()[0], at);
      copyValue(*values_[i].first, values_[i].second, out.children()[1], at);
    }
  }

 private:
  std::vector<std::pair<const Vector*, int>> keys_;
  std::vector<std::pair<const Vector*, int>> values_;
};

void mapFromArrays(FunctionCall& call, const Vector* const* arguments, int, const int32_t* rows,
                   int rowCount, Vector& out) {
  const Vector& keys = *arguments[0];
  const Vector& values = *arguments[1];
  EntryList entries;
  for (int k = 0; k < rowCount; ++k) {
    const int32_t row = rows[k];
    const int size = keys.sizes()[row];
    if (size != values.sizes()[row]) {
      setNullValue(out, row);
      call.fail("the keys array has " + std::to_string(size) + " elements but the values array " +
                std::to_string(values.sizes()[row]));
      continue;
    }
    entries.clear();
    for (int i = 0; i < size; ++i) {
      entries.put(keys.children()[0], keys.offsets()[row] + i, values.children()[0],
                  values.offsets()[row] + i);
    }
    entries.write(out, row);
  }
}

void mapUnion(FunctionCall&, const Vector* const* arguments, int argumentCount, const int32_t* rows,
              int rowCount, Vector& out) {
  EntryList entries;
  for (int k = 0; k < rowCount; ++k) {
    const int32_t row = rows[k];
    entries.clear();
    for (int a = 0; a < argumentCount; ++a) {
      const Vector& map = *arguments[a];
      const int first = map.offsets()[row];
      for (int i = first; i < first + map.sizes()[row]; ++i) {
        entries.put(map.children()[0], i, map.children()[1], i);
      }
    }
    entries.write(out, row);
  }
}

std::string fits(const DataType& from, const DataType& to) {
  if (copiesInto(from, to)) return {};
  return from.toString() + " does not fit " + to.toString();
}

enum class MapPart { Keys, Values, Entries };

template <MapPart Part>
std::string bindMapPart(CallSite& site) {
  const DataType& map = site.argumentTypes[0];
  const DataType& element = site.resultType.elementType();
  if constexpr (Part == MapPart::Keys) return fits(map.keyType(), element);
  if constexpr (Part == MapPart::Values) return fits(map.valueType(), element);
  if (element.kind() != TypeKind::Row || element.fields().size() != 2) {
    return "cannot return the entries as " + site.resultType.toString();
  }
  std::string error = fits(map.keyType(), *element.fields()[0].type);
  return error.empty() ? fits(map.valueType(), *element.fields()[1].type) : error;
}

std::string bindFromArrays(CallSite& site) {
  std::string error = fits(site.argumentTypes[0].elementType(), site.resultType.keyType());
  return error.empty() ? fits(site.argumentTypes[1].elementType(), site.resultType.valueType())
                       : error;
}

std::string bindUnion(CallSite& site) {
  for (const DataType& map : site.argumentTypes) {
    std::string error = fits(map, site.resultType);
    if (!error.empty()) return error;
  }
  return {};
}

ScalarKernel withBind(ScalarKernel kernel, std::string (*bind)(CallSite&)) {
  kernel.bind = bind;
  return kernel;
}

}  // namespace

void registerMaps(ScalarFunctionRegistry& registry) {
  const Accepts maps = Accepts::maps();
  const Accepts arrays = Accepts::arrays();
  registry.add(
      withBind(nestedKernel("MAP_KEYS", {maps}, arrays, &mapPart<0>), &bindMapPart<MapPart::Keys>));
  registry.add(withBind(nestedKernel("MAP_VALUES", {maps}, arrays, &mapPart<1>),
                        &bindMapPart<MapPart::Values>));
  registry.add(withBind(nestedKernel("MAP_ENTRIES", {maps}, arrays, &mapEntries),
                        &bindMapPart<MapPart::Entries>));
  registry.add(withBind(nestedKernel("MAP_FROM_ARRAYS", {arrays, arrays}, maps, &mapFromArrays),
                        &bindFromArrays));
  registry.add(withBind(variadicNestedKernel("MAP_UNION", maps, maps, &mapUnion), &bindUnion));
}

}  // namespace sluice::runtime::builtins
