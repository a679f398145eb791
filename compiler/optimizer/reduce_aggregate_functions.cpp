// STDDEV_POP, STDDEV_SAMP, VAR_POP, VAR_SAMP (and STDDEV, VARIANCE, the sample aliases) as Flink
// plans them: Flink has no accumulator for them. Its AggregateReduceFunctionsRule (Calcite's)
// rewrites each into SUM(x * x), SUM(x) and COUNT(x) and a projection after the aggregate:
//
//   VAR_POP(x)     = (SUM(x * x) - SUM(x) * SUM(x) / COUNT(x)) / COUNT(x)
//   VAR_SAMP(x)    = (SUM(x * x) - SUM(x) * SUM(x) / COUNT(x)) / CASE COUNT(x) WHEN 1 THEN NULL
//                                                                 ELSE COUNT(x) - 1 END
//   STDDEV_POP(x)  = POWER(VAR_POP(x), 0.5)     STDDEV_SAMP(x) = POWER(VAR_SAMP(x), 0.5)
//
// each step typed by Flink's arithmetic on the result type (x cast to it first): over an integer
// column the division truncates and the result is that integer type; over DOUBLE the rounding is
// that of this formula, not of a two-pass variance. Doing the same here gives Flink's values and
// Flink's changelog: the aggregate emits an update whenever one of the sums or the count changes,
// even when the variance does not. The rewritten calls keep DISTINCT and FILTER (Flink before
// 2.1.1 dropped the FILTER from SUM(x * x), FLINK-38400; this follows the fix).
#include <algorithm>
#include <stdexcept>

#include "compiler/functions/type_rules.h"
#include "compiler/optimizer/optimizer.h"
#include "compiler/optimizer/passes.h"

namespace sluice {

namespace {

bool reducible(const std::string& function) {
  return function == "STDDEV_POP" || function == "STDDEV_SAMP" || function == "VAR_POP" ||
         function == "VAR_SAMP" || function == "STDDEV" || function == "VARIANCE";
}

plan::ExpressionRef coerce(const plan::ExpressionRef& e, const DataType& target) {
  if (e->type.sameTypeIgnoringNullability(target)) return e;
  return plan::cast(e, target.withNullable(e->type.nullable()));
}

// `left op right` typed as the binder types it.
plan::ExpressionRef arithmetic(ArithmeticOperator op, const char* name,
                               const plan::ExpressionRef& left, const plan::ExpressionRef& right) {
  auto typing = inferArithmetic(op, left->type, right->type);
  if (!typing.ok()) throw std::logic_error("variance rewrite: " + typing.error());
  return plan::call(name,
                    {coerce(left, typing->operandTypes[0]), coerce(right, typing->operandTypes[1])},
                    typing->result);
}

plan::ExpressionRef integerLiteral(const char* digits) {
  return plan::literal(digits, DataType::integer().notNull());
}

// CASE count WHEN 1 THEN NULL ELSE count - 1 END: the sample variance's divisor.
plan::ExpressionRef sampleDivisor(const plan::ExpressionRef& count) {
  const std::vector<DataType> types = {count->type, DataType::integer().notNull()};
  auto comparison = inferComparison(types);
  if (!comparison.ok()) throw std::logic_error("variance rewrite: " + comparison.error());
  auto single = plan::call("=",
                           {coerce(count, comparison->operandTypes[0]),
                            coerce(integerLiteral("1"), comparison->operandTypes[1])},
                           comparison->result);
  auto less = arithmetic(ArithmeticOperator::Minus, "-", count, integerLiteral("1"));
  const DataType type = less->type.withNullable(true);
  return plan::call("CASE", {single, plan::literal("NULL", type), coerce(less, type)}, type);
}

plan::ExpressionRef power(const plan::ExpressionRef& base) {
  static const FunctionRegistry registry = FunctionRegistry::withBuiltins();
  const FunctionDefinition* definition = registry.find("POWER");
  auto half = plan::literal("0.5", DataType::decimal(1, 1).notNull());
  std::vector<CallOperand> operands = {{base->type, std::nullopt, false},
                                       {half->type, std::string("0.5"), false}};
  auto typing = definition->infer(operands);
  if (!typing.ok()) throw std::logic_error("variance rewrite: " + typing.error());
  return plan::call("POWER",
                    {coerce(base, typing->operandTypes[0]), coerce(half, typing->operandTypes[1])},
                    typing->result, definition);
}

// SUM's result type (LogicalTypeMerging.findSumAggType): DECIMAL(38, s) for DECIMAL(p, s),
// otherwise the argument's. Nullable: a group may hold no values of x.
DataType sumType(const DataType& argument) {
  const DataType t = argument.withTimeAttribute(TimeAttribute::None);
  if (t.kind() != TypeKind::Decimal) return t.withNullable(true);
  return DataType::decimal(DataType::kMaxDecimalPrecision, t.scale()).withNullable(true);
}

class Reduction {
 public:
  explicit Reduction(const plan::LogicalNode& aggregate) : aggregate_(aggregate) {
    const plan::LogicalNode& input = *aggregate.inputs[0];
    for (size_t i = 0; i < input.schema.size(); ++i) {
      inputs_.push_back(plan::inputRef(static_cast<int>(i), input.schema[i].type));
    }
    inputWidth_ = inputs_.size();
  }

