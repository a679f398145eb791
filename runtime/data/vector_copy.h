// Copies rows between vectors of the same type: the gather at the end of a filter, and appends
// of one batch's rows to another. Strings are copied as views, so the destination batch must
// share the source batch's arenas (Batch::shareArenasOf).
#pragma once

#include <cstdint>

#include "runtime/data/vector.h"

namespace sluice::runtime {

// to[toRow + k] = from[rows[k]] for k in [0, count).
void gatherRows(const Vector& from, const int32_t* rows, int count, Vector& to, int toRow);
// to[rows[k]] = from[rows[k]] for k in [0, count): merging results computed for parts of a batch.
void copyPositions(const Vector& from, const int32_t* rows, int count, Vector& to);
// to[toRow + k] = from[fromRow + k] for k in [0, count).
void copyRows(const Vector& from, int fromRow, int count, Vector& to, int toRow);

}  // namespace sluice::runtime
