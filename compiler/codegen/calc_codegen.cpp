#include "compiler/codegen/calc_codegen.h"

#include <llvm/IR/IRBuilder.h>

namespace sluice::codegen {
namespace {

// Byte offsets of runtime::BatchAbi and runtime::ColumnAbi fields.
constexpr unsigned kRowCountOffset = 0;
constexpr unsigned kColumnsOffset = 8;
constexpr unsigned kRowKindsOffset = 16;
constexpr unsigned kColumnAbiSize = 16;
constexpr unsigned kValidityOffset = 8;

llvm::Value* loadPointerAt(llvm::IRBuilder<>& b, llvm::Value* base, unsigned offset) {
  return b.CreateLoad(b.getPtrTy(), b.CreateConstInBoundsGEP1_32(b.getInt8Ty(), base, offset));
}

}  // namespace

CalcCodegen::CalcCodegen(llvm::Module& module, const runtime::ScalarFunctionRegistry& registry)
    : module_(module), registry_(registry) {}

bool CalcCodegen::supports(const artifact::Node& calc, const std::vector<DataType>& inputTypes,
                           std::string& reason) {
  llvm::IRBuilder<> builder(module_.getContext());
  ExpressionCodegen expressions(module_, builder, registry_, callSites_, externalSymbols_);
  // Nested input columns are fine: expressions read ROW fields through field accesses, and an
  // expression whose own value is nested is refused below.
  (void)inputTypes;
  if (calc.condition && !expressions.supports(*calc.condition, reason)) return false;
  for (const artifact::Expression& projection : calc.projections) {
    if (!expressions.supports(projection, reason)) return false;
  }
  return true;
}

void CalcCodegen::precomputeBatchFirstCalls(const artifact::Node& calc,
                                            ExpressionCodegen& expressions,
                                            std::vector<DataType>& columnTypes) {
  // The condition runs on every row; the projections do too, unless a condition filters them
  // (a call must not run on, and fail for, a row the filter drops).
  std::vector<const artifact::Expression*> found;
  if (calc.condition) {
    expressions.collectBatchFirstCalls(*calc.condition, found);
  } else {
    for (const artifact::Expression& projection : calc.projections) {
      expressions.collectBatchFirstCalls(projection, found);
    }
  }
  for (const artifact::Expression* call : found) {
    // A deterministic call found twice runs once: the second reads the first one's column.
    if (expressions.precomputedColumn(*call) >= 0) continue;
    runtime::PrecomputedCall precomputed;
    precomputed.site = expressions.precompute(*call, static_cast<int>(columnTypes.size()));
    precomputed.entry = callSites_.back().kernel->vectorEntry;
    for (const artifact::Expression& argument : call->arguments) {
      precomputed.arguments.push_back(
          argument.kind == artifact::ExpressionKind::Column ? argument.column : -1);
    }
    // Nullable whatever the call's type says: a kernel may still report NULL.
    precomputed.type = call->type.withNullable(true);
    for (size_t c = 0; !calc.condition && c < calc.projections.size(); ++c) {
      if (&calc.projections[c] == call) precomputed.outputColumn = static_cast<int>(c);
    }
    columnTypes.push_back(precomputed.type);
    precomputed_.push_back(std::move(precomputed));
  }
}

llvm::Function* CalcCodegen::emit(const artifact::Node& calc,
                                  const std::vector<DataType>& inputTypes, const std::string& name,
                                  const std::string& cpu, const std::string& features) {
  llvm::LLVMContext& context = module_.getContext();
  llvm::IRBuilder<> b(context);
  llvm::Type* pointer = b.getPtrTy();
  auto* type = llvm::FunctionType::get(b.getInt32Ty(), {pointer, pointer, pointer, pointer}, false);
  auto* function = llvm::Function::Create(type, llvm::Function::ExternalLinkage, name, module_);
  function->addFnAttr("target-cpu", cpu);
  function->addFnAttr("target-features", features);
  function->addFnAttr(llvm::Attribute::NoUnwind);
  llvm::Value* in = function->getArg(0);
  llvm::Value* out = function->getArg(1);
  llvm::Value* calls = function->getArg(2);
  for (unsigned i = 0; i < 3; ++i) function->addParamAttr(i, llvm::Attribute::NoAlias);

  auto* entry = llvm::BasicBlock::Create(context, "entry", function);
  auto* header = llvm::BasicBlock::Create(context, "row", function);
  auto* body = llvm::BasicBlock::Create(context, "row.body", function);
  auto* keep = llvm::BasicBlock::Create(context, "row.keep", function);
  auto* next = llvm::BasicBlock::Create(context, "row.next", function);
  auto* done = llvm::BasicBlock::Create(context, "done", function);

  b.SetInsertPoint(entry);
  llvm::Value* rowCount =
      b.CreateLoad(b.getInt32Ty(), b.CreateConstInBoundsGEP1_32(b.getInt8Ty(), in, kRowCountOffset));
  llvm::Value* inColumns = loadPointerAt(b, in, kColumnsOffset);
  llvm::Value* inKinds = loadPointerAt(b, in, kRowKindsOffset);
  llvm::Value* outColumns = loadPointerAt(b, out, kColumnsOffset);
  llvm::Value* outKinds = loadPointerAt(b, out, kRowKindsOffset);
  ExpressionCodegen expressions(module_, b, registry_, callSites_, externalSymbols_);
  RowAccess row;
  row.types = inputTypes;
  row.calls = calls;
  precomputeBatchFirstCalls(calc, expressions, row.types);
  for (size_t c = 0; c < row.types.size(); ++c) {
    const auto offset = static_cast<unsigned>(c * kColumnAbiSize);
    row.values.push_back(loadPointerAt(b, inColumns, offset));
    row.validity.push_back(loadPointerAt(b, inColumns, offset + kValidityOffset));
  }
  std::vector<llvm::Value*> outValues;
  std::vector<llvm::Value*> outValidity;
  for (size_t c = 0; c < calc.projections.size(); ++c) {
    const auto offset = static_cast<unsigned>(c * kColumnAbiSize);
    outValues.push_back(loadPointerAt(b, outColumns, offset));
    outValidity.push_back(loadPointerAt(b, outColumns, offset + kValidityOffset));
  }
  llvm::AllocaInst* written = b.CreateAlloca(b.getInt32Ty());
  llvm::AllocaInst* index = b.CreateAlloca(b.getInt32Ty());
  b.CreateStore(b.getInt32(0), written);
  b.CreateStore(b.getInt32(0), index);
  b.CreateBr(header);

  b.SetInsertPoint(header);
  llvm::Value* i = b.CreateLoad(b.getInt32Ty(), index);
  b.CreateCondBr(b.CreateICmpSLT(i, rowCount), body, done);

  b.SetInsertPoint(body);
  row.row = i;
  if (calc.condition) {
    b.CreateCondBr(expressions.emitCondition(*calc.condition, row, next), keep, next);
  } else {
    b.CreateBr(keep);
  }

  b.SetInsertPoint(keep);
  llvm::Value* target = b.CreateLoad(b.getInt32Ty(), written);
  std::vector<bool> writtenByRuntime(calc.projections.size(), false);
  for (const runtime::PrecomputedCall& precomputed : precomputed_) {
    if (precomputed.outputColumn >= 0) writtenByRuntime[precomputed.outputColumn] = true;
  }
  for (size_t c = 0; c < calc.projections.size(); ++c) {
    if (writtenByRuntime[c]) continue;
    const artifact::Expression& projection = calc.projections[c];
    const EmittedValue value = expressions.emit(projection, row);
    llvm::Type* storage = expressions.storageType(projection.type);
    llvm::Value* stored = value.value;
    if (runtime::physicalTypeOf(projection.type) == runtime::PhysicalType::Bool) {
      stored = b.CreateZExt(stored, b.getInt8Ty());
    }
    b.CreateAlignedStore(stored, b.CreateInBoundsGEP(storage, outValues[c], target), llvm::Align(8));
    b.CreateStore(b.CreateZExt(b.CreateNot(value.isNull), b.getInt8Ty()),
                  b.CreateInBoundsGEP(b.getInt8Ty(), outValidity[c], target));
  }
  llvm::Value* kind = b.CreateLoad(b.getInt8Ty(), b.CreateInBoundsGEP(b.getInt8Ty(), inKinds, i));
  b.CreateStore(kind, b.CreateInBoundsGEP(b.getInt8Ty(), outKinds, target));
  b.CreateStore(b.CreateAdd(target, b.getInt32(1)), written);
  b.CreateBr(next);

  b.SetInsertPoint(next);
  b.CreateStore(b.CreateAdd(i, b.getInt32(1)), index);
  b.CreateBr(header);

  b.SetInsertPoint(done);
  b.CreateRet(b.CreateLoad(b.getInt32Ty(), written));
  return function;
}

}  // namespace sluice::codegen
