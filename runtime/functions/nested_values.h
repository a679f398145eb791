// Writing nested values (ROW, ARRAY, MULTISET, MAP) into result vectors, for nested kernels and
// the interpreter's nodes. A collection row is an offset and a size into child rows appended to
// its vector; those must stay consistent even for NULL rows, which copies read too (gatherRows
// copies a NULL collection's size), so NULLs are written with setNullValue, never setNull alone.
#pragma once

#include <cstdint>

#include "runtime/data/vector.h"

namespace sluice::runtime {

// Row `row` of `out` is NULL, and so is every nested part of it: no collection holds elements.
void setNullValue(Vector& out, int row);

// to[toRow] = from[fromRow], nested parts included (appended to `to`'s children); `from` may be
// of the untyped NULL type. `to` must store values as `from` does.
void copyValue(const Vector& from, int fromRow, Vector& to, int toRow);

// Row `row` of the ARRAY/MULTISET/MAP `out` is a valid collection of `size` elements; returns the
// first of the child rows reserved for them (write out.children()[c] at [first, first + size)).
// Appending may reallocate the children: take pointers into them after this call.
int appendCollection(Vector& out, int row, int size);

// Empties the child storage of every ARRAY/MULTISET/MAP within `vector` (nested ones included);
// a no-op for scalar vectors. Rows that referenced it must be written again.
void dropCollections(Vector& vector);

}  // namespace sluice::runtime
