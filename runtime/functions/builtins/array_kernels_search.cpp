// Array functions that look for elements, comparing them as sameElement does (NULL is the same
// as NULL; numbers by value):
//  - ARRAY_CONTAINS(array, needle): whether an element is the needle; a NULL needle looks for a
//    NULL element;
//  - ARRAY_POSITION(array, needle): the 1-based position of the first such element, 0 if none;
//    NULL when either argument is NULL;
//  - ARRAY_REMOVE(array, needle): the array without such elements (a NULL needle removes NULLs);
//  - ARRAY_DISTINCT(array): each element once, at its first position;
//  - ARRAY_UNION(a, b), ARRAY_EXCEPT(a, b), ARRAY_INTERSECT(a, b): the distinct elements of a then
//    b, of a not in b, of a also in b, in the order they first appear.
// A NULL array gives NULL.
#include "runtime/data/vector_copy.h"
#include "runtime/functions/builtins/builtin_library.h"
#include "runtime/functions/builtins/nested_elements.h"

namespace sluice::runtime::builtins {
namespace {

void arrayContains(FunctionCall&, const Vector* const* arguments, int, const int32_t* rows,
                   int rowCount, Vector& out) {
  const Vector& array = *arguments[0];
  const Vector& elements = array.children()[0];
  for (int k = 0; k < rowCount; ++k) {
    const int32_t row = rows[k];
    if (array.isNull(row)) {
      setNullValue(out, row);
      continue;
    }
    const int first = array.offsets()[row];
    const int end = first + array.sizes()[row];
    int i = first;
    while (i < end && !sameElement(elements, i, *arguments[1], row)) ++i;
    out.setNull(row, false);
    out.values<uint8_t>()[row] = i < end ? 1 : 0;
  }
}

void arrayPosition(FunctionCall&, const Vector* const* arguments, int, const int32_t* rows,
                   int rowCount, Vector& out) {
  const Vector& array = *arguments[0];
  const Vector& elements = array.children()[0];
  auto* positions = out.values<int32_t>();
  for (int k = 0; k < rowCount; ++k) {
    const int32_t row = rows[k];
    const int first = array.offsets()[row];
    const int size = array.sizes()[row];
    int i = 0;
    while (i < size && !sameElement(elements, first + i, *arguments[1], row)) ++i;
    positions[row] = i < size ? i + 1 : 0;
  }
}

void arrayRemove(FunctionCall&, const Vector* const* arguments, int, const int32_t* rows,
                 int rowCount, Vector& out) {
  const Vector& array = *arguments[0];
  const Vector& elements = array.children()[0];
  std::vector<int32_t> kept;
  for (int k = 0; k < rowCount; ++k) {
    const int32_t row = rows[k];
    if (array.isNull(row)) {
      setNullValue(out, row);
      continue;
    }
    kept.clear();
    const int first = array.offsets()[row];
    for (int i = first; i < first + array.sizes()[row]; ++i) {
      if (!sameElement(elements, i, *arguments[1], row)) kept.push_back(i);
    }
    appendArray(out, row, elements, kept);
  }
}

// The distinct elements of the first array (and of the second, for UNION), those of the first
// not in the second (EXCEPT), or those of the first also in it (INTERSECT).
enum class SetOperation { Distinct, Union, Except, Intersect };

template <SetOperation Operation>
void arraySet(FunctionCall&, const Vector* const* arguments, int, const int32_t* rows, int rowCount,
              Vector& out) {
  const Vector& left = arguments[0]->children()[0];
  ElementSet seen;
  ElementSet right;
  std::vector<int32_t> kept;
  std::vector<int32_t> keptRight;  // UNION: positions in the second array's elements
  for (int k = 0; k < rowCount; ++k) {
    const int32_t row = rows[k];
    seen.clear();
    right.clear();
    kept.clear();
    keptRight.clear();
    if constexpr (Operation == SetOperation::Except || Operation == SetOperation::Intersect) {
      const Vector& array = *arguments[1];
      const int first = array.offsets()[row];
      for (int i = first; i < first + array.sizes()[row]; ++i) right.insert(array.children()[0], i);
    }
    const int first = arguments[0]->offsets()[row];
    for (int i = first; i < first + arguments[0]->sizes()[row]; ++i) {
      if constexpr (Operation == SetOperation::Except) {
        if (right.contains(left, i)) continue;
      } else if constexpr (Operation == SetOperation::Intersect) {
        if (!right.contains(left, i)) continue;
      }
      if (seen.insert(left, i)) kept.push_back(i);
    }
    if constexpr (Operation == SetOperation::Union) {
      const Vector& array = *arguments[1];
      const int second = array.offsets()[row];
      for (int i = second; i < second + array.sizes()[row]; ++i) {
        if (seen.insert(array.children()[0], i)) keptRight.push_back(i);
      }
    }
    if (keptRight.empty()) {
      appendArray(out, row, left, kept);
      continue;
    }
    // The union's elements from the second array follow the first's.
    const int fromLeft = static_cast<int>(kept.size());
    const int fromRight = static_cast<int>(keptRight.size());
    const int at = appendCollection(out, row, fromLeft + fromRight);
    Vector& target = out.children()[0];
    gatherRows(left, kept.data(), fromLeft, target, at);
    gatherRows(arguments[1]->children()[0], keptRight.data(), fromRight, target, at + fromLeft);
  }
}

// The result's elements are copied from every array argument.
std::string bindArrayResult(CallSite& site) {
  for (const DataType& argument : site.argumentTypes) {
    if (argument.kind() != TypeKind::Array) continue;
    std::string error = checkElementsFit(argument, site.resultType);
    if (!error.empty()) return error;
  }
  return {};
}

ScalarKernel arrayResult(std::string name, std::vector<Accepts> arguments, NestedEntry entry) {
  ScalarKernel kernel =
      nestedKernel(std::move(name), std::move(arguments), Accepts::arrays(), entry);
  kernel.bind = &bindArrayResult;
  return kernel;
}

}  // namespace

void registerArraySearch(ScalarFunctionRegistry& registry) {
  const Accepts arrays = Accepts::arrays();
  const Accepts any = Accepts::any();
  ScalarKernel contains = nestedKernel("ARRAY_CONTAINS", {arrays, any},
                                       Accepts::kind(TypeKind::Boolean), &arrayContains);
  contains.handlesNulls = true;
  registry.add(std::move(contains));
  registry.add(
      nestedKernel("ARRAY_POSITION", {arrays, any}, Accepts::kind(TypeKind::Int), &arrayPosition));
  ScalarKernel remove = arrayResult("ARRAY_REMOVE", {arrays, any}, &arrayRemove);
  remove.handlesNulls = true;
  registry.add(std::move(remove));
  registry.add(arrayResult("ARRAY_DISTINCT", {arrays}, &arraySet<SetOperation::Distinct>));
  registry.add(arrayResult("ARRAY_UNION", {arrays, arrays}, &arraySet<SetOperation::Union>));
  registry.add(arrayResult("ARRAY_EXCEPT", {arrays, arrays}, &arraySet<SetOperation::Except>));
  registry.add(
      arrayResult("ARRAY_INTERSECT", {arrays, arrays}, &arraySet<SetOperation::Intersect>));
}

}  // namespace sluice::runtime::builtins
