// Whether operators run generated native code for their hot loops (`sqlc.jit.mode`), and the
// compiler that makes it; the interpreter's C++ loops run otherwise.
#pragma once

#include "runtime/execution/compiled_calc.h"

namespace sluice::runtime {

struct NativeCodeOptions {
  CalcCompiler* compiler = nullptr;  // null: interpreted
  JitMode mode = JitMode::Interpreted;
};

}  // namespace sluice::runtime
