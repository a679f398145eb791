#include "runtime/functions/table_kernel.h"

#include <algorithm>
#include <cctype>

namespace sluice::runtime {
namespace {

std::string upper(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return text;
}

// UNNEST(collection) [WITH ORDINALITY], as Flink expands it: an ARRAY or MULTISET gives a row per
// element (a ROW element's fields as columns), a MAP a (key, value) row per entry; the ordinality
// is the element's 1-based position. A NULL collection gives no rows.
TableKernel unnest(bool withOrdinality) {
  TableKernel kernel;
  kernel.name = withOrdinality ? "UNNEST WITH ORDINALITY" : "UNNEST";
  kernel.bind = [withOrdinality](const std::vector<DataType>& arguments,
                                 const std::vector<DataType>& /*fields*/,
                                 std::string& error) -> TableEntry {
    if (arguments.size() != 1) {
      error = "UNNEST of several collections at once is not supported; UNNEST each one";
      return {};
    }
    const DataType& type = arguments[0];
    const bool isMap = type.kind() == TypeKind::Map;
    const bool rowElements = !isMap && type.elementType().kind() == TypeKind::Row;
    return [=](TaskContext& /*task*/, const std::vector<Value>& values,
               std::vector<std::vector<Value>>& rows) {
      const Value& collection = values[0];
      if (collection.isNull) return;
      const std::vector<Value>& items = collection.children;
      const size_t step = isMap ? 2 : 1;
      int64_t position = 0;
      for (size_t i = 0; i + step <= items.size(); i += step) {
        std::vector<Value> row;
        if (isMap) {
          row = {items[i], items[i + 1]};
        } else if (rowElements) {
          if (items[i].isNull) {
            row.assign(type.elementType().fields().size(), Value::null());
          } else {
            row = items[i].children;
          }
        } else {
          row = {items[i]};
        }
        if (withOrdinality) row.push_back(Value::ofInteger(++position));
        rows.push_back(std::move(row));
      }
    };
  };
  return kernel;
}

}  // namespace

void TableFunctionRegistry::add(TableKernel kernel) {
  kernel.name = upper(kernel.name);
  kernels_.push_back(std::move(kernel));
}

const TableKernel* TableFunctionRegistry::find(const std::string& name) const {
  const std::string wanted = upper(name);
  for (const TableKernel& kernel : kernels_) {
    if (kernel.name == wanted) return &kernel;
  }
  return nullptr;
}

const TableFunctionRegistry& TableFunctionRegistry::builtins() {
  static const TableFunctionRegistry registry = [] {
    TableFunctionRegistry r;
    r.add(unnest(false));
    r.add(unnest(true));
    return r;
  }();
  return registry;
}

}  // namespace sluice::runtime
