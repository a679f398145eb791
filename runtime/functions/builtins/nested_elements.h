// What the nested kernels share (internal to runtime/functions/builtins): reading scalar
// arguments by their vectors' storage, comparing elements, sets of distinct elements, and each
// collection file's registration entry point (registerCollections calls them all).
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "runtime/data/vector.h"
#include "runtime/functions/nested_values.h"
#include "runtime/functions/scalar_kernel.h"

namespace sluice::runtime::builtins {

// An INTEGER-family value (TINYINT..BIGINT) at `row`, whatever its width.
int64_t integerAt(const Vector& vector, int row);
// A CHAR/VARCHAR/BINARY/VARBINARY value at `row` (a short string's view points into the vector).
inline const StringRef& stringAt(const Vector& vector, int row) {
  return vector.values<StringRef>()[row];
}
// A BOOLEAN value at `row`.
inline bool booleanAt(const Vector& vector, int row) {
  return vector.values<uint8_t>()[row] != 0;
}

// Writes row `row` of the ARRAY/MULTISET `out` as the child rows `positions` of `elements` (the
// element vector of an argument), in that order.
void appendArray(Vector& out, int row, const Vector& elements,
                 const std::vector<int32_t>& positions);
// The elements of a result ARRAY must copy from its argument's elements unchanged: an error for
// bind hooks when they do not (the binder casts arguments to the result's element type).
std::string checkElementsFit(const DataType& argument, const DataType& result);

// Whether values of `from` copy into a vector of type `to` unchanged (copyValue): the same
// physical types all the way down, or `from` the untyped NULL type.
bool copiesInto(const DataType& from, const DataType& to);

// Whether two values are the same element, as ARRAY_CONTAINS, ARRAY_DISTINCT and map keys see
// them: NULL is the same as NULL; numbers compare by value across numeric types (INT 1, BIGINT 1
// and DECIMAL 1.00 are the same), with -0.0 the same as 0.0 and NaN the same as NaN (as GROUP BY
// groups them); strings byte by byte; ROW, ARRAY and MAP values part by part. Values of other
// different types are not the same.
bool sameElement(const Vector& a, int rowA, const Vector& b, int rowB);

// Whether ARRAY_MAX, ARRAY_MIN and ARRAY_SORT can order values of `type`: booleans, numbers,
// strings, binary strings, dates, times, timestamps and intervals.
bool isOrderable(const DataType& type);
// Orders two non-NULL values of one orderable type: negative, zero or positive. Strings and bytes
// compare byte-wise; FLOAT/DOUBLE as Java's compareTo (-0.0 < 0.0, NaN above everything).
int compareElements(const Vector& a, int rowA, const Vector& b, int rowB);

// Distinct elements seen so far (by sameElement), each named by its vector and row; the vectors
// must outlive the set's use. Its hash is exact for elements of one type only (the binder gives
// the arrays of ARRAY_UNION/_EXCEPT/_INTERSECT one element type). Cleared per collection.
class ElementSet {
 public:
  // Adds the element unless a same one is in; returns whether it was added.
  bool insert(const Vector& vector, int row);
  bool contains(const Vector& vector, int row) const;
  void clear() { entries_.clear(); }

 private:
  std::unordered_multimap<uint64_t, std::pair<const Vector*, int>> entries_;
};

// The collection families, one file each.
void registerCollectionConstructors(ScalarFunctionRegistry& registry);  // ARRAY[..], MAP[..], ROW
void registerCollectionAccess(ScalarFunctionRegistry& registry);  // CARDINALITY, ITEM, ELEMENT
void registerArraySearch(ScalarFunctionRegistry& registry);       // ARRAY_CONTAINS, _POSITION ..
void registerArrayReshaping(ScalarFunctionRegistry& registry);    // ARRAY_SLICE, _CONCAT, ..
void registerArrayOrdering(ScalarFunctionRegistry& registry);     // ARRAY_MAX, _MIN, _SORT, _JOIN
void registerMaps(ScalarFunctionRegistry& registry);              // MAP_KEYS, MAP_VALUES, ...

}  // namespace sluice::runtime::builtins
