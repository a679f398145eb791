// Calls of scalar kernels (and CASTs) in the interpreter: arguments are evaluated first, rows
// with a NULL argument get a NULL result without calling the kernel (unless it is variadic, or a
// nested kernel that handles NULLs, and sees them itself), the rest go to the kernel's vector
// entry (or nested entry) in one call.
#include <fmt/format.h>

#include "runtime/expression/evaluation_node.h"
#include "runtime/expression/expression_program.h"

namespace sluice::runtime {
namespace {

class KernelCallNode final : public EvaluationNode {
 public:
  KernelCallNode(DataType type, const ScalarKernel& kernel, std::vector<std::unique_ptr<EvaluationNode>> arguments,
                 CallSite site, TaskContext& task)
      : EvaluationNode(std::move(type)),
        kernel_(kernel),
        arguments_(std::move(arguments)),
        site_(std::move(site)) {
    call_.task = &task;
    call_.site = &site_;
    argumentVectors_.resize(arguments_.size());
  }

  const Vector& evaluate(const Batch& input, const int32_t* rows, int count) override {
    for (size_t i = 0; i < arguments_.size(); ++i) {
      argumentVectors_[i] = &arguments_[i]->evaluate(input, rows, count);
    }
    Vector& out = result(input.size());
    const int arity = static_cast<int>(arguments_.size());
    if (kernel_.nestedEntry && kernel_.handlesNulls) {
      kernel_.nestedEntry(call_, argumentVectors_.data(), arity, rows, count, out);
      return out;
    }
    if (kernel_.variadicEntry) {
      kernel_.variadicEntry(call_, argumentVectors_.data(), rows, count, out, arity);
      return out;
    }
    callable_.clear();
    for (int k = 0; k < count; ++k) {
      const int32_t row = rows[k];
      bool anyNull = false;
      for (const Vector* argument : argumentVectors_) anyNull = anyNull || argument->isNull(row);
      if (anyNull) {
        setNullValue(out, row);
      } else {
        out.setNull(row, false);
        callable_.push_back(row);
      }
    }
    if (callable_.empty()) return out;
    const int callable = static_cast<int>(callable_.size());
    if (kernel_.nestedEntry) {
      kernel_.nestedEntry(call_, argumentVectors_.data(), arity, callable_.data(), callable, out);
    } else {
      kernel_.vectorEntry(call_, argumentVectors_.data(), callable_.data(), callable, out);
    }
    return out;
  }

 private:
  const ScalarKernel& kernel_;
  std::vector<std::unique_ptr<EvaluationNode>> arguments_;
  CallSite site_;
  FunctionCall call_;
  std::vector<const Vector*> argumentVectors_;
  RowList callable_;
};

std::string describeCall(const std::string& name, const std::vector<DataType>& arguments,
                         const DataType& result) {
  std::string out = name + "(";
  for (size_t i = 0; i < arguments.size(); ++i) {
    out += (i > 0 ? ", " : "") + arguments[i].toString();
  }
  return out + ") -> " + result.toString();
}

}  // namespace

std::unique_ptr<EvaluationNode> buildKernelCall(const artifact::Expression& e,
                                                BuildContext& context) {
  const bool isCast = e.kind == artifact::ExpressionKind::Cast;
  // A CAST that changes only nullability or a time attribute changes no value.
  if (isCast && e.arguments[0].type.sameTypeIgnoringNullability(e.type)) {
    return buildNode(e.arguments[0], context);
  }
  if (isCast) {
    if (auto nested = buildNestedCast(e, context)) return nested;
  }
  std::vector<std::unique_ptr<EvaluationNode>> arguments;
  CallSite site;
  site.function = e.function;  // CAST or TRY_CAST for casts
  site.resultType = e.type;
  for (const auto& argument : e.arguments) {
    arguments.push_back(buildNode(argument, context));
    site.argumentTypes.push_back(argument.type);
    site.constants.push_back(argument.kind == artifact::ExpressionKind::Literal
                                 ? std::optional<Value>(literalValue(argument, context.task.timeZone))
                                 : std::nullopt);
  }
  const std::string kernelName = isCast ? "CAST" : e.function;
  const ScalarKernel* kernel = context.registry.find(kernelName, site.argumentTypes, e.type);
  if (!kernel) {
    std::string message = "no implementation of " + describeCall(kernelName, site.argumentTypes, e.type);
    // Name a few overloads of the same arity: enough to see what the runtime offers.
    int listed = 0;
    for (const ScalarKernel* k : context.registry.overloads(kernelName)) {
      if (listed == 4 || (!k->variadic && k->arguments.size() != site.argumentTypes.size())) continue;
      message += (listed++ == 0 ? "; available: " : ", ") + k->signature();
    }
    throw PrepareError(message);
  }
  if (kernel->bind) {
    const std::string error = kernel->bind(site);
    if (!error.empty()) throw PrepareError(site.function + ": " + error);
  }
  return std::make_unique<KernelCallNode>(e.type, *kernel, std::move(arguments), std::move(site),
                                          context.task);
}

}  // namespace sluice::runtime
