// CAST between nested types: ARRAY<INT> to ARRAY<BIGINT>, MAP<CHAR(1), INT NOT NULL> to
// MAP<STRING, INT>, ROW<EXPR$0 INT> to ROW<x BIGINT>. The binder writes these wherever a nested
// value meets a column or branch of a slightly different type (INSERT into a sink, CASE,
// COALESCE, ARRAY_CONCAT of ARRAY<INT> and ARRAY<BIGINT>).
//
// The cast is a tree of steps shaped like the types. A collection's result mirrors its input:
// the same offsets and sizes into a child vector with as many rows, so each element step casts
// child rows in place with the scalar CAST kernel (which writes each result at its row's own
// position). Levels whose storage does not change are copied; a cast that changes no stored value
// at all is no node (like a cast that changes only nullability).
#include <cassert>

#include "runtime/data/vector_copy.h"
#include "runtime/expression/evaluation_node.h"
#include "runtime/expression/expression_program.h"

namespace sluice::runtime {
namespace {

bool isCollection(const DataType& type) {
  return type.kind() == TypeKind::Array || type.kind() == TypeKind::Multiset ||
         type.kind() == TypeKind::Map;
}

bool isNested(const DataType& type) {
  return isCollection(type) || type.kind() == TypeKind::Row;
}

// Whether a scalar CAST from `from` to `to` would keep every stored value as it is.
bool keepsScalarValues(const DataType& from, const DataType& to) {
  if (from.sameTypeIgnoringNullability(to)) return true;
  // Into a VARCHAR/VARBINARY at least as long: nothing to cut, nothing to pad.
  const bool text = from.isCharacterString() && to.kind() == TypeKind::VarChar;
  const bool bytes = from.isBinaryString() && to.kind() == TypeKind::VarBinary;
  return (text || bytes) && to.length() >= from.length();
}

class CastStep {
 public:
  virtual ~CastStep() = default;
  // Writes the cast of rows `rows[0..count)` of `from` at the same rows of `to`.
  virtual void apply(const Vector& from, const int32_t* rows, int count, Vector& to) = 0;
  // Whether this step copies values unchanged.
  virtual bool copies() const { return false; }
};

using Step = std::unique_ptr<CastStep>;

class CopyStep final : public CastStep {
 public:
  void apply(const Vector& from, const int32_t* rows, int count, Vector& to) override {
    copyPositions(from, rows, count, to);
  }
  bool copies() const override { return true; }
};

// From the type of an untyped NULL: every value is NULL.
class NullStep final : public CastStep {
 public:
  void apply(const Vector&, const int32_t* rows, int count, Vector& to) override {
    for (int k = 0; k < count; ++k) setNullValue(to, rows[k]);
  }
};

class ScalarStep final : public CastStep {
 public:
  ScalarStep(const ScalarKernel& kernel, CallSite site, TaskContext& task)
      : kernel_(kernel), site_(std::move(site)) {
    call_.task = &task;
    call_.site = &site_;
  }

  void apply(const Vector& from, const int32_t* rows, int count, Vector& to) override {
    callable_.clear();
    for (int k = 0; k < count; ++k) {
      const int32_t row = rows[k];
      to.setNull(row, from.isNull(row));
      if (!from.isNull(row)) callable_.push_back(row);
    }
    if (callable_.empty()) return;
    const Vector* arguments[] = {&from};
    kernel_.vectorEntry(call_, arguments, callable_.data(), static_cast<int>(callable_.size()), to);
  }

 private:
  const ScalarKernel& kernel_;
  CallSite site_;  // call_ points here: steps are not moved once built
  FunctionCall call_;
  RowList callable_;
};

class RowStep final : public CastStep {
 public:
  explicit RowStep(std::vector<Step> fields) : fields_(std::move(fields)) {}

  void apply(const Vector& from, const int32_t* rows, int count, Vector& to) override {
    present_.clear();
    for (int k = 0; k < count; ++k) {
      const int32_t row = rows[k];
      if (from.isNull(row)) {
        setNullValue(to, row);
      } else {
        to.setNull(row, false);
        present_.push_back(row);
      }
    }
    for (size_t f = 0; f < fields_.size(); ++f) {
      fields_[f]->apply(from.children()[f], present_.data(), static_cast<int>(present_.size()),
                        to.children()[f]);
    }
  }

 private:
  std::vector<Step> fields_;
  RowList present_;  // the rows that are not NULL (fields of NULL rows are not cast)
};

// ARRAY, MULTISET (one child: the elements) and MAP (two: keys and values).
class CollectionStep final : public CastStep {
 public:
  explicit CollectionStep(std::vector<Step> children) : children_(std::move(children)) {}

