// Result rules, overload resolution and error messages of signature_builders.h.
#include "compiler/functions/signature_builders.h"

#include <fmt/format.h>

#include <charconv>

#include "compiler/functions/type_rules.h"

namespace sluice::builtin {

// ---- CallArgs ----

bool CallArgs::anyNullable() const {
  for (size_t i = 0; i < size(); ++i) {
    if (!isKeyword(operand(i)) && types_[i].nullable()) return true;
  }
  return false;
}

bool CallArgs::allNullable() const {
  for (size_t i = 0; i < size(); ++i) {
    if (!isKeyword(operand(i)) && !types_[i].nullable()) return false;
  }
  return true;
}

std::optional<int64_t> CallArgs::integerLiteral(size_t i) const {
  if (i >= size() || !operand(i).literal || operand(i).isNullLiteral) return std::nullopt;
  std::string_view text = *operand(i).literal;
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// ---- result rules ----

ResultRule explicitType(DataType type) {
  return [type = std::move(type)](const CallArgs&) -> Result<DataType> { return type; };
}

ResultRule argType(size_t i) {
  return [i](const CallArgs& args) -> Result<DataType> {
    if (i >= args.size()) return fail(fmt::format("missing argument {}", i + 1));
    return args.type(i).withTimeAttribute(TimeAttribute::None);
  };
}

ResultRule commonType() {
  return [](const CallArgs& args) -> Result<DataType> {
    if (!args.common()) return fail("the arguments have no common type");
    return args.common()->withTimeAttribute(TimeAttribute::None);
  };
}

namespace {
ResultRule withNullability(ResultRule rule, std::function<bool(const CallArgs&)> nullable) {
  return [rule = std::move(rule),
          nullable = std::move(nullable)](const CallArgs& args) -> Result<DataType> {
    Result<DataType> inner = rule(args);
    if (!inner.ok()) return inner;
    return inner.value().withNullable(nullable(args));
  };
}
}  // namespace

ResultRule nullableIfArgs(ResultRule rule) {
  return withNullability(std::move(rule), [](const CallArgs& a) { return a.anyNullable(); });
}
ResultRule nullableIfArgs(DataType type) { return nullableIfArgs(explicitType(std::move(type))); }

ResultRule nullableIfArg(size_t i, ResultRule rule) {
  return withNullability(std::move(rule),
                         [i](const CallArgs& a) { return i < a.size() && a.type(i).nullable(); });
}

ResultRule nullableIfAllArgs(ResultRule rule) {
  return withNullability(std::move(rule), [](const CallArgs& a) { return a.allNullable(); });
}

ResultRule forceNullable(ResultRule rule) {
  return withNullability(std::move(rule), [](const CallArgs&) { return true; });
}
ResultRule forceNullable(DataType type) { return forceNullable(explicitType(std::move(type))); }

ResultRule varyingString(ResultRule rule) {
  return [rule = std::move(rule)](const CallArgs& args) -> Result<DataType> {
    Result<DataType> inner = rule(args);
    if (!inner.ok()) return inner;
    const DataType& t = inner.value();
    if (t.kind() == TypeKind::Char) return DataType::varchar(t.length()).withNullable(t.nullable());
    if (t.kind() == TypeKind::Binary) {
      return DataType::varbinary(t.length()).withNullable(t.nullable());
    }
    return t;
  };
}

// ---- signatures ----

Signature sig(std::vector<ArgSpec> args, ResultRule result) {
  return Signature{std::move(args), std::nullopt, std::move(result), std::nullopt};
}

Signature varying(std::vector<ArgSpec> args, ArgSpec repeated, ResultRule result) {
  return Signature{std::move(args), std::move(repeated), std::move(result), std::nullopt};
}

Signature unified(Signature signature, size_t commonFrom) {
  signature.commonFrom = commonFrom;
  return signature;
}

namespace {

std::string signatureText(std::string_view name, const Signature& s) {
  std::string out = fmt::format("{}(", name);
  for (size_t i = 0; i < s.args.size(); ++i) {
    if (i > 0) out += ", ";
    out += s.args[i].label;
  }
  if (s.repeated) out += fmt::format("{}{}...", s.args.empty() ? "" : ", ", s.repeated->label);
  return out + ")";
}

enum class Match { No, Yes };

// Checks one overload; on a match, fills `typing` (or `error` when the result rule fails).
Match tryOverload(const Signature& s, std::span<const CallOperand> operands,
                  std::optional<Result<CallTyping>>& outcome) {
  const size_t n = operands.size();
  if (n < s.args.size() || (!s.repeated && n != s.args.size())) return Match::No;
  std::vector<DataType> types;
  types.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    const ArgSpec& spec = i < s.args.size() ? s.args[i] : *s.repeated;
    std::optional<DataType> t = spec.accept(operands[i]);
    if (!t) return Match::No;
    types.push_back(std::move(*t));
  }
  std::optional<DataType> common;
  if (s.commonFrom && *s.commonFrom < n) {
    std::vector<DataType> unify(types.begin() + static_cast<std::ptrdiff_t>(*s.commonFrom),
                                types.end());
    common = leastRestrictiveType(unify);
    if (!common) return Match::No;
    for (size_t i = *s.commonFrom; i < n; ++i) types[i] = convertedTo(types[i], *common);
  }
  CallArgs args(operands, types, common);
  Result<DataType> result = s.result(args);
  if (!result.ok()) {
    outcome = Result<CallTyping>(fail(result.error()));
  } else {
    outcome = Result<CallTyping>(CallTyping{result.value(), std::move(types)});
  }
  return Match::Yes;
}

std::string joinAlternatives(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " or " : ", ";
    out += items[i];
  }
  return out;
}

}  // namespace

