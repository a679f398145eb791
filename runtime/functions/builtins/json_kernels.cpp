// Flink's JSON functions: JSON_VALUE, JSON_QUERY, JSON_EXISTS and IS [NOT] JSON, with Flink's
// defaults and its SqlJsonUtils rules (see json_document_model.h for the model and paths):
//
// - A path without a 'lax'/'strict' prefix is strict. Strict failures (missing members, a member
//   of a non-object, ...) are errors; lax mode yields no value instead.
// - JSON_VALUE(json, path [RETURNING type]): NULL ON EMPTY and NULL ON ERROR, so NULL unless the
//   path selects one non-null scalar. RETURNING STRING/VARCHAR writes the scalar as Java does
//   (strings raw, numbers as BigInteger/BigDecimal text, booleans 'true'/'false'); BOOLEAN needs a
//   JSON boolean, INT and BIGINT a JSON integer in range, DOUBLE any JSON number, else NULL
//   (Flink casts the Java object and fails the job on a mismatch, and only supports STRING,
//   BOOLEAN, INT and DOUBLE).
// - JSON_QUERY(json, path): WITHOUT ARRAY WRAPPER, NULL ON EMPTY, NULL ON ERROR: the selected
//   object or array (or the list of matches of a wildcard path) as compact JSON with sorted keys;
//   NULL for scalars.
// - JSON_EXISTS(json, path [, {TRUE|FALSE|UNKNOWN|ERROR} ON ERROR]): FALSE ON ERROR by default;
//   TRUE when the path selects a non-null value (a wildcard path always selects a list).
// - s IS JSON: whether s parses; NULL IS JSON is FALSE (and NULL IS NOT JSON is TRUE).
//
// DEFAULT .. ON EMPTY/ERROR and the JSON_QUERY wrapper clauses are not supported: the binder does
// not pass the clauses on.
#include <charconv>
#include <cstdlib>
#include <memory>

#include "runtime/functions/builtins/builtin_library.h"
#include "runtime/functions/builtins/json_document_model.h"
#include "runtime/functions/builtins/string_kernel_utf8.h"

