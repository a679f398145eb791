// Scalar UDX as kernels of the job's function registry, so the interpreter and compiled code
// reach them as they reach built-ins: the kernel's row entry IS the library's row function
// (compiled code calls it directly), its vector entry calls the library's batch entry (or loops
// the row entry), and its bind hook runs `open` once per call site.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "compiler/artifact/job_plan.h"
#include "runtime/functions/scalar_kernel.h"
#include "runtime/udx/udx_library.h"

namespace sluice::runtime::udx {

using Configuration = std::map<std::string, std::string>;

// The kernel of one scalar overload, registered under `name` (the SQL name calls use).
ScalarKernel udxScalarKernel(const std::string& name, const UdxFunction& function,
                             std::shared_ptr<const Configuration> configuration);

// A job's registry: the built-ins, extended by the native scalar and table functions its plan
// records (loading their libraries). Throws UdxError when a library is missing or no longer has
// the entry the plan was compiled against.
std::unique_ptr<ScalarFunctionRegistry> jobFunctionRegistry(const artifact::JobPlan& plan);

}  // namespace sluice::runtime::udx
