// The native update loop of an aggregate buffer (runtime/operators/aggregate_update_code.h): for
// each kept row of a batch, it widens the key columns to 64-bit words, hashes them with the
// slice end, probes the open-addressing table (comparing every key word of a candidate entry at
// once), asks the runtime to insert a missing entry, and updates each call's accumulator words,
// honouring FILTER and NULL arguments. Key types, calls and word offsets are constants, so the
// loop has no per-row dispatch. It computes exactly what AggregateBuffer's C++ loops compute,
// hash included, since both work on one table.
#pragma once

#include <llvm/IR/Module.h>

#include <string>

#include "runtime/operators/aggregate_update_code.h"

namespace sluice::codegen {

// Emits `name` (an AggregateUpdateFunction) for `layout` into `module`.
llvm::Function* emitAggregateUpdate(llvm::Module& module, const runtime::AggregateUpdateLayout& layout,
                                    const std::string& name, const std::string& cpu,
                                    const std::string& features);

}  // namespace sluice::codegen
