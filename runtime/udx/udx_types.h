// The row-entry C type of a UDX argument or result (the table in sluice_udx.h), which is the
// runtime's own storage of the SQL type.
#pragma once

#include "compiler/types/data_type.h"
#include "runtime/functions/scalar_kernel.h"

namespace sluice::runtime::udx {

AbiType abiTypeOfUdx(const DataType& type);

}  // namespace sluice::runtime::udx
