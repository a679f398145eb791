// Native table functions (UDX kind SLUICE_UDX_TABLE) as table kernels of the job's registry, so
// the Correlate reaches them as it reaches UNNEST: per input row, the library's row entry is
// called through libffi with the argument values unboxed to their ABI types, and each row it
// emits with host->emit_row is copied (strings included) into the call's result rows. A call with
// a NULL argument is not made: it produces no rows (a LEFT JOIN LATERAL pads the input row).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "runtime/functions/table_kernel.h"
#include "runtime/udx/udx_kernels.h"
#include "runtime/udx/udx_library.h"

namespace sluice::runtime::udx {

// The kernel of table function `name` (the SQL name calls use) implemented by these overloads of
// one identifier: binding a call site picks the overload with its argument types, and runs the
// library's `open` once for it (`close` when the Correlate goes).
TableKernel udxTableKernel(const std::string& name, std::vector<const UdxFunction*> overloads,
                           std::shared_ptr<const Configuration> configuration);

}  // namespace sluice::runtime::udx
