// Column references, constants, field access, and the dispatch from artifact expressions.
#include <cstring>

#include "runtime/data/vector_copy.h"
#include "runtime/expression/evaluation_node.h"
#include "runtime/expression/expression_program.h"

namespace sluice::runtime {
namespace {

class ColumnNode final : public EvaluationNode {
 public:
  ColumnNode(DataType type, int column) : EvaluationNode(std::move(type)), column_(column) {}
  const Vector& evaluate(const Batch& input, const int32_t*, int) override {
    return input.column(column_);
  }

 private:
  int column_;
};

// A literal, materialized for as many rows as the largest batch seen so far.
class ConstantNode final : public EvaluationNode {
 public:
  ConstantNode(DataType type, Value value, Arena& arena)
      : EvaluationNode(std::move(type)), value_(std::move(value)), arena_(arena) {}
  const Vector& evaluate(const Batch& input, const int32_t*, int) override {
    Vector& out = retainedResult(input.size());
    for (; filled_ < input.size(); ++filled_) writeValue(out, filled_, value_, arena_);
    return out;
  }

 private:
  Value value_;
  Arena& arena_;
  int filled_ = 0;
};

class FieldAccessNode final : public EvaluationNode {
 public:
  FieldAccessNode(DataType type, std::unique_ptr<EvaluationNode> row, int field)
      : EvaluationNode(std::move(type)), row_(std::move(row)), field_(field) {}
  const Vector& evaluate(const Batch& input, const int32_t* rows, int count) override {
    const Vector& row = row_->evaluate(input, rows, count);
    Vector& out = result(input.size());
    const Vector& field = row.children()[field_];
    for (int k = 0; k < count; ++k) {
      const int32_t r = rows[k];
      if (row.isNull(r)) {
        setNullValue(out, r);  // the fields of a NULL row may hold anything
      } else {
        gatherRows(field, &r, 1, out, r);
      }
    }
    return out;
  }

 private:
  std::unique_ptr<EvaluationNode> row_;
  int field_;
};

// One occurrence of a shared subexpression: the first to run in an evaluation computes it for
// its rows, the others read that result. The scopes the nodes were built in make sure every
// later occurrence asks for a subset of the first one's rows.
class SharedNode final : public EvaluationNode {
 public:
  SharedNode(std::shared_ptr<SharedSubexpression> shared, const uint64_t& evaluation)
      : EvaluationNode(shared->node->type()), shared_(std::move(shared)), evaluation_(evaluation) {}
  const Vector& evaluate(const Batch& input, const int32_t* rows, int count) override {
    if (shared_->evaluation != evaluation_) {
      shared_->value = &shared_->node->evaluate(input, rows, count);
      shared_->evaluation = evaluation_;
    }
    return *shared_->value;
  }

 private:
  std::shared_ptr<SharedSubexpression> shared_;
  const uint64_t& evaluation_;
};

std::unique_ptr<EvaluationNode> buildUnshared(const artifact::Expression& e,
                                              BuildContext& context) {
  switch (e.kind) {
    case artifact::ExpressionKind::Column: return std::make_unique<ColumnNode>(e.type, e.column);
    case artifact::ExpressionKind::Literal:
      return std::make_unique<ConstantNode>(e.type, literalValue(e, context.task.timeZone),
                                            *context.task.constants);
    case artifact::ExpressionKind::FieldAccess:
      return std::make_unique<FieldAccessNode>(e.type, buildNode(e.arguments[0], context),
                                               e.column);
    case artifact::ExpressionKind::Cast: return buildKernelCall(e, context);
    case artifact::ExpressionKind::Call: {
      if (auto special = buildSpecialForm(e, context)) return special;
      return buildKernelCall(e, context);
    }
  }
  throw PrepareError("unknown expression kind");
}

}  // namespace

std::unique_ptr<EvaluationNode> buildNode(const artifact::Expression& e, BuildContext& context) {
  if (context.shared == nullptr || !isShareable(e, context.registry)) {
    return buildUnshared(e, context);
  }
  std::string key = subexpressionKey(e);
  const uint64_t& evaluation = *context.shared->evaluation;
  if (const auto* known = context.shared->scopes.find(key)) {
    return std::make_unique<SharedNode>(*known, evaluation);
  }
  auto shared = std::make_shared<SharedSubexpression>();
  shared->node = buildUnshared(e, context);
  auto node = std::make_unique<SharedNode>(shared, evaluation);
  context.shared->scopes.add(std::move(key), std::move(shared));
  return node;
}

void enterBranch(BuildContext& context) {
  if (context.shared != nullptr) context.shared->scopes.enter();
}

void leaveBranches(BuildContext& context, size_t count) {
  if (context.shared != nullptr && count > 0) context.shared->scopes.leave(count);
}

}  // namespace sluice::runtime
