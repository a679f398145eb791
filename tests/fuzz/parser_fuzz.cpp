// libFuzzer target for the front end: any bytes, as a SQL file, must compile to diagnostics or
// plans without crashing, hanging or tripping an internal check.
//
// The front end is built by gcc (clang rejects the ANTLR 4.9 runtime headers) with
// -fsanitize-coverage=trace-pc,trace-cmp. libFuzzer handles gcc's comparison hooks but no longer
// its plain per-block `__sanitizer_cov_trace_pc`, so the build renames that hook in the
// instrumented archive to sluice_fuzz_trace_pc (objcopy --redefine-sym), and this file turns
// each visited block into an 8-bit edge counter registered with libFuzzer.
#include <cstddef>
#include <cstdint>
#include <string>

#include "compiler/driver/job_compiler.h"

extern "C" void __sanitizer_cov_8bit_counters_init(uint8_t* start, uint8_t* stop);
extern "C" void __sanitizer_cov_pcs_init(const uintptr_t* start, const uintptr_t* stop);

namespace {

constexpr size_t kCounters = size_t{1} << 16;
uint8_t counters[kCounters];
// libFuzzer pairs every counter array with a table of (pc, flags); ours are edge hashes, so the
// table holds a distinct made-up "pc" per counter.
uintptr_t pcTable[2 * kCounters];
thread_local uintptr_t previousBlock = 0;

struct RegisterCounters {
  RegisterCounters() {
    for (size_t i = 0; i < kCounters; ++i) pcTable[2 * i] = i + 1;
    __sanitizer_cov_8bit_counters_init(counters, counters + kCounters);
    __sanitizer_cov_pcs_init(pcTable, pcTable + 2 * kCounters);
  }
} registerCounters;

}  // namespace

extern "C" void sluice_fuzz_trace_pc() {
  auto pc = reinterpret_cast<uintptr_t>(__builtin_return_address(0));
  // An edge is the pair (previous block, this block), hashed into the counter table.
  size_t edge = ((pc >> 4) ^ previousBlock) & (kCounters - 1);
  previousBlock = pc >> 5;
  ++counters[edge];
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  sluice::SourceFile file("fuzz.sql", std::string(reinterpret_cast<const char*>(data), size));
  sluice::DiagnosticSink diagnostics;
  sluice::CompiledJob job = sluice::compileJob(file, diagnostics);
  (void)diagnostics.render(file);
  (void)sluice::explainJob(job, "fuzz.sql");
  return 0;
}
