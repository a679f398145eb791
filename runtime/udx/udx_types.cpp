#include "runtime/udx/udx_types.h"

#include "runtime/data/physical_type.h"

namespace sluice::runtime::udx {

AbiType abiTypeOfUdx(const DataType& type) {
  switch (physicalTypeOf(type)) {
    case PhysicalType::Bool: return AbiType::Bool;
    case PhysicalType::Int8: return AbiType::Int8;
    case PhysicalType::Int16: return AbiType::Int16;
    case PhysicalType::Int32: return AbiType::Int32;
    case PhysicalType::Int64: return AbiType::Int64;
    case PhysicalType::Float32: return AbiType::Float32;
    case PhysicalType::Float64: return AbiType::Float64;
    case PhysicalType::String: return AbiType::String;
    default: return AbiType::Void;  // not in the UDX ABI (the type parser refuses these)
  }
}

}  // namespace sluice::runtime::udx
