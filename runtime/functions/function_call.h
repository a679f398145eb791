// What a scalar function sees of its call: the call site (argument and result types, constant
// arguments, state prepared once by the kernel's bind hook) and the running task (the arena result
// strings go to, the session time zone, the clock, and where errors are reported).
//
// Compiled pipelines pass a FunctionCall* as the first argument of every kernel call, so this
// layout is part of the compiled-code ABI: keep the fields compiled code reads first.
#pragma once

#include <any>
#include <cstddef>
#include <memory>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "compiler/types/data_type.h"
#include "runtime/data/arena.h"
#include "runtime/data/value.h"

namespace sluice::runtime {

// Per running task: shared by every call site the task evaluates.
struct TaskContext {
  Arena* arena = nullptr;  // the arena of the batch being written; set per batch
  // Long strings of constants (literals, prepared call-site values): outlive every batch, which
  // keeps this arena alive when it may reference them.
  std::shared_ptr<Arena> constants = std::make_shared<Arena>();
  bool failed = false;
  std::string error;       // the first error reported in the current batch
  int64_t statementTimeMicros = 0;  // CURRENT_TIMESTAMP / NOW() of the current batch, UTC
  std::string timeZone = "UTC";     // table.local-time-zone

  void fail(std::string message) {
    if (failed) return;
    failed = true;
    error = std::move(message);
  }
};

struct CallSite {
  std::string function;                      // upper-case SQL name, for error messages
  std::vector<DataType> argumentTypes;
  DataType resultType;
  std::vector<std::optional<Value>> constants;  // per argument: its value when a literal
  std::any state;                               // what the kernel's bind hook prepared
};

struct FunctionCall {
  TaskContext* task = nullptr;
  bool resultIsNull = false;  // set by kernels that may return NULL on non-null input
  const CallSite* site = nullptr;

  Arena& arena() { return *task->arena; }
  void fail(std::string message) { task->fail(site->function + ": " + message); }
  void setNull() { resultIsNull = true; }
  template <typename T>
  const T& state() const {
    return *std::any_cast<T>(&site->state);
  }
};

// Compiled code clears and reads `resultIsNull` at this offset (compiler/codegen).
static_assert(offsetof(FunctionCall, resultIsNull) == 8, "FunctionCall layout is part of the ABI");

}  // namespace sluice::runtime
