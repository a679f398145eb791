// Special forms (with branches for short-circuit evaluation), inline operators and kernel calls.
#include "compiler/codegen/expression_codegen.h"

#include "runtime/expression/evaluation_node.h"

namespace sluice::codegen {
namespace {

using artifact::Expression;
using runtime::AbiType;

struct Incoming {
  llvm::Value* value;
  llvm::Value* isNull;
  llvm::BasicBlock* block;
};

bool isInlineArithmeticType(TypeKind kind) {
  switch (kind) {
    case TypeKind::TinyInt:
    case TypeKind::SmallInt:
    case TypeKind::Int:
    case TypeKind::BigInt:
    case TypeKind::Float:
    case TypeKind::Double: return true;
    default: return false;
  }
}

bool isInlineComparableType(TypeKind kind) {
  switch (kind) {
    case TypeKind::Boolean:
    case TypeKind::Date:
    case TypeKind::Time:
    case TypeKind::Timestamp:
    case TypeKind::TimestampLtz:
    case TypeKind::IntervalYearMonth:
    case TypeKind::IntervalDayTime: return true;
    default: return isInlineArithmeticType(kind);
  }
}

// The value and null flag of whichever branch reached `merge`.
EmittedValue joinBranches(llvm::IRBuilder<>& builder, llvm::BasicBlock* merge, llvm::Type* type,
                          const std::vector<Incoming>& incoming) {
  builder.SetInsertPoint(merge);
  llvm::PHINode* value = builder.CreatePHI(type, incoming.size());
  llvm::PHINode* isNull = builder.CreatePHI(builder.getInt1Ty(), incoming.size());
  for (const Incoming& in : incoming) {
    value->addIncoming(in.value, in.block);
    isNull->addIncoming(in.isNull, in.block);
  }
  return {value, isNull};
}

}  // namespace

EmittedValue ExpressionCodegen::logical(const Expression& e, const RowAccess& row, bool isAnd) {
  // Folded left: AND(a, b, c) = AND(AND(a, b), c). The right side runs only when the left does
  // not decide (FALSE for AND, TRUE for OR).
  EmittedValue left = emit(e.arguments[0], row);
  for (size_t i = 1; i < e.arguments.size(); ++i) {
    llvm::Function* function = builder_.GetInsertBlock()->getParent();
    llvm::Value* decided = builder_.CreateAnd(
        builder_.CreateNot(left.isNull),
        isAnd ? builder_.CreateNot(left.value) : left.value);
    llvm::BasicBlock* leftBlock = builder_.GetInsertBlock();
    auto* rightBlock = llvm::BasicBlock::Create(context_, "logic.right", function);
    auto* merge = llvm::BasicBlock::Create(context_, "logic.merge", function);
    builder_.CreateCondBr(decided, merge, rightBlock);
    builder_.SetInsertPoint(rightBlock);
    // A branch of its own: the next operand's block is also reached without passing this one.
    known_.enter();
    EmittedValue right = emit(e.arguments[i], row);
    known_.leave();
    llvm::Value* rightDecides = builder_.CreateAnd(
        builder_.CreateNot(right.isNull), isAnd ? builder_.CreateNot(right.value) : right.value);
    llvm::Value* eitherNull = builder_.CreateOr(left.isNull, right.isNull);
    llvm::Value* resultNull = builder_.CreateAnd(builder_.CreateNot(rightDecides), eitherNull);
    // Not deciding and no NULL: both sides are the neutral value (TRUE for AND, FALSE for OR).
    llvm::Value* resultValue = isAnd ? builder_.CreateNot(rightDecides) : rightDecides;
    llvm::BasicBlock* rightEnd = builder_.GetInsertBlock();
    builder_.CreateBr(merge);
    builder_.SetInsertPoint(merge);
    llvm::PHINode* value = builder_.CreatePHI(builder_.getInt1Ty(), 2);
    value->addIncoming(nullFlag(!isAnd), leftBlock);
    value->addIncoming(resultValue, rightEnd);
    llvm::PHINode* isNull = builder_.CreatePHI(builder_.getInt1Ty(), 2);
    isNull->addIncoming(nullFlag(false), leftBlock);
    isNull->addIncoming(resultNull, rightEnd);
    left = {value, isNull};
  }
  return left;
}

namespace {

void collectConjuncts(const Expression& e, std::vector<const Expression*>& conjuncts) {
  if (e.kind != artifact::ExpressionKind::Call || e.function != "AND") {
    conjuncts.push_back(&e);
    return;
  }
  for (const Expression& argument : e.arguments) collectConjuncts(argument, conjuncts);
}

}  // namespace

llvm::Value* ExpressionCodegen::emitCondition(const Expression& condition, const RowAccess& row,
                                              llvm::BasicBlock* rejected) {
  // AND(a, AND(b, c)) runs b only where a is not FALSE, c only where neither a nor b is: the
  // same as a chain a, b, c that stops at the first FALSE. The row is kept when no conjunct was
  // FALSE or NULL. Each conjunct is emitted in the block only the previous one leads to, in the
  // Calc's top scope (common_subexpressions.h).
  std::vector<const Expression*> conjuncts;
  collectConjuncts(condition, conjuncts);
  llvm::Function* function = builder_.GetInsertBlock()->getParent();
  llvm::Value* sawNull = nullFlag(false);
  EmittedValue last;
  for (size_t i = 0; i < conjuncts.size(); ++i) {
    last = emit(*conjuncts[i], row);
    sawNull = builder_.CreateOr(sawNull, last.isNull);
    if (i + 1 == conjuncts.size()) break;
    llvm::Value* isFalse =
        builder_.CreateAnd(builder_.CreateNot(last.isNull), builder_.CreateNot(last.value));
    auto* next = llvm::BasicBlock::Create(context_, "filter.next", function);
    builder_.CreateCondBr(isFalse, rejected, next);
    builder_.SetInsertPoint(next);
  }
  return builder_.CreateAnd(builder_.CreateNot(sawNull), last.value);
}

EmittedValue ExpressionCodegen::test(const Expression& e, const RowAccess& row) {
  const EmittedValue operand = emit(e.arguments[0], row);
  const std::string& f = e.function;
  if (f == "IS NULL") return {operand.isNull, nullFlag(false)};
  if (f == "IS NOT NULL") return {builder_.CreateNot(operand.isNull), nullFlag(false)};
  if (f == "NOT") return {builder_.CreateNot(operand.value), operand.isNull};
  llvm::Value* known = builder_.CreateNot(operand.isNull);
  llvm::Value* isTrue = builder_.CreateAnd(known, operand.value);
  llvm::Value* isFalse = builder_.CreateAnd(known, builder_.CreateNot(operand.value));
  if (f == "IS TRUE") return {isTrue, nullFlag(false)};
  if (f == "IS NOT TRUE") return {builder_.CreateNot(isTrue), nullFlag(false)};
  if (f == "IS FALSE") return {isFalse, nullFlag(false)};
  return {builder_.CreateNot(isFalse), nullFlag(false)};  // IS NOT FALSE
}

EmittedValue ExpressionCodegen::caseWhen(const Expression& e, const RowAccess& row) {
  llvm::Function* function = builder_.GetInsertBlock()->getParent();
  auto* merge = llvm::BasicBlock::Create(context_, "case.end", function);
  std::vector<Incoming> incoming;
  // Values reused across branches (common_subexpressions.h): the first WHEN's reach everything
  // after it; each later WHEN, and the ELSE, is emitted in a branch of the WHEN before it (its
  // block is reached only through that WHEN), each THEN in a branch closed after it.
  const size_t branches = e.arguments.size() / 2;
  for (size_t b = 0; b < branches; ++b) {
    if (b > 0) known_.enter();
    const EmittedValue condition = emit(e.arguments[2 * b], row);
    llvm::Value* taken = builder_.CreateAnd(builder_.CreateNot(condition.isNull), condition.value);
    auto* then = llvm::BasicBlock::Create(context_, "case.then", function);
    auto* next = llvm::BasicBlock::Create(context_, "case.next", function);
    builder_.CreateCondBr(taken, then, next);
    builder_.SetInsertPoint(then);
    known_.enter();
    const EmittedValue value = emit(e.arguments[2 * b + 1], row);
    known_.leave();
    incoming.push_back({value.value, value.isNull, builder_.GetInsertBlock()});
    builder_.CreateBr(merge);
    builder_.SetInsertPoint(next);
  }
  size_t open = branches > 0 ? branches - 1 : 0;
  if (e.arguments.size() % 2 == 1) {
    known_.enter();
    ++open;
    const EmittedValue otherwise = emit(e.arguments.back(), row);
    incoming.push_back({otherwise.value, otherwise.isNull, builder_.GetInsertBlock()});
  } else {
    incoming.push_back({zeroOf(e.type), nullFlag(true), builder_.GetInsertBlock()});
  }
  if (open > 0) known_.leave(open);
  builder_.CreateBr(merge);
  return joinBranches(builder_, merge, valueType(e.type), incoming);
}

EmittedValue ExpressionCodegen::coalesce(const Expression& e, const RowAccess& row) {
  llvm::Function* function = builder_.GetInsertBlock()->getParent();
  auto* merge = llvm::BasicBlock::Create(context_, "coalesce.end", function);
  std::vector<Incoming> incoming;
  // Each operand after the first is emitted in a branch of the one before it (reached only
  // through it), closed at the end (common_subexpressions.h).
  for (size_t i = 0; i + 1 < e.arguments.size(); ++i) {
    if (i > 0) known_.enter();
    const EmittedValue value = emit(e.arguments[i], row);
    incoming.push_back({value.value, value.isNull, builder_.GetInsertBlock()});
    auto* next = llvm::BasicBlock::Create(context_, "coalesce.next", function);
    builder_.CreateCondBr(value.isNull, next, merge);
    builder_.SetInsertPoint(next);
  }
  if (e.arguments.size() > 1) known_.enter();
  const EmittedValue last = emit(e.arguments.back(), row);
  incoming.push_back({last.value, last.isNull, builder_.GetInsertBlock()});
  if (e.arguments.size() > 1) known_.leave(e.arguments.size() - 1);
  builder_.CreateBr(merge);
  return joinBranches(builder_, merge, valueType(e.type), incoming);
}

bool ExpressionCodegen::inlinable(const Expression& e) const {
  if (e.kind != artifact::ExpressionKind::Call) return false;
  const std::string& f = e.function;
  if (e.arguments.size() == 1 && f == "-") {
    return isInlineArithmeticType(e.type.kind()) && e.arguments[0].type.kind() == e.type.kind();
  }
  if (e.arguments.size() != 2) return false;
  const TypeKind left = e.arguments[0].type.kind();
  const TypeKind right = e.arguments[1].type.kind();
  if (left != right) return false;
  if (f == "=" || f == "<>" || f == "<" || f == "<=" || f == ">" || f == ">=") {
    return isInlineComparableType(left);
  }
  const bool floating = left == TypeKind::Float || left == TypeKind::Double;
  // Integer division and modulo can fail (division by zero): they stay kernel calls.
  if (f == "+" || f == "-" || f == "*" || (floating && f == "/")) {
    return isInlineArithmeticType(left) && e.type.kind() == left;
  }
  return false;
}

EmittedValue ExpressionCodegen::inlineOperator(const Expression& e, const RowAccess& row) {
  const std::string& f = e.function;
  const EmittedValue a = emit(e.arguments[0], row);
  const TypeKind kind = e.arguments[0].type.kind();
  const bool floating = kind == TypeKind::Float || kind == TypeKind::Double;
  if (e.arguments.size() == 1) {
    return {floating ? builder_.CreateFNeg(a.value) : builder_.CreateNeg(a.value), a.isNull};
  }
  const EmittedValue b = emit(e.arguments[1], row);
  llvm::Value* isNull = builder_.CreateOr(a.isNull, b.isNull);
  llvm::Value* value = nullptr;
  const bool boolean = kind == TypeKind::Boolean;
  if (f == "+") value = floating ? builder_.CreateFAdd(a.value, b.value) : builder_.CreateAdd(a.value, b.value);
  if (f == "-") value = floating ? builder_.CreateFSub(a.value, b.value) : builder_.CreateSub(a.value, b.value);
  if (f == "*") value = floating ? builder_.CreateFMul(a.value, b.value) : builder_.CreateMul(a.value, b.value);
  if (f == "/") value = builder_.CreateFDiv(a.value, b.value);
  if (floating) {
    // Java semantics: every comparison with NaN is false except <>.
    if (f == "=") value = builder_.CreateFCmpOEQ(a.value, b.value);
    if (f == "<>") value = builder_.CreateFCmpUNE(a.value, b.value);
    if (f == "<") value = builder_.CreateFCmpOLT(a.value, b.value);
    if (f == "<=") value = builder_.CreateFCmpOLE(a.value, b.value);
    if (f == ">") value = builder_.CreateFCmpOGT(a.value, b.value);
    if (f == ">=") value = builder_.CreateFCmpOGE(a.value, b.value);
  } else {
    if (f == "=") value = builder_.CreateICmpEQ(a.value, b.value);
    if (f == "<>") value = builder_.CreateICmpNE(a.value, b.value);
    if (f == "<") value = boolean ? builder_.CreateICmpULT(a.value, b.value) : builder_.CreateICmpSLT(a.value, b.value);
    if (f == "<=") value = boolean ? builder_.CreateICmpULE(a.value, b.value) : builder_.CreateICmpSLE(a.value, b.value);
    if (f == ">") value = boolean ? builder_.CreateICmpUGT(a.value, b.value) : builder_.CreateICmpSGT(a.value, b.value);
    if (f == ">=") value = boolean ? builder_.CreateICmpUGE(a.value, b.value) : builder_.CreateICmpSGE(a.value, b.value);
  }
  return {value, isNull};
}

CallSiteRecord ExpressionCodegen::callSiteOf(const Expression& e) const {
  CallSiteRecord record;
  record.kernel = findKernel(e);
  record.site.function = e.function;
  record.site.resultType = e.type;
  for (const Expression& argument : e.arguments) {
    record.site.argumentTypes.push_back(argument.type);
    record.site.constants.push_back(
        argument.kind == artifact::ExpressionKind::Literal
            ? std::optional<runtime::Value>(runtime::literalValue(argument, "UTC"))
            : std::nullopt);
  }
  return record;
}

EmittedValue ExpressionCodegen::kernelCall(const Expression& e, const RowAccess& row) {
  std::vector<EmittedValue> arguments;
  for (const Expression& argument : e.arguments) arguments.push_back(emit(argument, row));
  CallSiteRecord record = callSiteOf(e);
  const runtime::ScalarKernel* kernel = record.kernel;
  const int siteIndex = static_cast<int>(callSites_.size());
  callSites_.push_back(std::move(record));

  llvm::Value* resultIsNull = nullptr;
  if (kernel->variadic) {
    llvm::Value* value = callKernel(*kernel, siteIndex, arguments, row, resultIsNull);
    return {value, resultIsNull};
  }
  llvm::Value* anyNull = nullFlag(false);
  for (const EmittedValue& argument : arguments) anyNull = builder_.CreateOr(anyNull, argument.isNull);
  if (auto* constant = llvm::dyn_cast<llvm::ConstantInt>(anyNull); constant && constant->isZero()) {
    llvm::Value* value = callKernel(*kernel, siteIndex, arguments, row, resultIsNull);
    return {value, resultIsNull};
  }
  // NULL in, NULL out, without calling the kernel.
  llvm::Function* function = builder_.GetInsertBlock()->getParent();
  llvm::BasicBlock* before = builder_.GetInsertBlock();
  auto* callBlock = llvm::BasicBlock::Create(context_, "call", function);
  auto* merge = llvm::BasicBlock::Create(context_, "call.end", function);
  builder_.CreateCondBr(anyNull, merge, callBlock);
  builder_.SetInsertPoint(callBlock);
  llvm::Value* value = callKernel(*kernel, siteIndex, arguments, row, resultIsNull);
  llvm::BasicBlock* callEnd = builder_.GetInsertBlock();
  builder_.CreateBr(merge);
  builder_.SetInsertPoint(merge);
  llvm::PHINode* phiValue = builder_.CreatePHI(valueType(e.type), 2);
  phiValue->addIncoming(zeroOf(e.type), before);
  phiValue->addIncoming(value, callEnd);
  llvm::PHINode* phiNull = builder_.CreatePHI(builder_.getInt1Ty(), 2);
  phiNull->addIncoming(nullFlag(true), before);
  phiNull->addIncoming(resultIsNull, callEnd);
  return {phiValue, phiNull};
}

}  // namespace sluice::codegen
