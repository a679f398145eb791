// AND, OR, NOT, IS [NOT] NULL/TRUE/FALSE, CASE and COALESCE: the forms with their own NULL rules
// and short-circuit evaluation (see expression_program.h).
#include <set>
#include <string>

#include "runtime/data/vector_copy.h"
#include "runtime/expression/evaluation_node.h"

namespace sluice::runtime {
namespace {

using Children = std::vector<std::unique_ptr<EvaluationNode>>;

bool isTrue(const Vector& v, int32_t row) { return !v.isNull(row) && v.values<uint8_t>()[row]; }
bool isFalse(const Vector& v, int32_t row) { return !v.isNull(row) && !v.values<uint8_t>()[row]; }

void setBoolean(Vector& out, int32_t row, bool value) {
  out.setNull(row, false);
  out.values<uint8_t>()[row] = value ? 1 : 0;
}

// AND / OR with three-valued logic; the right side runs only where the left does not decide.
class LogicalNode final : public EvaluationNode {
 public:
  LogicalNode(DataType type, Children children, bool isAnd)
      : EvaluationNode(std::move(type)), children_(std::move(children)), isAnd_(isAnd) {}

  const Vector& evaluate(const Batch& input, const int32_t* rows, int count) override {
    Vector& out = result(input.size());
    // `decisive` is FALSE for AND and TRUE for OR: once a side has it, the result is it.
    const bool decisive = !isAnd_;
    RowList pending(rows, rows + count);
    std::vector<uint8_t>& sawNull = sawNull_;
    sawNull.assign(input.size(), 0);
    for (const auto& child : children_) {
      if (pending.empty()) break;
      const Vector& value = child->evaluate(input, pending.data(), static_cast<int>(pending.size()));
      RowList next;
      for (int32_t row : pending) {
        if (value.isNull(row)) {
          sawNull[row] = 1;
          next.push_back(row);
        } else if ((value.values<uint8_t>()[row] != 0) == decisive) {
          setBoolean(out, row, decisive);
        } else {
          next.push_back(row);
        }
      }
      pending = std::move(next);
    }
    for (int32_t row : pending) {
      if (sawNull[row]) {
        out.setNull(row, true);
      } else {
        setBoolean(out, row, !decisive);
      }
    }
    return out;
  }

 private:
  Children children_;
  bool isAnd_;
  std::vector<uint8_t> sawNull_;  // per row: some side was NULL (kept to reuse its memory)
};

enum class Test { IsNull, IsNotNull, IsTrue, IsNotTrue, IsFalse, IsNotFalse, Not };

class TestNode final : public EvaluationNode {
 public:
  TestNode(DataType type, std::unique_ptr<EvaluationNode> operand, Test test)
      : EvaluationNode(std::move(type)), operand_(std::move(operand)), test_(test) {}

  const Vector& evaluate(const Batch& input, const int32_t* rows, int count) override {
    const Vector& value = operand_->evaluate(input, rows, count);
    Vector& out = result(input.size());
    for (int k = 0; k < count; ++k) {
      const int32_t row = rows[k];
      switch (test_) {
        case Test::IsNull: setBoolean(out, row, value.isNull(row)); break;
        case Test::IsNotNull: setBoolean(out, row, !value.isNull(row)); break;
        case Test::IsTrue: setBoolean(out, row, isTrue(value, row)); break;
        case Test::IsNotTrue: setBoolean(out, row, !isTrue(value, row)); break;
        case Test::IsFalse: setBoolean(out, row, isFalse(value, row)); break;
        case Test::IsNotFalse: setBoolean(out, row, !isFalse(value, row)); break;
        case Test::Not:
          if (value.isNull(row)) {
            out.setNull(row, true);
          } else {
            setBoolean(out, row, !value.values<uint8_t>()[row]);
          }
          break;
      }
    }
    return out;
  }

 private:
  std::unique_ptr<EvaluationNode> operand_;
  Test test_;
};

// CASE c1 THEN v1 ... ELSE e: each branch is evaluated only on the rows that reach it.
class CaseNode final : public EvaluationNode {
 public:
  CaseNode(DataType type, Children children)
      : EvaluationNode(std::move(type)), children_(std::move(children)) {}

  const Vector& evaluate(const Batch& input, const int32_t* rows, int count) override {
    Vector& out = result(input.size());
    RowList pending(rows, rows + count);
    const size_t branches = children_.size() / 2;
    for (size_t b = 0; b < branches && !pending.empty(); ++b) {
      const Vector& condition =
          children_[2 * b]->evaluate(input, pending.data(), static_cast<int>(pending.size()));
      RowList taken;
      RowList rest;
      for (int32_t row : pending) (isTrue(condition, row) ? taken : rest).push_back(row);
      if (!taken.empty()) {
        const Vector& value =
            children_[2 * b + 1]->evaluate(input, taken.data(), static_cast<int>(taken.size()));
        copyPositions(value, taken.data(), static_cast<int>(taken.size()), out);
      }
      pending = std::move(rest);
    }
    if (pending.empty()) return out;
    if (children_.size() % 2 == 1) {
      const Vector& otherwise =
          children_.back()->evaluate(input, pending.data(), static_cast<int>(pending.size()));
      copyPositions(otherwise, pending.data(), static_cast<int>(pending.size()), out);
    } else {
      for (int32_t row : pending) setNullValue(out, row);
    }
    return out;
  }