namespace sluice::runtime::builtins {
namespace {

using CompiledPath = std::shared_ptr<const json::Path>;

std::string bindPath(CallSite& site) {
  if (site.constants.size() < 2 || !site.constants[1] || site.constants[1]->isNull) return {};
  site.state =
      CompiledPath(std::make_shared<const json::Path>(json::compilePath(site.constants[1]->bytes)));
  return {};
}

ScalarKernel withPathBinding(ScalarKernel kernel) {
  kernel.bind = &bindPath;
  return kernel;
}

json::Lookup evaluate(FunctionCall& call, StringRef text, StringRef spec,
                      std::optional<json::Node>& document) {
  document = json::parse(text.view());
  if (call.site->state.has_value()) return json::lookup(document, *call.state<CompiledPath>());
  return json::lookup(document, json::compilePath(spec.view()));
}

template <typename Integer>
bool parseInteger(const json::Node& node, Integer& out) {
  if (node.kind != json::Node::Kind::Integer) return false;
  const char* end = node.text.data() + node.text.size();
  const auto [stop, error] = std::from_chars(node.text.data(), end, out);
  return error == std::errc() && stop == end;
}

// Converts the selected scalar to the RETURNING type; false when it does not convert.
bool convert(FunctionCall& call, const json::Node& node, StringRef& out) {
  switch (node.kind) {
    case json::Node::Kind::Boolean:
      out = resultString(call, node.boolean ? "true" : "false");
      break;
    default: out = resultString(call, node.text); break;
  }
  return true;
}
bool convert(FunctionCall&, const json::Node& node, bool& out) {
  out = node.boolean;
  return node.kind == json::Node::Kind::Boolean;
}
bool convert(FunctionCall&, const json::Node& node, int32_t& out) {
  return parseInteger(node, out);
}
bool convert(FunctionCall&, const json::Node& node, int64_t& out) {
  return parseInteger(node, out);
}
bool convert(FunctionCall&, const json::Node& node, double& out) {
  if (node.kind != json::Node::Kind::Integer && node.kind != json::Node::Kind::Decimal) {
    return false;
  }
  out = std::strtod(node.text.c_str(), nullptr);
  return true;
}

template <typename Result>
Result jsonValue(FunctionCall& call, StringRef text, StringRef spec) {
  std::optional<json::Node> document;
  const json::Lookup found = evaluate(call, text, spec, document);
  Result result{};
  if (!found.present() || found.isList || !found.value->isScalar() ||
      !convert(call, *found.value, result)) {
    call.setNull();
    return Result{};
  }
  return result;
}

// JSON_VALUE(json, path, <RETURNING marker>): the binder passes RETURNING as a trailing operand
// of the requested type; the result type already says everything, so it is ignored.
template <typename Result>
Result jsonValueReturning(FunctionCall& call, StringRef text, StringRef spec, Result) {
  return jsonValue<Result>(call, text, spec);
}

StringRef jsonQuery(FunctionCall& call, StringRef text, StringRef spec) {
  std::optional<json::Node> document;
  const json::Lookup found = evaluate(call, text, spec, document);
  std::string out;
  if (found.present() && found.isList) {
    out += '[';
    for (size_t i = 0; i < found.list.size(); ++i) {
      if (i > 0) out += ',';
      json::write(*found.list[i], out);
    }
    out += ']';
  } else if (found.present() && !found.value->isScalar()) {
    json::write(*found.value, out);
  } else {
    call.setNull();
    return {};
  }
  return resultString(call, out);
}

enum class OnError : uint8_t { False, True, Unknown, Error };

bool jsonExistsWith(FunctionCall& call, StringRef text, StringRef spec, OnError onError) {
  std::optional<json::Node> document;
  const json::Lookup found = evaluate(call, text, spec, document);
  if (!found.error) return found.isList || found.value != nullptr;
  switch (onError) {
    case OnError::True: return true;
    case OnError::Unknown: call.setNull(); return false;
    case OnError::Error:
      call.fail("no value at path '" + std::string(spec.view()) + "' (or the input is not JSON)");
      return false;
    case OnError::False: break;
  }
  return false;
}

bool jsonExists(FunctionCall& call, StringRef text, StringRef spec) {
  return jsonExistsWith(call, text, spec, OnError::False);
}

// JSON_EXISTS(json, path, behaviour): the keyword operand is 'TRUE', 'FALSE', 'UNKNOWN' or
// 'ERROR', possibly followed by ' ON ERROR'.
bool jsonExistsOnError(FunctionCall& call, StringRef text, StringRef spec, StringRef behaviour) {
  const std::string_view word = behaviour.view().substr(0, behaviour.view().find(' '));
  OnError onError = OnError::False;
  if (word == "TRUE") onError = OnError::True;
  if (word == "UNKNOWN") onError = OnError::Unknown;
  if (word == "ERROR") onError = OnError::Error;
  return jsonExistsWith(call, text, spec, onError);
}

// s IS [NOT] JSON: registered as a one-argument variadic kernel so that it sees NULL (FALSE).
template <bool Negated>
bool isJson(FunctionCall&, const StringRef* values, const uint8_t* valid, int32_t count) {
  const bool parses = count == 1 && valid[0] && json::parse(values[0].view()).has_value();
  return parses != Negated;
}

// The third operand must be the RETURNING marker. A STRING third operand can also be a DEFAULT
// value whose ON EMPTY / ON ERROR clause the binder dropped; refuse it rather than ignore it.
std::string bindReturning(CallSite& site) {
  const bool stringMarker =
      site.argumentTypes.size() == 3 && site.argumentTypes[2].isCharacterString();
  if (stringMarker && !(site.constants.size() > 2 && site.constants[2] &&
                        site.constants[2]->bytes == "RETURNING")) {
    return site.function + ": DEFAULT ... ON EMPTY / ON ERROR is not supported";
  }
  return bindPath(site);
}

template <typename Result>
void addJsonValue(ScalarFunctionRegistry& registry, const Accepts& result) {
  const Accepts strings = Accepts::strings();
  registry.add(withPathBinding(
      returningNull(scalarKernel<&jsonValue<Result>>("JSON_VALUE", {strings, strings}, result))));
  ScalarKernel returning = returningNull(
      scalarKernel<&jsonValueReturning<Result>>("JSON_VALUE", {strings, strings, result}, result));
  returning.bind = &bindReturning;
  registry.add(std::move(returning));
}

}  // namespace

void registerJson(ScalarFunctionRegistry& registry) {
  const Accepts strings = Accepts::strings();
  const Accepts boolean = Accepts::kind(TypeKind::Boolean);
  addJsonValue<StringRef>(registry, strings);
  addJsonValue<bool>(registry, boolean);
  addJsonValue<int32_t>(registry, Accepts::kind(TypeKind::Int));
  addJsonValue<int64_t>(registry, Accepts::kind(TypeKind::BigInt));
  addJsonValue<double>(registry, Accepts::kind(TypeKind::Double));
  registry.add(withPathBinding(
      returningNull(scalarKernel<&jsonQuery>("JSON_QUERY", {strings, strings}, strings))));
  registry.add(withPathBinding(
      returningNull(scalarKernel<&jsonExists>("JSON_EXISTS", {strings, strings}, boolean))));
  registry.add(withPathBinding(returningNull(scalarKernel<&jsonExistsOnError>(
      "JSON_EXISTS", {strings, strings, Accepts::kind(TypeKind::Symbol)}, boolean))));
  registry.add(variadicKernel<&isJson<false>>("IS JSON", strings, boolean));
  registry.add(variadicKernel<&isJson<true>>("IS NOT JSON", strings, boolean));
  registerJsonQuoting(registry);
}

}  // namespace sluice::runtime::builtins
