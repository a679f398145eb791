#include "runtime/udx/udx_call_interface.h"

#include <cstring>

#include "runtime/data/string_ref.h"
#include "runtime/udx/udx_host.h"

namespace sluice::runtime::udx {
namespace {

ffi_type* ffiTypeOf(AbiType type) {
  switch (type) {
    case AbiType::Void: return &ffi_type_void;
    case AbiType::Bool: return &ffi_type_uint8;
    case AbiType::Int8: return &ffi_type_sint8;
    case AbiType::Int16: return &ffi_type_sint16;
    case AbiType::Int32: return &ffi_type_sint32;
    case AbiType::Int64: return &ffi_type_sint64;
    case AbiType::Float32: return &ffi_type_float;
    case AbiType::Float64: return &ffi_type_double;
    case AbiType::String: return &ffi_type_pointer;
    case AbiType::Int128: return nullptr;  // DECIMAL: not in the UDX ABI
  }
  return nullptr;
}

size_t widthOf(AbiType type) {
  switch (type) {
    case AbiType::Bool:
    case AbiType::Int8: return 1;
    case AbiType::Int16: return 2;
    case AbiType::Int32:
    case AbiType::Float32: return 4;
    case AbiType::Int64:
    case AbiType::Float64: return 8;
    default: return 0;
  }
}

}  // namespace

std::shared_ptr<const UdxSignature> makeUdxSignature(const std::vector<AbiType>& arguments,
                                                     AbiType result) {
  auto signature = std::make_shared<UdxSignature>();
  signature->arguments = arguments;
  signature->result = result;
  signature->outParameter = result == AbiType::String;
  signature->parameterTypes.push_back(&ffi_type_pointer);  // the call
  if (signature->outParameter) signature->parameterTypes.push_back(&ffi_type_pointer);
  for (AbiType argument : arguments) {
    ffi_type* type = ffiTypeOf(argument);
    if (type == nullptr || type == &ffi_type_void) return nullptr;
    signature->parameterTypes.push_back(type);
  }
  ffi_type* returnType = signature->outParameter ? &ffi_type_void : ffiTypeOf(result);
  if (returnType == nullptr) return nullptr;
  if (ffi_prep_cif(&signature->cif, FFI_DEFAULT_ABI,
                   static_cast<unsigned>(signature->parameterTypes.size()), returnType,
                   signature->parameterTypes.data()) != FFI_OK) {
    return nullptr;
  }
  return signature;
}

void callRowEntryPerRow(const UdxSignature& signature, void* entry, FunctionCall& call,
                        const Vector* const* arguments, const int32_t* rows, int rowCount,
                        Vector& out) {
  const size_t arity = signature.arguments.size();
  std::vector<void*> values(signature.parameterTypes.size());
  std::vector<const void*> stringPointers(arity);
  FunctionCall* callPointer = &call;
  StringRef stringResult;
  StringRef* outPointer = &stringResult;
  ffi_arg returned = 0;  // libffi widens small integer results to a full register
  double returnedFloat = 0;
  const bool floating =
      signature.result == AbiType::Float32 || signature.result == AbiType::Float64;
  void* returnSlot = floating ? static_cast<void*>(&returnedFloat) : static_cast<void*>(&returned);
  auto* function = reinterpret_cast<void (*)()>(entry);
  for (int k = 0; k < rowCount; ++k) {
    const int32_t row = rows[k];
    size_t slot = 0;
    values[slot++] = &callPointer;
    if (signature.outParameter) values[slot++] = &outPointer;
    for (size_t i = 0; i < arity; ++i) {
      const auto* base = static_cast<const char*>(const_cast<Vector*>(arguments[i])->rawValues());
      if (signature.arguments[i] == AbiType::String) {
        stringPointers[i] = base + static_cast<size_t>(row) * sizeof(StringRef);
        values[slot++] = &stringPointers[i];
      } else {
        values[slot++] =
            const_cast<char*>(base + static_cast<size_t>(row) * widthOf(signature.arguments[i]));
      }
    }
    call.resultIsNull = false;
    ffi_call(const_cast<ffi_cif*>(&signature.cif), function, returnSlot, values.data());
    if (call.resultIsNull) {
      out.setNull(row, true);
      continue;
    }
    char* target = static_cast<char*>(out.rawValues());
    switch (signature.result) {
      case AbiType::String:
        std::memcpy(target + static_cast<size_t>(row) * sizeof(StringRef), &stringResult,
                    sizeof(StringRef));
        break;
      case AbiType::Float32: {
        float value;
        std::memcpy(&value, &returnedFloat, sizeof value);  // libffi stores a float as a float
        std::memcpy(target + static_cast<size_t>(row) * 4, &value, 4);
        break;
      }
      case AbiType::Float64:
        std::memcpy(target + static_cast<size_t>(row) * 8, &returnedFloat, 8);
        break;
      case AbiType::Bool:
      case AbiType::Int8: target[row] = static_cast<char>(returned); break;
      case AbiType::Int16: {
        const auto value = static_cast<int16_t>(returned);
        std::memcpy(target + static_cast<size_t>(row) * 2, &value, 2);
        break;
      }
      case AbiType::Int32: {
        const auto value = static_cast<int32_t>(returned);
        std::memcpy(target + static_cast<size_t>(row) * 4, &value, 4);
        break;
      }
      case AbiType::Int64: {
        const auto value = static_cast<int64_t>(returned);
        std::memcpy(target + static_cast<size_t>(row) * 8, &value, 8);
        break;
      }
      default: break;
    }
  }
}

void* unbox(const Value& value, AbiType type, ArgumentSlot& slot) {
  switch (type) {
    case AbiType::Bool: slot.scalar.u8 = value.integer != 0 ? 1 : 0; return &slot.scalar.u8;
    case AbiType::Int8: slot.scalar.i8 = static_cast<int8_t>(value.integer); return &slot.scalar.i8;
    case AbiType::Int16:
      slot.scalar.i16 = static_cast<int16_t>(value.integer);
      return &slot.scalar.i16;
    case AbiType::Int32:
      slot.scalar.i32 = static_cast<int32_t>(value.integer);
      return &slot.scalar.i32;
    case AbiType::Int64: slot.scalar.i64 = value.integer; return &slot.scalar.i64;
    case AbiType::Float32: slot.scalar.f32 = static_cast<float>(value.real); return &slot.scalar.f32;
    case AbiType::Float64: slot.scalar.f64 = value.real; return &slot.scalar.f64;
    case AbiType::String:
      // The view points into the Value, which outlives the call.
      slot.string = StringRef::of(value.bytes);
      slot.stringPointer = &slot.string;
      return &slot.stringPointer;
    default: return nullptr;
  }
}

}  // namespace sluice::runtime::udx
