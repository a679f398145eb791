#include "compiler/codegen/aggregate_update_codegen.h"

#include <llvm/IR/IRBuilder.h>

#include <cstddef>
#include <map>

namespace sluice::codegen {
namespace {

using runtime::AggregateTableAbi;
using runtime::AggregateUpdate;
using runtime::AggregateUpdateLayout;
using runtime::BatchAbi;
using runtime::ColumnAbi;
using runtime::PhysicalType;

llvm::Value* loadAt(llvm::IRBuilder<>& b, llvm::Type* type, llvm::Value* base, size_t offset) {
  return b.CreateLoad(type, b.CreateConstInBoundsGEP1_64(b.getInt8Ty(), base, offset));
}

// The element type a column of `type` stores.
llvm::Type* storageType(llvm::IRBuilder<>& b, PhysicalType type) {
  switch (type) {
    case PhysicalType::Bool:
    case PhysicalType::Int8: return b.getInt8Ty();
    case PhysicalType::Int16: return b.getInt16Ty();
    case PhysicalType::Int32: return b.getInt32Ty();
    case PhysicalType::Float32: return b.getFloatTy();
    case PhysicalType::Float64: return b.getDoubleTy();
    default: return b.getInt64Ty();
  }
}

// A column's arrays, loaded once before the row loop.
struct ColumnArrays {
  llvm::Value* values = nullptr;
  llvm::Value* validity = nullptr;
};

class Emitter {
 public:
  Emitter(llvm::IRBuilder<>& b, const AggregateUpdateLayout& layout) : b_(b), layout_(layout) {}

  void loadColumns(llvm::Value* columns) {
    auto load = [&](int column) {
      if (column < 0 || columns_.count(column)) return;
      const size_t at = static_cast<size_t>(column) * sizeof(ColumnAbi);
      columns_[column] = {loadAt(b_, b_.getPtrTy(), columns, at + offsetof(ColumnAbi, values)),
                          loadAt(b_, b_.getPtrTy(), columns, at + offsetof(ColumnAbi, validity))};
    };
    for (int key : layout_.keyColumns) load(key);
    for (const AggregateUpdateLayout::Call& call : layout_.calls) {
      load(call.argument);
      load(call.filter);
    }
  }

  // i1: the column's value on row `row` is not NULL.
  llvm::Value* isValid(int column, llvm::Value* row) {
    llvm::Value* flag = b_.CreateLoad(
        b_.getInt8Ty(), b_.CreateInBoundsGEP(b_.getInt8Ty(), columns_.at(column).validity, row));
    return b_.CreateICmpNE(flag, b_.getInt8(0));
  }

  // The column's value on row `row` as a 64-bit word: integers sign-extended, FLOAT and DOUBLE
  // as a double's bits (aggregate_buffer.cpp's `widen`).
  llvm::Value* word(int column, llvm::Value* row) {
    const PhysicalType type = layout_.inputTypes[static_cast<size_t>(column)];
    llvm::Type* element = storageType(b_, type);
    llvm::Value* value = b_.CreateLoad(
        element, b_.CreateInBoundsGEP(element, columns_.at(column).values, row));
    switch (type) {
      case PhysicalType::Float32:
        return b_.CreateBitCast(b_.CreateFPExt(value, b_.getDoubleTy()), b_.getInt64Ty());
      case PhysicalType::Float64: return b_.CreateBitCast(value, b_.getInt64Ty());
      case PhysicalType::Int64: return value;
      default: return b_.CreateSExt(value, b_.getInt64Ty());
    }
  }

  // i1: the call takes row `row` (its FILTER holds, its argument is not NULL).
  llvm::Value* takes(const AggregateUpdateLayout::Call& call, llvm::Value* row) {
    llvm::Value* take = b_.getTrue();
    if (call.filter >= 0) {
      llvm::Value* flag = b_.CreateLoad(
          b_.getInt8Ty(), b_.CreateInBoundsGEP(b_.getInt8Ty(), columns_.at(call.filter).values, row));
      take = b_.CreateAnd(isValid(call.filter, row), b_.CreateICmpNE(flag, b_.getInt8(0)));
    }
    if (call.argument >= 0 && call.update != AggregateUpdate::CountRows) {
      take = b_.CreateAnd(take, isValid(call.argument, row));
    }
    return take;
  }

