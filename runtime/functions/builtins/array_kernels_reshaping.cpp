// Array functions that rearrange elements:
//  - ARRAY_REVERSE(array);
//  - ARRAY_SLICE(array, start[, end]): elements start..end inclusive, 1-based; 0 is the
//    beginning too, negative offsets count from the end (-1 is the last element), `end` defaults
//    to the last element; offsets beyond the array are clamped to it, and a start after the end
//    gives an empty array;
//  - ARRAY_CONCAT(array, ...): the elements of each array in turn;
//  - ARRAY_APPEND(array, element), ARRAY_PREPEND(array, element): one more element at the end or
//    the beginning, NULL included.
// A NULL array (or offset) gives NULL.
#include <algorithm>

#include "runtime/data/vector_copy.h"
#include "runtime/functions/builtins/builtin_library.h"
#include "runtime/functions/builtins/nested_elements.h"

namespace sluice::runtime::builtins {
namespace {

void arrayReverse(FunctionCall&, const Vector* const* arguments, int, const int32_t* rows,
                  int rowCount, Vector& out) {
  const Vector& array = *arguments[0];
  std::vector<int32_t> positions;
  for (int k = 0; k < rowCount; ++k) {
    const int32_t row = rows[k];
    positions.clear();
    const int first = array.offsets()[row];
    for (int i = first + array.sizes()[row] - 1; i >= first; --i) positions.push_back(i);
    appendArray(out, row, array.children()[0], positions);
  }
}

// The 1-based position an ARRAY_SLICE offset names in an array of `size` elements (before
// clamping): negative offsets count from the end, 0 is the beginning.
int64_t slicePosition(int64_t offset, int size) {
  if (offset < 0) offset += size + 1;
  return offset == 0 ? 1 : offset;
}

void arraySlice(FunctionCall&, const Vector* const* arguments, int argumentCount,
                const int32_t* rows, int rowCount, Vector& out) {
  const Vector& array = *arguments[0];
  std::vector<int32_t> positions;
  for (int k = 0; k < rowCount; ++k) {
    const int32_t row = rows[k];
    const int size = array.sizes()[row];
    const int64_t start = std::max<int64_t>(1, slicePosition(integerAt(*arguments[1], row), size));
    const int64_t end =
        argumentCount > 2
            ? std::min<int64_t>(size, slicePosition(integerAt(*arguments[2], row), size))
            : size;
    positions.clear();
    const int first = array.offsets()[row];
    for (int64_t p = start; p <= end; ++p) positions.push_back(first + static_cast<int>(p) - 1);
    appendArray(out, row, array.children()[0], positions);
  }
}

void arrayConcat(FunctionCall&, const Vector* const* arguments, int argumentCount,
                 const int32_t* rows, int rowCount, Vector& out) {
  for (int k = 0; k < rowCount; ++k) {
    const int32_t row = rows[k];
    int size = 0;
    for (int a = 0; a < argumentCount; ++a) size += arguments[a]->sizes()[row];
    int at = appendCollection(out, row, size);
    for (int a = 0; a < argumentCount; ++a) {
      const Vector& array = *arguments[a];
      copyRows(array.children()[0], array.offsets()[row], array.sizes()[row], out.children()[0],
               at);
      at += array.sizes()[row];
    }
  }
}

template <bool AtEnd>
void arrayAdd(FunctionCall&, const Vector* const* arguments, int, const int32_t* rows, int rowCount,
              Vector& out) {
  const Vector& array = *arguments[0];
  for (int k = 0; k < rowCount; ++k) {
    const int32_t row = rows[k];
    if (array.isNull(row)) {
      setNullValue(out, row);
      continue;
    }
    const int size = array.sizes()[row];
    const int first = appendCollection(out, row, size + 1);
    Vector& elements = out.children()[0];
    copyRows(array.children()[0], array.offsets()[row], size, elements, AtEnd ? first : first + 1);
    copyValue(*arguments[1], row, elements, AtEnd ? first + size : first);
  }
}

// The result's elements are copied from every array argument and the added element.
std::string bindArrayParts(CallSite& site) {
  for (const DataType& argument : site.argumentTypes) {
    std::string error = argument.kind() == TypeKind::Array
                            ? checkElementsFit(argument, site.resultType)
                        : copiesInto(argument, site.resultType.elementType())
                            ? std::string()
                            : argument.toString() + " does not fit " + site.resultType.toString();
    if (!error.empty()) return error;
  }
  return {};
}

ScalarKernel arrayResult(ScalarKernel kernel) {
  kernel.bind = &bindArrayParts;
  return kernel;
}

}  // namespace

void registerArrayReshaping(ScalarFunctionRegistry& registry) {
  const Accepts arrays = Accepts::arrays();
  const Accepts integers = Accepts::integers();
  registry.add(arrayResult(nestedKernel("ARRAY_REVERSE", {arrays}, arrays, &arrayReverse)));
  registry.add(arrayResult(nestedKernel("ARRAY_SLICE", {arrays, integers}, arrays, &arraySlice)));
  registry.add(
      arrayResult(nestedKernel("ARRAY_SLICE", {arrays, integers, integers}, arrays, &arraySlice)));
  registry.add(arrayResult(variadicNestedKernel("ARRAY_CONCAT", arrays, arrays, &arrayConcat)));
  for (auto [name, entry] :
       {std::pair{"ARRAY_APPEND", &arrayAdd<true>}, std::pair{"ARRAY_PREPEND", &arrayAdd<false>}}) {
    ScalarKernel kernel = arrayResult(nestedKernel(name, {arrays, Accepts::any()}, arrays, entry));
    kernel.handlesNulls = true;
    registry.add(std::move(kernel));
  }
}

}  // namespace sluice::runtime::builtins
