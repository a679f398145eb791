// The host table Sluice gives every native library (sluice_udx_host): how a library function
// reports errors, NULL results and allocates result strings through the FunctionCall compiled
// code and the interpreter pass it (a sluice_udx_call* is a FunctionCall*), and how `open` reads
// the job's configuration.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>

#include "runtime/functions/function_call.h"
#include "udx/include/sluice_udx.h"

namespace sluice::runtime::udx {

struct UdxFunction;

// The one host table of this process: constant, valid for the process's life.
const sluice_udx_host* udxHost();

// What a `sluice_udx_open_context*` points at.
struct UdxOpenContext {
  const std::map<std::string, std::string>* configuration = nullptr;
};

// A call site's state (CallSite::state holds a shared_ptr to it): the function, and what its
// `open` returned, handed to `close` when the last copy of the call site goes (the job's end).
struct UdxCallState {
  const UdxFunction* function = nullptr;
  void* state = nullptr;
  bool opened = false;
  // Table functions: what host->emit_row does with a row (udx_table_kernels.cpp); empty for
  // other kinds, whose emit_row fails the call.
  std::function<void(FunctionCall& call, const sluice_udx_value* values, int32_t count)> emitRow;
  ~UdxCallState();
};

inline FunctionCall* functionCallOf(sluice_udx_call* call) {
  return reinterpret_cast<FunctionCall*>(call);
}
inline sluice_udx_call* udxCallOf(FunctionCall* call) {
  return reinterpret_cast<sluice_udx_call*>(call);
}

}  // namespace sluice::runtime::udx