  // Updates the call's accumulator words at `accumulators` with row `row`.
  void update(const AggregateUpdateLayout::Call& call, llvm::Value* accumulators, llvm::Value* row) {
    llvm::Type* i64 = b_.getInt64Ty();
    llvm::Type* f64 = b_.getDoubleTy();
    llvm::Value* first = b_.CreateConstInBoundsGEP1_32(i64, accumulators, call.slot);
    llvm::Value* second = b_.CreateConstInBoundsGEP1_32(i64, accumulators, call.slot + 1);
    auto increment = [&](llvm::Value* at) {
      b_.CreateStore(b_.CreateAdd(b_.CreateLoad(i64, at), b_.getInt64(1)), at);
    };
    switch (call.update) {
      case AggregateUpdate::CountRows:
      case AggregateUpdate::CountValues: increment(first); break;
      case AggregateUpdate::SumInteger:
        // Wraps on overflow, as the C++ loop's unsigned addition does.
        b_.CreateStore(b_.CreateAdd(b_.CreateLoad(i64, first), word(call.argument, row)), first);
        increment(second);
        break;
      case AggregateUpdate::SumReal: {
        llvm::Value* value = word(call.argument, row);
        value = call.real ? b_.CreateBitCast(value, f64) : b_.CreateSIToFP(value, f64);
        llvm::Value* sum = b_.CreateFAdd(b_.CreateBitCast(b_.CreateLoad(i64, first), f64), value);
        if (call.roundsToFloat) sum = b_.CreateFPExt(b_.CreateFPTrunc(sum, b_.getFloatTy()), f64);
        b_.CreateStore(b_.CreateBitCast(sum, i64), first);
        increment(second);
        break;
      }
      case AggregateUpdate::Min:
      case AggregateUpdate::Max: {
        const bool min = call.update == AggregateUpdate::Min;
        llvm::Value* value = word(call.argument, row);
        llvm::Value* current = b_.CreateLoad(i64, first);
        llvm::Value* better =
            call.real ? (min ? b_.CreateFCmpOLT(b_.CreateBitCast(value, f64), b_.CreateBitCast(current, f64))
                             : b_.CreateFCmpOGT(b_.CreateBitCast(value, f64), b_.CreateBitCast(current, f64)))
                      : (min ? b_.CreateICmpSLT(value, current) : b_.CreateICmpSGT(value, current));
        llvm::Value* empty = b_.CreateICmpEQ(b_.CreateLoad(i64, second), b_.getInt64(0));
        b_.CreateStore(b_.CreateSelect(b_.CreateOr(empty, better), value, current), first);
        b_.CreateStore(b_.getInt64(1), second);
        break;
      }
    }
  }

