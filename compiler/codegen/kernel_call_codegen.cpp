// The call of one runtime kernel through its C ABI (runtime/functions/scalar_kernel.h): the
// FunctionCall* of the call site first, then an out pointer for 16-byte results, then the
// arguments (16-byte values by pointer; variadic kernels take arrays and a count).
#include <fmt/format.h>
#include <llvm/ADT/StringExtras.h>

#include "compiler/codegen/expression_codegen.h"

namespace sluice::codegen {
namespace {

using runtime::AbiType;

bool byPointer(AbiType type) { return type == AbiType::Int128 || type == AbiType::String; }

// The extension attribute x86-64 callers owe narrow integer arguments and results.
llvm::Attribute::AttrKind extensionOf(AbiType type) {
  if (type == AbiType::Bool) return llvm::Attribute::ZExt;
  if (type == AbiType::Int8 || type == AbiType::Int16) return llvm::Attribute::SExt;
  return llvm::Attribute::None;
}

llvm::AllocaInst* entryAlloca(llvm::IRBuilder<>& builder, llvm::Type* type, unsigned count = 1) {
  llvm::Function* function = builder.GetInsertBlock()->getParent();
  llvm::IRBuilder<> entry(&function->getEntryBlock(), function->getEntryBlock().begin());
  auto* slot = entry.CreateAlloca(type, entry.getInt32(count));
  slot->setAlignment(llvm::Align(16));
  return slot;
}

}  // namespace

std::string ExpressionCodegen::kernelSymbol(const runtime::ScalarKernel& kernel) const {
  // The same in every process running this build (no addresses): objects stored in the codegen
  // cache refer to kernels by these names, and the JIT binds them to this process's functions.
  // The signature is hex-escaped (symbol names stay plain, "+" and "-" stay apart) and the
  // overload's position tells same-signature kernels apart. Native library kernels carry their
  // own symbol, naming the library and the entry.
  if (!kernel.symbol.empty()) return kernel.symbol;
  const std::vector<const runtime::ScalarKernel*> overloads = registry_.overloads(kernel.name);
  size_t overload = 0;
  while (overload < overloads.size() && overloads[overload] != &kernel) ++overload;
  std::string name = "sluice.kernel.";
  for (const char c : kernel.signature()) {
    if (llvm::isAlnum(c)) {
      name += c;
    } else {
      name += fmt::format("_{:02x}", static_cast<unsigned char>(c));
    }
  }
  return name + "." + std::to_string(overload);
}

llvm::Value* ExpressionCodegen::callKernel(const runtime::ScalarKernel& kernel, int siteIndex,
                                           const std::vector<EmittedValue>& arguments,
                                           const RowAccess& row, llvm::Value*& resultIsNull) {
  llvm::Type* pointer = llvm::PointerType::getUnqual(context_);
  llvm::Type* byte = builder_.getInt8Ty();
  llvm::Value* call = builder_.CreateLoad(
      pointer, builder_.CreateInBoundsGEP(pointer, row.calls, builder_.getInt32(siteIndex)));

  std::vector<llvm::Type*> parameterTypes{pointer};
  std::vector<llvm::Value*> values{call};
  std::vector<AbiType> parameterAbi{AbiType::Int64};  // the FunctionCall*: no extension
  llvm::AllocaInst* out = nullptr;
  const bool outParameter = byPointer(kernel.abiResult);
  if (outParameter) {
    out = entryAlloca(builder_, builder_.getInt128Ty());
    parameterTypes.push_back(pointer);
    values.push_back(out);
    parameterAbi.push_back(AbiType::Int64);
  }
  auto toAbi = [&](const EmittedValue& argument, AbiType abi) -> llvm::Value* {
    if (abi == AbiType::Bool) return builder_.CreateZExt(argument.value, byte);
    if (byPointer(abi)) {
      llvm::AllocaInst* slot = entryAlloca(builder_, builder_.getInt128Ty());
      builder_.CreateAlignedStore(argument.value, slot, llvm::Align(16));
      return slot;
    }
    return argument.value;
  };
  if (kernel.variadic) {
    // Arrays of the values (16-byte elements for strings) and of their validity.
    const auto count = static_cast<unsigned>(arguments.size());
    llvm::Type* element = kernel.variadicElement == AbiType::Bool ? byte
                          : byPointer(kernel.variadicElement) ? builder_.getInt128Ty()
                                                              : abiType(kernel.variadicElement);
    llvm::AllocaInst* items = entryAlloca(builder_, element, count);
    llvm::AllocaInst* valid = entryAlloca(builder_, byte, count);
    for (unsigned i = 0; i < count; ++i) {
      llvm::Value* value = arguments[i].value;
      if (kernel.variadicElement == AbiType::Bool) value = builder_.CreateZExt(value, byte);
      builder_.CreateStore(value, builder_.CreateInBoundsGEP(element, items, builder_.getInt32(i)));
      builder_.CreateStore(builder_.CreateZExt(builder_.CreateNot(arguments[i].isNull), byte),
                           builder_.CreateInBoundsGEP(byte, valid, builder_.getInt32(i)));
    }
    parameterTypes.insert(parameterTypes.end(), {pointer, pointer, builder_.getInt32Ty()});
    values.insert(values.end(), {items, valid, builder_.getInt32(count)});
    parameterAbi.insert(parameterAbi.end(), {AbiType::Int64, AbiType::Int64, AbiType::Int32});
  } else {
    for (size_t i = 0; i < arguments.size(); ++i) {
      parameterTypes.push_back(abiType(kernel.abiArguments[i]));
      values.push_back(toAbi(arguments[i], kernel.abiArguments[i]));
      parameterAbi.push_back(kernel.abiArguments[i]);
    }
  }
  llvm::Type* returnType = outParameter ? builder_.getVoidTy() : abiType(kernel.abiResult);
  auto* functionType = llvm::FunctionType::get(returnType, parameterTypes, false);
  const std::string name = kernelSymbol(kernel);
  externalSymbols_[name] = kernel.rowEntry;
  llvm::FunctionCallee callee = module_.getOrInsertFunction(name, functionType);
  if (auto* declared = llvm::dyn_cast<llvm::Function>(callee.getCallee())) {
    for (size_t i = 0; i < parameterAbi.size(); ++i) {
      if (extensionOf(parameterAbi[i]) != llvm::Attribute::None) {
        declared->addParamAttr(static_cast<unsigned>(i), extensionOf(parameterAbi[i]));
      }
    }
    if (!outParameter && extensionOf(kernel.abiResult) != llvm::Attribute::None) {
      declared->addRetAttr(extensionOf(kernel.abiResult));
    }
    declared->addFnAttr(llvm::Attribute::NoUnwind);
  }
  if (kernel.mayReturnNull) {
    builder_.CreateStore(builder_.getInt8(0), builder_.CreateConstInBoundsGEP1_32(byte, call, 8));
  }
  llvm::Value* result = builder_.CreateCall(callee, values);
  if (outParameter) result = builder_.CreateAlignedLoad(builder_.getInt128Ty(), out, llvm::Align(16));
  if (kernel.abiResult == AbiType::Bool) result = builder_.CreateICmpNE(result, builder_.getInt8(0));
  resultIsNull = nullFlag(false);
  if (kernel.mayReturnNull) {
    llvm::Value* flag = builder_.CreateLoad(byte, builder_.CreateConstInBoundsGEP1_32(byte, call, 8));
    resultIsNull = builder_.CreateICmpNE(flag, builder_.getInt8(0));
  }
  return result;
}

}  // namespace sluice::codegen