 private:
  Children children_;
};

// COALESCE(a, b, ...): each argument runs only on rows still NULL.
class CoalesceNode final : public EvaluationNode {
 public:
  CoalesceNode(DataType type, Children children)
      : EvaluationNode(std::move(type)), children_(std::move(children)) {}

  const Vector& evaluate(const Batch& input, const int32_t* rows, int count) override {
    Vector& out = result(input.size());
    RowList pending(rows, rows + count);
    for (const auto& child : children_) {
      if (pending.empty()) break;
      const Vector& value = child->evaluate(input, pending.data(), static_cast<int>(pending.size()));
      RowList found;
      RowList rest;
      for (int32_t row : pending) (value.isNull(row) ? rest : found).push_back(row);
      copyPositions(value, found.data(), static_cast<int>(found.size()), out);
      pending = std::move(rest);
    }
    for (int32_t row : pending) setNullValue(out, row);
    return out;
  }

 private:
  Children children_;
};

// AND / OR: the first operand runs on every row, each later one on the rows still undecided,
// in a branch of its own (common_subexpressions.h).
Children buildLogicalChildren(const artifact::Expression& e, BuildContext& context) {
  Children children;
  for (size_t i = 0; i < e.arguments.size(); ++i) {
    if (i > 0) enterBranch(context);
    children.push_back(buildNode(e.arguments[i], context));
    if (i > 0) leaveBranches(context);
  }
  return children;
}

// CASE: the first WHEN runs on every row; a THEN on rows its WHEN took, inside that WHEN's
// branch; each later WHEN, and the ELSE, on rows every WHEN before it left, inside the previous
// WHEN's branch.
Children buildCaseChildren(const artifact::Expression& e, BuildContext& context) {
  Children children;
  size_t open = 0;
  for (size_t i = 0; i < e.arguments.size(); ++i) {
    const bool then = i % 2 == 1;
    if (i > 0) enterBranch(context);
    children.push_back(buildNode(e.arguments[i], context));
    if (then) {
      leaveBranches(context);
    } else if (i > 0) {
      ++open;
    }
  }
  leaveBranches(context, open);
  return children;
}

// COALESCE: each operand runs on the rows every operand before it left NULL, inside the
// previous operand's branch.
Children buildCoalesceChildren(const artifact::Expression& e, BuildContext& context) {
  Children children;
  for (size_t i = 0; i < e.arguments.size(); ++i) {
    if (i > 0) enterBranch(context);
    children.push_back(buildNode(e.arguments[i], context));
  }
  leaveBranches(context, e.arguments.empty() ? 0 : e.arguments.size() - 1);
  return children;
}

}  // namespace

std::unique_ptr<EvaluationNode> buildCondition(const artifact::Expression& e,
                                               BuildContext& context) {
  if (e.kind != artifact::ExpressionKind::Call || e.function != "AND") return buildNode(e, context);
  // Every operand in the enclosing scope: an operand runs on the rows the ones before it did not
  // reject, and the rows the condition keeps passed all of them.
  Children children;
  for (const auto& argument : e.arguments) children.push_back(buildCondition(argument, context));
  return std::make_unique<LogicalNode>(e.type, std::move(children), true);
}

std::unique_ptr<EvaluationNode> buildSpecialForm(const artifact::Expression& e,
                                                 BuildContext& context) {
  const std::string& f = e.function;
  if (f == "AND" || f == "OR") {
    return std::make_unique<LogicalNode>(e.type, buildLogicalChildren(e, context), f == "AND");
  }
  if (f == "CASE") return std::make_unique<CaseNode>(e.type, buildCaseChildren(e, context));
  if (f == "COALESCE") {
    return std::make_unique<CoalesceNode>(e.type, buildCoalesceChildren(e, context));
  }
  static const std::pair<const char*, Test> kTests[] = {
      {"IS NULL", Test::IsNull},         {"IS NOT NULL", Test::IsNotNull},
      {"IS TRUE", Test::IsTrue},         {"IS NOT TRUE", Test::IsNotTrue},
      {"IS FALSE", Test::IsFalse},       {"IS NOT FALSE", Test::IsNotFalse},
      {"NOT", Test::Not}};
  for (const auto& [name, test] : kTests) {
    if (f == name) {
      return std::make_unique<TestNode>(e.type, buildNode(e.arguments[0], context), test);
    }
  }
  return nullptr;
}

}  // namespace sluice::runtime