  void apply(const Vector& from, const int32_t* rows, int count, Vector& to) override {
    // Mirror the input's child rows: `to` holds none yet in this evaluation (every node's result
    // starts without child rows, and each step writes one vector once).
    [[maybe_unused]] const int first = to.appendChildRows(from.childRowCount());
    assert(first == 0 && "a nested CAST step writes a vector twice in one evaluation");
    elements_.clear();
    for (int k = 0; k < count; ++k) {
      const int32_t row = rows[k];
      if (from.isNull(row)) {
        setNullValue(to, row);
        continue;
      }
      const int offset = from.offsets()[row];
      const int size = from.sizes()[row];
      to.setNull(row, false);
      to.offsets()[row] = offset;
      to.sizes()[row] = size;
      for (int i = offset; i < offset + size; ++i) elements_.push_back(i);
    }
    for (size_t c = 0; c < children_.size(); ++c) {
      children_[c]->apply(from.children()[c], elements_.data(), static_cast<int>(elements_.size()),
                          to.children()[c]);
    }
  }

 private:
  std::vector<Step> children_;
  RowList elements_;  // child rows of the listed collections
};

class CastPlanner {
 public:
  CastPlanner(const artifact::Expression& cast, BuildContext& context)
      : cast_(cast), context_(context) {}

  Step plan(const DataType& from, const DataType& to) {
    if (from.kind() == TypeKind::Null) return std::make_unique<NullStep>();
    if (!isNested(from) && !isNested(to)) return scalar(from, to);
    if (from.kind() != to.kind()) unsupported(from, to);
    std::vector<Step> children;
    if (to.kind() == TypeKind::Row) {
      if (from.fields().size() != to.fields().size()) unsupported(from, to);
      for (size_t f = 0; f < to.fields().size(); ++f) {
        children.push_back(plan(*from.fields()[f].type, *to.fields()[f].type));
      }
    } else if (to.kind() == TypeKind::Map) {
      children.push_back(plan(from.keyType(), to.keyType()));
      children.push_back(plan(from.valueType(), to.valueType()));
    } else {
      children.push_back(plan(from.elementType(), to.elementType()));
    }
    bool copies = true;
    for (const Step& child : children) copies = copies && child->copies();
    if (copies) return std::make_unique<CopyStep>();
    if (to.kind() == TypeKind::Row) return std::make_unique<RowStep>(std::move(children));
    return std::make_unique<CollectionStep>(std::move(children));
  }

 private:
  Step scalar(const DataType& from, const DataType& to) {
    if (keepsScalarValues(from, to)) return std::make_unique<CopyStep>();
    CallSite site;
    site.function = cast_.function;  // CAST or TRY_CAST
    site.argumentTypes = {from};
    site.resultType = to;
    site.constants = {std::nullopt};
    const ScalarKernel* kernel = context_.registry.find("CAST", site.argumentTypes, to);
    if (!kernel || !kernel->vectorEntry) unsupported(from, to);
    if (kernel->bind) {
      const std::string error = kernel->bind(site);
      if (!error.empty()) throw PrepareError(site.function + ": " + error);
    }
    return std::make_unique<ScalarStep>(*kernel, std::move(site), context_.task);
  }

  [[noreturn]] void unsupported(const DataType& from, const DataType& to) const {
    throw PrepareError("no implementation of CAST(" + cast_.arguments[0].type.toString() + ") -> " +
                       cast_.type.toString() + ": cannot cast " + from.toString() + " to " +
                       to.toString());
  }

  const artifact::Expression& cast_;
  BuildContext& context_;
};

class NestedCastNode final : public EvaluationNode {
 public:
  NestedCastNode(DataType type, std::unique_ptr<EvaluationNode> argument, Step step)
      : EvaluationNode(std::move(type)), argument_(std::move(argument)), step_(std::move(step)) {}

  const Vector& evaluate(const Batch& input, const int32_t* rows, int count) override {
    const Vector& from = argument_->evaluate(input, rows, count);
    Vector& out = result(input.size());
    step_->apply(from, rows, count, out);
    return out;
  }

 private:
  std::unique_ptr<EvaluationNode> argument_;
  Step step_;
};

}  // namespace

std::unique_ptr<EvaluationNode> buildNestedCast(const artifact::Expression& e,
                                                BuildContext& context) {
  const DataType& from = e.arguments[0].type;
  if (!isNested(e.type) || !(isNested(from) || from.kind() == TypeKind::Null)) return nullptr;
  Step step = CastPlanner(e, context).plan(from, e.type);
  if (step->copies()) return buildNode(e.arguments[0], context);
  return std::make_unique<NestedCastNode>(e.type, buildNode(e.arguments[0], context),
                                          std::move(step));
}

}  // namespace sluice::runtime
