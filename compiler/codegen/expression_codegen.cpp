#include "compiler/codegen/expression_codegen.h"

#include <fmt/format.h>

#include <cstring>

#include "compiler/physical/expression_lowering.h"
#include "runtime/expression/evaluation_node.h"

namespace sluice::codegen {
namespace {

using artifact::Expression;
using artifact::ExpressionKind;
using runtime::AbiType;
using runtime::PhysicalType;

bool isNested(const DataType& type) {
  const PhysicalType p = runtime::physicalTypeOf(type);
  return p == PhysicalType::Row || p == PhysicalType::Array || p == PhysicalType::Map;
}

bool isIdentityCast(const Expression& e) {
  return e.kind == ExpressionKind::Cast && e.arguments[0].type.sameTypeIgnoringNullability(e.type);
}

}  // namespace

ExpressionCodegen::ExpressionCodegen(llvm::Module& module, llvm::IRBuilder<>& builder,
                                     const runtime::ScalarFunctionRegistry& registry,
                                     std::vector<CallSiteRecord>& callSites,
                                     std::map<std::string, void*>& externalSymbols)
    : module_(module),
      builder_(builder),
      context_(module.getContext()),
      registry_(registry),
      callSites_(callSites),
      externalSymbols_(externalSymbols) {}

llvm::Type* ExpressionCodegen::valueType(const DataType& type) const {
  switch (runtime::physicalTypeOf(type)) {
    case PhysicalType::Bool: return llvm::Type::getInt1Ty(context_);
    case PhysicalType::Null:
    case PhysicalType::Int8: return llvm::Type::getInt8Ty(context_);
    case PhysicalType::Int16: return llvm::Type::getInt16Ty(context_);
    case PhysicalType::Int32: return llvm::Type::getInt32Ty(context_);
    case PhysicalType::Int64: return llvm::Type::getInt64Ty(context_);
    case PhysicalType::Float32: return llvm::Type::getFloatTy(context_);
    case PhysicalType::Float64: return llvm::Type::getDoubleTy(context_);
    case PhysicalType::Int128:
    case PhysicalType::String: return llvm::Type::getInt128Ty(context_);
    default: return llvm::Type::getInt8Ty(context_);
  }
}

llvm::Type* ExpressionCodegen::storageType(const DataType& type) const {
  if (runtime::physicalTypeOf(type) == PhysicalType::Bool) return llvm::Type::getInt8Ty(context_);
  return valueType(type);
}

llvm::Type* ExpressionCodegen::abiType(AbiType type) {
  switch (type) {
    case AbiType::Void: return llvm::Type::getVoidTy(context_);
    case AbiType::Bool:
    case AbiType::Int8: return llvm::Type::getInt8Ty(context_);
    case AbiType::Int16: return llvm::Type::getInt16Ty(context_);
    case AbiType::Int32: return llvm::Type::getInt32Ty(context_);
    case AbiType::Int64: return llvm::Type::getInt64Ty(context_);
    case AbiType::Float32: return llvm::Type::getFloatTy(context_);
    case AbiType::Float64: return llvm::Type::getDoubleTy(context_);
    case AbiType::Int128:
    case AbiType::String: return llvm::PointerType::getUnqual(context_);
  }
  return llvm::Type::getVoidTy(context_);
}

llvm::Value* ExpressionCodegen::nullFlag(bool isNull) {
  return llvm::ConstantInt::getBool(context_, isNull);
}

llvm::Value* ExpressionCodegen::zeroOf(const DataType& type) {
  return llvm::Constant::getNullValue(valueType(type));
}

const runtime::ScalarKernel* ExpressionCodegen::findKernel(const Expression& e) const {
  std::vector<DataType> types;
  for (const Expression& argument : e.arguments) types.push_back(argument.type);
  return registry_.find(e.kind == ExpressionKind::Cast ? "CAST" : e.function, types, e.type);
}

bool ExpressionCodegen::supports(const Expression& e, std::string& reason) const {
  if (isNested(e.type)) {
    reason = "values of type " + e.type.toString();
    return false;
  }
  if (e.kind == ExpressionKind::FieldAccess) {
    // Only chains of field accesses down to an input column: `$0.bid.price`.
    const Expression* base = &e.arguments[0];
    while (base->kind == ExpressionKind::FieldAccess) base = &base->arguments[0];
    if (base->kind == ExpressionKind::Column) return true;
    reason = "ROW field access of a computed ROW";
    return false;
  }
  for (const Expression& argument : e.arguments) {
    if (!supports(argument, reason)) return false;
  }
  switch (e.kind) {
    case ExpressionKind::Column:
    case ExpressionKind::Literal: return true;
    case ExpressionKind::FieldAccess: return true;
    case ExpressionKind::Cast:
    case ExpressionKind::Call:
      if (isIdentityCast(e) || physical::isSpecialForm(e.function) || inlinable(e)) return true;
      if (!findKernel(e)) {
        reason = "no kernel for " + e.digest();
        return false;
      }
      return true;
  }
  return false;
}

void ExpressionCodegen::collectBatchFirstCalls(const Expression& e,
                                               std::vector<const Expression*>& calls) const {
  if (e.kind == ExpressionKind::Column || e.kind == ExpressionKind::Literal ||
      e.kind == ExpressionKind::FieldAccess) {
    return;
  }
  // Branches evaluate their operands on some rows only: a call under one must not run on all.
  if (e.kind == ExpressionKind::Call && physical::isSpecialForm(e.function)) return;
  const bool kernel = !isIdentityCast(e) && !inlinable(e);
  if (const runtime::ScalarKernel* found = kernel ? findKernel(e) : nullptr;
      found != nullptr && found->batchFirst && found->vectorEntry != nullptr && !found->variadic) {
    bool plainArguments = true;
    for (const Expression& argument : e.arguments) {
      plainArguments = plainArguments && !isNested(argument.type) &&
                       (argument.kind == ExpressionKind::Column ||
                        argument.kind == ExpressionKind::Literal);
    }
    if (plainArguments) {
      calls.push_back(&e);
      return;
    }
  }
  // Every argument of a kernel call, a cast or an inline operator is evaluated.
  for (const Expression& argument : e.arguments) collectBatchFirstCalls(argument, calls);
}

int ExpressionCodegen::precompute(const Expression& call, int column) {
  precomputedColumns_[&call] = column;
  // The column holds the call's value for every row before the loop starts: any identical
  // occurrence of a deterministic call may read it, under a branch too.
  if (runtime::isShareable(call, registry_)) {
    precomputedKeys_[runtime::subexpressionKey(call)] = column;
  }
  callSites_.push_back(callSiteOf(call));
  return static_cast<int>(callSites_.size()) - 1;
}

int ExpressionCodegen::precomputedColumn(const Expression& call) const {
  if (auto found = precomputedColumns_.find(&call); found != precomputedColumns_.end()) {
    return found->second;
  }
  if (precomputedKeys_.empty() || !runtime::isShareable(call, registry_)) return -1;
  auto found = precomputedKeys_.find(runtime::subexpressionKey(call));
  return found != precomputedKeys_.end() ? found->second : -1;
}

EmittedValue ExpressionCodegen::emit(const Expression& e, const RowAccess& row) {
  if (!precomputedColumns_.empty()) {
    if (auto found = precomputedColumns_.find(&e); found != precomputedColumns_.end()) {
      return readColumn(found->second, row);
    }
  }
  // A deterministic expression computed before on every path to here is not computed again
  // (common_subexpressions.h); its first occurrence computes it and makes it known.
  if (!runtime::isShareable(e, registry_)) return emitUnshared(e, row);
  std::string key = runtime::subexpressionKey(e);
  if (auto found = precomputedKeys_.find(key); found != precomputedKeys_.end()) {
    return readColumn(found->second, row);
  }
  if (const EmittedValue* known = known_.find(key)) return *known;
  const EmittedValue value = emitUnshared(e, row);
  known_.add(std::move(key), value);
  return value;
}

EmittedValue ExpressionCodegen::emitUnshared(const Expression& e, const RowAccess& row) {
  switch (e.kind) {
    case ExpressionKind::Column: return column(e, row);
    case ExpressionKind::Literal: return literal(e);
    case ExpressionKind::FieldAccess: return fieldAccess(e, row);
    case ExpressionKind::Cast:
      if (isIdentityCast(e)) return emit(e.arguments[0], row);
      return kernelCall(e, row);
    case ExpressionKind::Call: {
      const std::string& f = e.function;
      if (f == "AND" || f == "OR") return logical(e, row, f == "AND");
      if (f == "CASE") return caseWhen(e, row);
      if (f == "COALESCE") return coalesce(e, row);
      if (physical::isSpecialForm(f)) return test(e, row);
      if (inlinable(e)) return inlineOperator(e, row);
      return kernelCall(e, row);
    }
  }
  return {zeroOf(e.type), nullFlag(true)};
}

EmittedValue ExpressionCodegen::column(const Expression& e, const RowAccess& row) {
  return readColumn(e.column, row);
}

EmittedValue ExpressionCodegen::readColumn(int c, const RowAccess& row) {
  llvm::Type* storage = storageType(row.types[c]);
  llvm::Value* address = builder_.CreateInBoundsGEP(storage, row.values[c], row.row);
  llvm::Value* value = builder_.CreateAlignedLoad(storage, address, llvm::Align(8));
  if (runtime::physicalTypeOf(row.types[c]) == PhysicalType::Bool) {
    value = builder_.CreateICmpNE(value, llvm::ConstantInt::get(storage, 0));
  }
  llvm::Value* isNull = nullFlag(false);
  if (row.types[c].nullable()) {
    llvm::Type* byte = llvm::Type::getInt8Ty(context_);
    llvm::Value* valid =
        builder_.CreateLoad(byte, builder_.CreateInBoundsGEP(byte, row.validity[c], row.row));
    isNull = builder_.CreateICmpEQ(valid, llvm::ConstantInt::get(byte, 0));
  }
  return {value, isNull};
}

ExpressionCodegen::FieldLocation ExpressionCodegen::locate(const Expression& e,
                                                          const RowAccess& row) {
  llvm::Type* byte = llvm::Type::getInt8Ty(context_);
  llvm::Type* pointer = builder_.getPtrTy();
  auto nullAt = [&](llvm::Value* validity) {
    llvm::Value* valid =
        builder_.CreateLoad(byte, builder_.CreateInBoundsGEP(byte, validity, row.row));
    return builder_.CreateICmpEQ(valid, llvm::ConstantInt::get(byte, 0));
  };
  if (e.kind == ExpressionKind::Column) {
    const int c = e.column;
    return {row.values[c], row.validity[c],
            row.types[c].nullable() ? nullAt(row.validity[c]) : nullFlag(false)};
  }
  // A ROW's ColumnAbi `values` points at one ColumnAbi {values, validity} per field, row-aligned
  // with the ROW itself (runtime::CompiledCalc builds them for each batch).
  const FieldLocation parent = locate(e.arguments[0], row);
  constexpr unsigned kColumnAbiSize = 16;
  llvm::Value* field = builder_.CreateConstInBoundsGEP1_32(
      byte, parent.values, static_cast<unsigned>(e.column) * kColumnAbiSize);
  llvm::Value* values = builder_.CreateLoad(pointer, field);
  llvm::Value* validity =
      builder_.CreateLoad(pointer, builder_.CreateConstInBoundsGEP1_32(byte, field, 8));
  // A field of a NULL row is NULL, whatever its child vector holds at that row.
  return {values, validity, builder_.CreateOr(parent.isNull, nullAt(validity))};
}

EmittedValue ExpressionCodegen::fieldAccess(const Expression& e, const RowAccess& row) {
  const FieldLocation location = locate(e, row);
  llvm::Type* storage = storageType(e.type);
  llvm::Value* value = builder_.CreateAlignedLoad(
      storage, builder_.CreateInBoundsGEP(storage, location.values, row.row), llvm::Align(8));
  if (runtime::physicalTypeOf(e.type) == PhysicalType::Bool) {
    value = builder_.CreateICmpNE(value, llvm::ConstantInt::get(storage, 0));
  }
  return {value, location.isNull};
}

EmittedValue ExpressionCodegen::literal(const Expression& e) {
  const runtime::Value v = runtime::literalValue(e, "UTC");
  if (v.isNull) return {zeroOf(e.type), nullFlag(true)};
  llvm::Type* type = valueType(e.type);
  switch (runtime::physicalTypeOf(e.type)) {
    case PhysicalType::Bool: return {nullFlag(v.integer != 0), nullFlag(false)};
    case PhysicalType::Float32:
    case PhysicalType::Float64: return {llvm::ConstantFP::get(type, v.real), nullFlag(false)};
    case PhysicalType::Int128: {
      const auto wide = static_cast<unsigned __int128>(v.wide);
      const uint64_t words[2] = {static_cast<uint64_t>(wide), static_cast<uint64_t>(wide >> 64)};
      return {llvm::ConstantInt::get(context_, llvm::APInt(128, words)), nullFlag(false)};
    }
    case PhysicalType::String: {
      // A StringRef: length, 4-byte prefix, then 8 inline bytes or a pointer to the bytes.
      const uint32_t length = static_cast<uint32_t>(v.bytes.size());
      uint64_t words[2] = {length, 0};
      char prefix[4] = {0, 0, 0, 0};
      std::memcpy(prefix, v.bytes.data(), std::min<size_t>(4, v.bytes.size()));
      uint32_t prefixWord = 0;
      std::memcpy(&prefixWord, prefix, 4);
      words[0] |= static_cast<uint64_t>(prefixWord) << 32;
      if (length <= runtime::StringRef::kInlineLimit) {
        if (length > 4) std::memcpy(&words[1], v.bytes.data() + 4, length - 4);
        return {llvm::ConstantInt::get(context_, llvm::APInt(128, words)), nullFlag(false)};
      }
      llvm::Constant* bytes = llvm::ConstantDataArray::getString(context_, v.bytes, false);
      auto* global = new llvm::GlobalVariable(module_, bytes->getType(), true,
                                              llvm::GlobalValue::PrivateLinkage, bytes, "text");
      llvm::Type* i128 = llvm::Type::getInt128Ty(context_);
      llvm::Value* low = llvm::ConstantInt::get(i128, words[0]);
      llvm::Value* pointer = builder_.CreateZExt(
          builder_.CreatePtrToInt(global, llvm::Type::getInt64Ty(context_)), i128);
      llvm::Value* high = builder_.CreateShl(pointer, 64);
      return {builder_.CreateOr(low, high), nullFlag(false)};
    }
    default: return {llvm::ConstantInt::get(type, static_cast<uint64_t>(v.integer), true), nullFlag(false)};
  }
}

}  // namespace sluice::codegen
