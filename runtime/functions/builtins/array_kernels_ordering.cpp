// Array functions that order or join elements:
//  - ARRAY_MAX(array), ARRAY_MIN(array): the largest or smallest non-NULL element; NULL for an
//    array without one;
//  - ARRAY_SORT(array[, ascending[, nullsFirst]]): the elements in order, ascending by default;
//    NULLs go first when ascending and last when descending unless `nullsFirst` says otherwise;
//  - ARRAY_JOIN(array, delimiter[, nullReplacement]): the string elements separated by
//    `delimiter`, NULL elements left out or replaced by `nullReplacement`.
// Elements order as compareElements does (strings byte-wise). Any NULL argument gives NULL.
#include <algorithm>
#include <string>

#include "runtime/functions/builtins/builtin_library.h"
#include "runtime/functions/builtins/nested_elements.h"

namespace sluice::runtime::builtins {
namespace {

template <bool Largest>
void arrayExtreme(FunctionCall&, const Vector* const* arguments, int, const int32_t* rows,
                  int rowCount, Vector& out) {
  const Vector& array = *arguments[0];
  const Vector& elements = array.children()[0];
  for (int k = 0; k < rowCount; ++k) {
    const int32_t row = rows[k];
    const int first = array.offsets()[row];
    int best = -1;
    for (int i = first; i < first + array.sizes()[row]; ++i) {
      if (elements.isNull(i)) continue;
      const int order = best < 0 ? 0 : compareElements(elements, i, elements, best);
      if (best < 0 || (Largest ? order > 0 : order < 0)) best = i;
    }
    if (best < 0) {
      setNullValue(out, row);
    } else {
      copyValue(elements, best, out, row);
    }
  }
}

void arraySort(FunctionCall&, const Vector* const* arguments, int argumentCount,
               const int32_t* rows, int rowCount, Vector& out) {
  const Vector& array = *arguments[0];
  const Vector& elements = array.children()[0];
  std::vector<int32_t> positions;
  for (int k = 0; k < rowCount; ++k) {
    const int32_t row = rows[k];
    const bool ascending = argumentCount < 2 || booleanAt(*arguments[1], row);
    const bool nullsFirst = argumentCount < 3 ? ascending : booleanAt(*arguments[2], row);
    positions.clear();
    const int first = array.offsets()[row];
    for (int i = first; i < first + array.sizes()[row]; ++i) positions.push_back(i);
    std::stable_sort(positions.begin(), positions.end(), [&](int32_t a, int32_t b) {
      const bool nullA = elements.isNull(a);
      const bool nullB = elements.isNull(b);
      if (nullA || nullB) return nullA != nullB && nullA == nullsFirst;
      const int order = compareElements(elements, a, elements, b);
      return ascending ? order < 0 : order > 0;
    });
    appendArray(out, row, elements, positions);
  }
}

void arrayJoin(FunctionCall& call, const Vector* const* arguments, int argumentCount,
               const int32_t* rows, int rowCount, Vector& out) {
  const Vector& array = *arguments[0];
  const Vector& elements = array.children()[0];
  auto* results = out.values<StringRef>();
  std::string text;
  for (int k = 0; k < rowCount; ++k) {
    const int32_t row = rows[k];
    const std::string_view delimiter = stringAt(*arguments[1], row).view();
    text.clear();
    bool any = false;
    const int first = array.offsets()[row];
    for (int i = first; i < first + array.sizes()[row]; ++i) {
      const bool isNull = elements.physicalType() == PhysicalType::Null || elements.isNull(i);
      if (isNull && argumentCount < 3) continue;
      if (any) text += delimiter;
      any = true;
      text += isNull ? stringAt(*arguments[2], row).view() : stringAt(elements, i).view();
    }
    results[row] = call.arena().copy(text);
  }
}

std::string bindOrderable(CallSite& site) {
  const DataType& element = site.argumentTypes[0].elementType();
  if (element.kind() == TypeKind::Null || isOrderable(element)) return {};
  return "elements of type " + element.toString() + " cannot be ordered";
}

std::string bindExtreme(CallSite& site) {
  std::string error = bindOrderable(site);
  if (!error.empty()) return error;
  if (copiesInto(site.argumentTypes[0].elementType(), site.resultType)) return {};
  return "cannot return " + site.argumentTypes[0].elementType().toString() + " as " +
         site.resultType.toString();
}

std::string bindSort(CallSite& site) {
  std::string error = bindOrderable(site);
  return error.empty() ? checkElementsFit(site.argumentTypes[0], site.resultType) : error;
}

std::string bindJoin(CallSite& site) {
  const DataType& element = site.argumentTypes[0].elementType();
  if (element.kind() == TypeKind::Null || element.isCharacterString()) return {};
  return "elements of type " + element.toString() + " are not strings";
}

ScalarKernel withBind(ScalarKernel kernel, std::string (*bind)(CallSite&)) {
  kernel.bind = bind;
  return kernel;
}

}  // namespace

void registerArrayOrdering(ScalarFunctionRegistry& registry) {
  const Accepts arrays = Accepts::arrays();
  const Accepts booleans = Accepts::kind(TypeKind::Boolean);
  const Accepts strings = Accepts::strings();
  for (auto [name, entry] : {std::pair{"ARRAY_MAX", &arrayExtreme<true>},
                             std::pair{"ARRAY_MIN", &arrayExtreme<false>}}) {
    ScalarKernel kernel =
        withBind(nestedKernel(name, {arrays}, Accepts::any(), entry), &bindExtreme);
    kernel.mayReturnNull = true;
    registry.add(std::move(kernel));
  }
  registry.add(withBind(nestedKernel("ARRAY_SORT", {arrays}, arrays, &arraySort), &bindSort));
  registry.add(
      withBind(nestedKernel("ARRAY_SORT", {arrays, booleans}, arrays, &arraySort), &bindSort));
  registry.add(withBind(
      nestedKernel("ARRAY_SORT", {arrays, booleans, booleans}, arrays, &arraySort), &bindSort));
  registry.add(
      withBind(nestedKernel("ARRAY_JOIN", {arrays, strings}, strings, &arrayJoin), &bindJoin));
  registry.add(withBind(nestedKernel("ARRAY_JOIN", {arrays, strings, strings}, strings, &arrayJoin),
                        &bindJoin));
}

}  // namespace sluice::runtime::builtins
