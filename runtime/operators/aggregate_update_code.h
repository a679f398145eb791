// The contract between an AggregateBuffer (aggregate_buffer.h) and the native code the JIT
// generates for it (compiler/codegen/aggregate_update_codegen.h). The buffer describes its hash
// table's layout (AggregateUpdateLayout); the code generator turns that description into one
// fused loop over a batch that hashes each row's key, probes the table and updates the entry's
// accumulators in place, with the key types, calls and word offsets as constants. The C++ loops
// of aggregate_buffer.cpp do the same work column by column and remain the interpreter's path;
// both read and write the same table, so a buffer can switch to native code mid-stream.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "runtime/data/physical_type.h"
#include "runtime/execution/compiled_calc.h"

namespace sluice::runtime {

extern "C" {
// The buffer's hash table as native code sees it. The fields change when `insert` appends an
// entry or grows the table, so generated code reads them again after each insert.
struct AggregateTableAbi {
  uint32_t* slots;   // open addressing: entry index + 1; 0 marks an empty slot
  uint64_t mask;     // slot count - 1 (a power of two)
  int64_t* entries;  // entry e occupies words [e * stride, (e + 1) * stride)
  void* buffer;      // the AggregateBuffer, passed back to `insert`
  // Adds an entry for `key` (its key words) with fresh accumulators into the empty slot `slot`,
  // and returns the entry's index.
  uint32_t (*insert)(void* buffer, const int64_t* key, uint64_t slot);
};
}

// Adds the rows of `in` whose `keep` byte is set to the table, row r under slice sliceEnds[r].
using AggregateUpdateFunction = void (*)(const BatchAbi* in, const int64_t* sliceEnds,
                                         const uint8_t* keep, AggregateTableAbi* table);

// How an accumulator is updated by one row.
enum class AggregateUpdate : uint8_t { CountRows, CountValues, SumInteger, SumReal, Min, Max };

// The hash of an entry's key words, shared by both implementations: one multiply per word, a
// final mix (enough to spread keys over the table's low bits).
constexpr uint64_t kSliceHashMultiplier = 0x9e3779b97f4a7c15ULL;
constexpr uint64_t kKeyHashMultiplier = 0xff51afd7ed558ccdULL;
constexpr uint64_t kFinalMixMultiplier = 0xc4ceb9fe1a85ec53ULL;

// An entry is `keyWords` key words (each key column widened to 64 bits, NULL as 0; a null mask;
// the slice end), then `accumulatorWords` accumulator words (int64, or a double's bits).
struct AggregateUpdateLayout {
  struct Call {
    AggregateUpdate update = AggregateUpdate::CountRows;
    int argument = -1;           // input column, -1 for COUNT(*)
    int filter = -1;             // input column of FILTER (WHERE ...), -1: none
    bool real = false;           // the argument is FLOAT/DOUBLE (read as a double)
    bool roundsToFloat = false;  // a FLOAT SUM rounds at every step
    int slot = 0;                // first accumulator word of the call
  };
  std::vector<PhysicalType> inputTypes;  // every input column's
  std::vector<int> keyColumns;
  std::vector<Call> calls;
  int keyWords = 0;
  int accumulatorWords = 0;

  int stride() const { return keyWords + accumulatorWords; }
  // Identifies the generated code: equal digests, interchangeable code.
  std::string digest() const;
};

struct CompiledAggregateUpdate {
  AggregateUpdateFunction function = nullptr;
  std::string optimizedIr;  // for inspection
  double compileMillis = 0;
  std::shared_ptr<void> resources;  // keeps the JIT'd code alive
};

}  // namespace sluice::runtime