 private:
  llvm::IRBuilder<>& b_;
  const AggregateUpdateLayout& layout_;
  std::map<int, ColumnArrays> columns_;
};

// aggregate_buffer.cpp's finalMix.
llvm::Value* finalMix(llvm::IRBuilder<>& b, llvm::Value* h) {
  h = b.CreateXor(h, b.CreateLShr(h, 33));
  h = b.CreateMul(h, b.getInt64(runtime::kFinalMixMultiplier));
  return b.CreateXor(h, b.CreateLShr(h, 33));
}

}  // namespace

llvm::Function* emitAggregateUpdate(llvm::Module& module, const AggregateUpdateLayout& layout,
                                    const std::string& name, const std::string& cpu,
                                    const std::string& features) {
  llvm::LLVMContext& context = module.getContext();
  llvm::IRBuilder<> b(context);
  llvm::Type* pointer = b.getPtrTy();
  llvm::Type* i64 = b.getInt64Ty();
  llvm::Type* i32 = b.getInt32Ty();
  auto* type = llvm::FunctionType::get(b.getVoidTy(), {pointer, pointer, pointer, pointer}, false);
  auto* function = llvm::Function::Create(type, llvm::Function::ExternalLinkage, name, module);
  function->addFnAttr("target-cpu", cpu);
  function->addFnAttr("target-features", features);
  function->addFnAttr(llvm::Attribute::NoUnwind);
  // Not the table: `insert` rewrites it through the buffer's own pointer.
  for (unsigned i = 0; i < 3; ++i) function->addParamAttr(i, llvm::Attribute::NoAlias);
  llvm::Value* in = function->getArg(0);
  llvm::Value* sliceEnds = function->getArg(1);
  llvm::Value* keep = function->getArg(2);
  llvm::Value* table = function->getArg(3);

  auto block = [&](const char* label) { return llvm::BasicBlock::Create(context, label, function); };
  llvm::BasicBlock* entry = block("entry");
  llvm::BasicBlock* header = block("row");
  llvm::BasicBlock* hashing = block("row.hash");
  llvm::BasicBlock* probe = block("probe");
  llvm::BasicBlock* compare = block("probe.compare");
  llvm::BasicBlock* mismatch = block("probe.next");
  llvm::BasicBlock* miss = block("probe.insert");
  llvm::BasicBlock* found = block("found");
  llvm::BasicBlock* latch = block("row.next");
  llvm::BasicBlock* done = block("done");

  b.SetInsertPoint(entry);
  llvm::Value* rowCount = loadAt(b, i32, in, offsetof(BatchAbi, rowCount));
  Emitter emitter(b, layout);
  emitter.loadColumns(loadAt(b, pointer, in, offsetof(BatchAbi, columns)));
  const size_t keyCount = layout.keyColumns.size();
  llvm::Value* keyBuffer =
      b.CreateAlloca(i64, b.getInt32(static_cast<uint32_t>(layout.keyWords)), "key");
  b.CreateBr(header);

  b.SetInsertPoint(header);
  llvm::PHINode* row = b.CreatePHI(i32, 2, "r");
  row->addIncoming(b.getInt32(0), entry);
  b.CreateCondBr(b.CreateICmpSLT(row, rowCount), hashing, done);

  // The row's key words and hash; a dropped row goes straight to the next.
  b.SetInsertPoint(hashing);
  llvm::Value* kept = b.CreateLoad(b.getInt8Ty(), b.CreateInBoundsGEP(b.getInt8Ty(), keep, row));
  llvm::BasicBlock* keyed = block("row.key");
  b.CreateCondBr(b.CreateICmpNE(kept, b.getInt8(0)), keyed, latch);
  b.SetInsertPoint(keyed);
  llvm::Value* sliceEnd = b.CreateLoad(i64, b.CreateInBoundsGEP(i64, sliceEnds, row));
  llvm::Value* hash = b.CreateMul(sliceEnd, b.getInt64(runtime::kSliceHashMultiplier));
  llvm::Value* nulls = b.getInt64(0);
  std::vector<llvm::Value*> words;
  for (size_t k = 0; k < keyCount; ++k) {
    const int column = layout.keyColumns[k];
    llvm::Value* isNull = b.CreateNot(emitter.isValid(column, row));
    llvm::Value* value = b.CreateSelect(isNull, b.getInt64(0), emitter.word(column, row));
    nulls = b.CreateOr(nulls, b.CreateShl(b.CreateZExt(isNull, i64), k));
    hash = b.CreateMul(b.CreateXor(hash, value), b.getInt64(runtime::kKeyHashMultiplier));
    words.push_back(value);
  }
  words.push_back(nulls);
  words.push_back(sliceEnd);
  hash = finalMix(b, b.CreateXor(hash, nulls));
  llvm::Value* slots = loadAt(b, pointer, table, offsetof(AggregateTableAbi, slots));
  llvm::Value* mask = loadAt(b, i64, table, offsetof(AggregateTableAbi, mask));
  llvm::Value* entries = loadAt(b, pointer, table, offsetof(AggregateTableAbi, entries));
  const auto stride = static_cast<uint64_t>(layout.stride());
  llvm::Value* home = b.CreateAnd(hash, mask);
  b.CreateBr(probe);

  // Linear probing: an empty slot means the key is new.
  b.SetInsertPoint(probe);
  llvm::PHINode* at = b.CreatePHI(i64, 2, "at");
  at->addIncoming(home, keyed);
  llvm::Value* slot = b.CreateLoad(i32, b.CreateInBoundsGEP(i32, slots, at));
  b.CreateCondBr(b.CreateICmpEQ(slot, b.getInt32(0)), miss, compare);

  b.SetInsertPoint(compare);
  llvm::Value* candidate = b.CreateSub(slot, b.getInt32(1));
  llvm::Value* stored =
      b.CreateInBoundsGEP(i64, entries, b.CreateMul(b.CreateZExt(candidate, i64), b.getInt64(stride)));
  llvm::Value* same = b.getTrue();
  for (size_t w = 0; w < words.size(); ++w) {
    llvm::Value* storedWord =
        b.CreateLoad(i64, b.CreateConstInBoundsGEP1_64(i64, stored, w));
    same = b.CreateAnd(same, b.CreateICmpEQ(storedWord, words[w]));
  }
  b.CreateCondBr(same, found, mismatch);

  b.SetInsertPoint(mismatch);
  llvm::Value* nextAt = b.CreateAnd(b.CreateAdd(at, b.getInt64(1)), mask);
  at->addIncoming(nextAt, mismatch);
  b.CreateBr(probe);

  b.SetInsertPoint(miss);
  for (size_t w = 0; w < words.size(); ++w) {
    b.CreateStore(words[w], b.CreateConstInBoundsGEP1_64(i64, keyBuffer, w));
  }
  auto* insertType = llvm::FunctionType::get(i32, {pointer, pointer, i64}, false);
  llvm::Value* insert = loadAt(b, pointer, table, offsetof(AggregateTableAbi, insert));
  llvm::Value* buffer = loadAt(b, pointer, table, offsetof(AggregateTableAbi, buffer));
  llvm::Value* inserted = b.CreateCall(insertType, insert, {buffer, keyBuffer, at});
  b.CreateBr(found);

  // The entry's accumulators; the entries may have moved if an insert grew them.
  b.SetInsertPoint(found);
  llvm::PHINode* entryIndex = b.CreatePHI(i32, 2, "entry");
  entryIndex->addIncoming(candidate, compare);
  entryIndex->addIncoming(inserted, miss);
  llvm::Value* currentEntries = loadAt(b, pointer, table, offsetof(AggregateTableAbi, entries));
  llvm::Value* accumulators = b.CreateInBoundsGEP(
      i64, currentEntries,
      b.CreateAdd(b.CreateMul(b.CreateZExt(entryIndex, i64), b.getInt64(stride)),
                  b.getInt64(static_cast<uint64_t>(layout.keyWords))));
  for (const AggregateUpdateLayout::Call& call : layout.calls) {
    llvm::BasicBlock* apply = block("call.update");
    llvm::BasicBlock* after = block("call.next");
    b.CreateCondBr(emitter.takes(call, row), apply, after);
    b.SetInsertPoint(apply);
    emitter.update(call, accumulators, row);
    b.CreateBr(after);
    b.SetInsertPoint(after);
  }
  b.CreateBr(latch);

  b.SetInsertPoint(latch);
  llvm::Value* nextRow = b.CreateAdd(row, b.getInt32(1));
  row->addIncoming(nextRow, latch);
  b.CreateBr(header);

  b.SetInsertPoint(done);
  b.CreateRetVoid();
  return function;
}

}  // namespace sluice::codegen