  plan::NodeRef rewrite(plan::NodeFactory& nodes) {
    const size_t keys = aggregate_.groupKeys.size();
    std::vector<plan::ExpressionRef> outputs;
    for (size_t j = 0; j < aggregate_.aggregates.size(); ++j) {
      const plan::AggregateCall& call = aggregate_.aggregates[j];
      const DataType& type = aggregate_.schema[keys + j].type;
      outputs.push_back(reducible(call.function) ? variance(call, type) : addCall(call));
    }

    plan::NodeRef input = aggregate_.inputs[0];
    if (inputs_.size() > inputWidth_) input = extendInput(nodes);

    auto reduced = nodes.make(aggregate_.kind);
    const int id = reduced->id;
    *reduced = aggregate_;
    reduced->id = id;
    reduced->inputs = {input};
    reduced->aggregates = calls_;
    reduced->schema.assign(aggregate_.schema.begin(),
                           aggregate_.schema.begin() + static_cast<std::ptrdiff_t>(keys));
    for (const plan::AggregateCall& call : calls_)
      reduced->schema.push_back({call.name, call.type});
    const size_t properties = aggregate_.windowProperties.size();
    reduced->schema.insert(reduced->schema.end(),
                           aggregate_.schema.end() - static_cast<std::ptrdiff_t>(properties),
                           aggregate_.schema.end());

    // The aggregate's own columns again: keys, the calls (reduced ones computed), properties.
    auto project = nodes.make(plan::NodeKind::Project);
    project->inputs.push_back(reduced);
    project->schema = aggregate_.schema;
    for (size_t k = 0; k < keys; ++k) {
      project->expressions.push_back(
          plan::inputRef(static_cast<int>(k), aggregate_.schema[k].type));
    }
    for (size_t j = 0; j < outputs.size(); ++j) {
      project->expressions.push_back(resolve(outputs[j], keys));
    }
    const size_t width = keys + calls_.size();
    for (size_t p = 0; p < properties; ++p) {
      const plan::Field& field = aggregate_.schema[keys + aggregate_.aggregates.size() + p];
      project->expressions.push_back(plan::inputRef(static_cast<int>(width + p), field.type));
    }
    return project;
  }

 private:
  const plan::LogicalNode& aggregate_;
  std::vector<plan::ExpressionRef> inputs_;  // the aggregate's input columns, then x * x
  size_t inputWidth_ = 0;
  std::vector<plan::AggregateCall> calls_;  // of the reduced aggregate, each once

  // A reference to a call of the reduced aggregate (an equal one is shared), as a placeholder:
  // -1 - its index among the calls; `resolve` counts the keys in once all calls are known. It
  // has the call's own type (a shared SUM may be NOT NULL where a variance's is nullable).
  plan::ExpressionRef addCall(plan::AggregateCall call) {
    const DataType type = call.type;
    for (size_t i = 0; i < calls_.size(); ++i) {
      const plan::AggregateCall& c = calls_[i];
      if (c.function == call.function && c.arguments == call.arguments &&
          c.distinct == call.distinct && c.filterArgument == call.filterArgument) {
        return plan::inputRef(-1 - static_cast<int>(i), type);
      }
    }
    if (call.name.empty()) {
      call.name = "$f" + std::to_string(aggregate_.groupKeys.size() + calls_.size());
    }
    calls_.push_back(std::move(call));
    return plan::inputRef(-static_cast<int>(calls_.size()), type);
  }

  // Placeholders -1 - i become the reduced aggregate's column keys + i.
  static plan::ExpressionRef resolve(const plan::ExpressionRef& e, size_t keys) {
    if (e->kind == plan::ExpressionKind::InputRef && e->index < 0) {
      return plan::inputRef(static_cast<int>(keys) - 1 - e->index, e->type);
    }
    if (e->operands.empty()) return e;
    auto copy = std::make_shared<plan::BoundExpression>(*e);
    for (auto& operand : copy->operands) operand = resolve(operand, keys);
    return copy;
  }