FunctionDefinition overloaded(std::string name, FunctionKind kind,
                              std::vector<Signature> signatures) {
  std::vector<std::string> texts;
  texts.reserve(signatures.size());
  for (const auto& s : signatures) texts.push_back(signatureText(name, s));
  TypeInference infer = [name, texts, signatures = std::move(signatures)](
                            std::span<const CallOperand> operands) -> Result<CallTyping> {
    for (const auto& s : signatures) {
      std::optional<Result<CallTyping>> outcome;
      if (tryOverload(s, operands, outcome) == Match::Yes) {
        if (!outcome->ok()) {
          return fail(fmt::format("invalid arguments to {}: {}", describeCall(name, operands),
                                  outcome->error()));
        }
        return std::move(*outcome);
      }
    }
    return invalidArguments(name, operands, texts);
  };
  return custom(std::move(name), kind, std::move(texts), std::move(infer));
}

FunctionDefinition scalar(std::string name, std::vector<Signature> signatures) {
  return overloaded(std::move(name), FunctionKind::Scalar, std::move(signatures));
}
FunctionDefinition aggregate(std::string name, std::vector<Signature> signatures) {
  return overloaded(std::move(name), FunctionKind::Aggregate, std::move(signatures));
}
FunctionDefinition ranking(std::string name, std::vector<Signature> signatures) {
  return overloaded(std::move(name), FunctionKind::Ranking, std::move(signatures));
}
FunctionDefinition tableFunction(std::string name, std::vector<Signature> signatures) {
  return overloaded(std::move(name), FunctionKind::Table, std::move(signatures));
}

FunctionDefinition custom(std::string name, FunctionKind kind, std::vector<std::string> signatures,
                          TypeInference infer) {
  FunctionDefinition d;
  d.name = std::move(name);
  d.kind = kind;
  d.infer = std::move(infer);
  d.signatures = std::move(signatures);
  return d;
}

FunctionDefinition nonDeterministic(FunctionDefinition definition) {
  definition.deterministic = false;
  return definition;
}

FunctionDefinition withoutParentheses(FunctionDefinition definition) {
  definition.callableWithoutParentheses = true;
  return definition;
}

// ---- helpers ----

bool isKeyword(const CallOperand& operand) { return operand.type.kind() == TypeKind::Symbol; }

std::string describeCall(std::string_view name, std::span<const CallOperand> operands) {
  std::string out = fmt::format("{}(", name);
  for (size_t i = 0; i < operands.size(); ++i) {
    if (i > 0) out += ", ";
    const CallOperand& op = operands[i];
    out += isKeyword(op) && op.literal ? *op.literal : op.type.toString();
  }
  return out + ")";
}

Failure invalidArguments(std::string_view name, std::span<const CallOperand> operands,
                         const std::vector<std::string>& signatures) {
  return fail(fmt::format("invalid arguments to {}; expected {}", describeCall(name, operands),
                          joinAlternatives(signatures)));
}

std::vector<DataType> ownTypes(std::span<const CallOperand> operands) {
  std::vector<DataType> out;
  out.reserve(operands.size());
  for (const auto& op : operands) out.push_back(op.type);
  return out;
}

DataType convertedTo(const DataType& operand, const DataType& target) {
  if (operand.sameTypeIgnoringNullability(target)) return operand;
  return target.withNullable(operand.nullable()).withTimeAttribute(TimeAttribute::None);
}

std::optional<DataType> commonTypeOf(std::span<const CallOperand> operands, size_t from) {
  if (from >= operands.size()) return std::nullopt;
  std::vector<DataType> types;
  for (size_t i = from; i < operands.size(); ++i) types.push_back(operands[i].type);
  return leastRestrictiveType(types);
}

}  // namespace sluice::builtin
