// Hashes of key columns, row by row: what routes a row to its instance at a hash exchange and
// finds its entry in a hash table. Rows whose keys are equal as GROUP BY sees them (NULL equal to
// NULL, -0.0 equal to 0.0, every NaN equal) hash equally, whatever batch or thread they are in.
#pragma once

#include <cstdint>
#include <vector>

#include "runtime/data/batch.h"

namespace sluice::runtime {

// hashes[row] for rows [0, batch.size()) over the columns `keys` (all columns when empty).
void hashRows(const Batch& batch, const std::vector<int>& keys, uint64_t* hashes);

// Mixes the value of one row of `column` into `seed`.
uint64_t hashValue(const Vector& column, int row, uint64_t seed);

}  // namespace sluice::runtime