  // The aggregate's input with the columns x * x appended: its own projection extended when it
  // is one (the binder puts one under every aggregate), so the plan keeps that shape.
  plan::NodeRef extendInput(plan::NodeFactory& nodes) const {
    const plan::NodeRef& input = aggregate_.inputs[0];
    auto project = nodes.make(plan::NodeKind::Project);
    const bool extend = input->kind == plan::NodeKind::Project;
    project->inputs.push_back(extend ? input->inputs[0] : input);
    project->schema = input->schema;
    project->expressions =
        extend ? input->expressions
               : std::vector<plan::ExpressionRef>(
                     inputs_.begin(), inputs_.begin() + static_cast<std::ptrdiff_t>(inputWidth_));
    for (size_t i = inputWidth_; i < inputs_.size(); ++i) {
      project->schema.push_back({"$f" + std::to_string(i), inputs_[i]->type});
      project->expressions.push_back(extend ? substitute(inputs_[i], input->expressions)
                                            : inputs_[i]);
    }
    return project;
  }

  // `e` with each column reference $i replaced by `columns[i]`.
  static plan::ExpressionRef substitute(const plan::ExpressionRef& e,
                                        const std::vector<plan::ExpressionRef>& columns) {
    if (e->kind == plan::ExpressionKind::InputRef) return columns[static_cast<size_t>(e->index)];
    if (e->operands.empty()) return e;
    auto copy = std::make_shared<plan::BoundExpression>(*e);
    for (auto& operand : copy->operands) operand = substitute(operand, columns);
    return copy;
  }

  int addInput(const plan::ExpressionRef& e) {
    for (size_t i = 0; i < inputs_.size(); ++i) {
      if (inputs_[i]->digest() == e->digest()) return static_cast<int>(i);
    }
    inputs_.push_back(e);
    return static_cast<int>(inputs_.size() - 1);
  }

  plan::AggregateCall derived(const plan::AggregateCall& call, const char* function, int argument,
                              DataType type) const {
    plan::AggregateCall c;
    c.function = function;
    c.arguments = {argument};
    c.distinct = call.distinct;
    c.filterArgument = call.filterArgument;
    c.type = std::move(type);
    return c;
  }

  plan::ExpressionRef variance(const plan::AggregateCall& call, const DataType& resultType) {
    const std::string& f = call.function;
    const bool population = f == "STDDEV_POP" || f == "VAR_POP";
    const bool root = f == "STDDEV_POP" || f == "STDDEV_SAMP" || f == "STDDEV";
    const int x = call.arguments[0];
    const plan::ExpressionRef column = inputs_[static_cast<size_t>(x)];  // inputs_ grows below
    const DataType argumentType = resultType.withNullable(column->type.nullable());

    const auto cast = coerce(column, argumentType);
    const int squared = addInput(arithmetic(ArithmeticOperator::Multiply, "*", cast, cast));
    const DataType squaredType = inputs_[static_cast<size_t>(squared)]->type;
    auto sumOfSquares = addCall(derived(call, "SUM", squared, sumType(squaredType)));
    auto sum = coerce(addCall(derived(call, "SUM", x, sumType(column->type))), argumentType);
    auto count = addCall(derived(call, "COUNT", x, DataType::bigInt().notNull()));

    auto squareOfSum = arithmetic(ArithmeticOperator::Multiply, "*", sum, sum);
    auto difference = arithmetic(ArithmeticOperator::Minus, "-", sumOfSquares,
                                 arithmetic(ArithmeticOperator::Divide, "/", squareOfSum, count));
    auto divisor = population ? count : sampleDivisor(count);
    auto result = arithmetic(ArithmeticOperator::Divide, "/", difference, divisor);
    if (root) result = power(result);
    if (result->type.sameTypeIgnoringNullability(resultType) &&
        result->type.nullable() == resultType.nullable()) {
      return result;
    }
    return plan::cast(result, resultType);
  }
};

}  // namespace

plan::NodeRef reduceAggregateFunctions(const plan::NodeRef& root, plan::NodeFactory& nodes) {
  return transformUp(root, [&](const plan::NodeRef& node) -> plan::NodeRef {
    if (node->kind != plan::NodeKind::Aggregate && node->kind != plan::NodeKind::WindowAggregate) {
      return node;
    }
    const bool any =
        std::any_of(node->aggregates.begin(), node->aggregates.end(),
                    [](const plan::AggregateCall& c) { return reducible(c.function); });
    if (!any) return node;
    return Reduction(*node).rewrite(nodes);
  });
}

}  // namespace sluice
