// Native implementations known by the identifier a CREATE FUNCTION names, so that a job written
// for Flink (`CREATE FUNCTION count_char AS 'com.github.nexmark.flink.udf.CountChar'`) is typed
// against Sluice's own implementation. The UDX loader (issue 6) adds libraries' functions here.
#pragma once

#include <string_view>

#include "compiler/functions/function_registry.h"

namespace sluice {

// The definition registered under `identifier` (a class name), or nullptr.
const FunctionDefinition* findKnownImplementation(std::string_view identifier);

}  // namespace sluice
