// The compiler's view of native (UDX) libraries, read through the runtime's loader: what
// `sqlc` and the test harnesses pass to compileJob (CompileOptions::loadLibrary). The library
// is loaded once per process, so the compiler and the jobs it plans share it.
#pragma once

#include "compiler/functions/native_functions.h"

namespace sluice::session {

NativeLibraryLoader udxLibraryLoader();

}  // namespace sluice::session
