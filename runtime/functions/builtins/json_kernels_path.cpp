// JSON paths: compiling the supported Jayway subset and evaluating it with Jayway's rules as
// Flink configures them (strict: exceptions; lax: Option.SUPPRESS_EXCEPTIONS).
#include <cctype>

#include "runtime/functions/builtins/json_document_model.h"

namespace sluice::runtime::builtins::json {
namespace {

// Java's \s.
bool isSpace(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

bool startsWithWordIgnoringCase(std::string_view text, std::string_view word) {
  if (text.size() < word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != word[i]) return false;
  }
  return true;
}

// Reads the bracket at text[at] == '[' into `step`; returns the position after ']' or npos.
size_t readBracket(std::string_view text, size_t at, PathStep& step) {
  size_t i = at + 1;
  const auto skipSpaces = [&] {
    while (i < text.size() && text[i] == ' ') ++i;
  };
  skipSpaces();
  if (i >= text.size()) return std::string_view::npos;
  if (text[i] == '*') {
    ++i;
    step.kind = PathStep::Kind::Wildcard;
  } else if (text[i] == '\'' || text[i] == '"') {
    const char quote = text[i++];
    step.kind = PathStep::Kind::Property;
    while (i < text.size() && text[i] != quote) {
      if (text[i] == '\\' && i + 1 < text.size()) ++i;
      step.name += text[i++];
    }
    if (i >= text.size()) return std::string_view::npos;
    ++i;  // the closing quote
  } else {
    step.kind = PathStep::Kind::Indexes;
    const size_t close = text.find(']', i);
    if (close == std::string_view::npos) return std::string_view::npos;
    std::string_view list = text.substr(i, close - i);
    while (true) {
      const size_t comma = std::min(list.find(','), list.size());
      std::string_view item = list.substr(0, comma);
      while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
      while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
      const size_t digits = (!item.empty() && item[0] == '-') ? 1 : 0;
      if (item.size() == digits || item.size() > 10) return std::string_view::npos;
      for (size_t d = digits; d < item.size(); ++d) {
        if (!std::isdigit(static_cast<unsigned char>(item[d]))) return std::string_view::npos;
      }
      step.indexes.push_back(std::stoll(std::string(item)));
      if (comma == list.size()) break;
      list.remove_prefix(comma + 1);
    }
    i = close;
  }
  skipSpaces();
  if (i >= text.size() || text[i] != ']') return std::string_view::npos;
  return i + 1;
}

// Jayway's PathCompiler on the supported subset; false when the path is not supported/valid.
bool compileSteps(std::string_view spec, std::vector<PathStep>& steps) {
  while (!spec.empty() && isSpace(spec.front())) spec.remove_prefix(1);
  while (!spec.empty() && isSpace(spec.back())) spec.remove_suffix(1);
  if (spec.empty()) return false;
  std::string text(spec);
  if (text[0] != '$' && text[0] != '@') text = "$." + text;
  if (text.size() > 1 && text[1] != '.' && text[1] != '[') return false;
  size_t at = 1;
  while (at < text.size()) {
    PathStep step;
    const char c = text[at];
    if (c == '.') {
      if (at + 1 >= text.size() || text[at + 1] == '.') return false;  // trailing '.', or '..'
      ++at;
      continue;
    }
    if (c == '[') {
      at = readBracket(text, at, step);
      if (at == std::string::npos) return false;
    } else if (c == '*') {
      step.kind = PathStep::Kind::Wildcard;
      ++at;
    } else {
      const size_t end = std::min(text.find_first_of(".[ (", at), text.size());
      if (end < text.size() && (text[end] == ' ' || text[end] == '(')) return false;
      step.name = text.substr(at, end - at);
      at = end;
    }
    steps.push_back(std::move(step));
  }
  return true;
}

struct Evaluation {
  const Path& path;
  std::vector<const Node*> matches;
  bool error = false;
};

// Jayway's token evaluation: a step that does not apply (a property of a non-object, an index
// into a non-array, a missing property before the last step) throws in strict mode when every
// earlier step was definite, and is skipped otherwise; a missing last property or an index out of
// range just yields nothing.
void walk(Evaluation& e, size_t index, const Node& node, bool upstreamDefinite) {
  if (e.error) return;
  const std::vector<PathStep>& steps = e.path.steps;
  if (index == steps.size()) {
    e.matches.push_back(&node);
    return;
  }
  const PathStep& step = steps[index];
  const bool definite = upstreamDefinite && step.definite();
  const auto notApplicable = [&] {
    if (!e.path.lax && upstreamDefinite) e.error = true;
  };
  switch (step.kind) {
    case PathStep::Kind::Property: {
      if (node.kind != Node::Kind::Object) return notApplicable();
      for (size_t i = 0; i < node.keys.size(); ++i) {
        if (node.keys[i] == step.name) return walk(e, index + 1, node.children[i], definite);
      }
      if (index + 1 < steps.size()) notApplicable();
      return;
    }
    case PathStep::Kind::Wildcard:
      if (node.kind == Node::Kind::Object || node.kind == Node::Kind::Array) {
        for (const Node& child : node.children) walk(e, index + 1, child, false);
      }
      return;
    case PathStep::Kind::Indexes: {
      if (node.kind != Node::Kind::Array) return notApplicable();
      const auto size = static_cast<int64_t>(node.children.size());
      for (int64_t wanted : step.indexes) {
        const int64_t effective = wanted < 0 ? size + wanted : wanted;
        if (effective >= 0 && effective < size) {
          walk(e, index + 1, node.children[static_cast<size_t>(effective)], definite);
        }
      }
      return;
    }
  }
}

}  // namespace

Path compilePath(std::string_view spec) {
  Path path;
  // Flink splits "^\s*(strict|lax)\s+(.+)$" (case-insensitive) off the spec; no prefix: strict.
  std::string_view rest = spec;
  while (!rest.empty() && isSpace(rest.front())) rest.remove_prefix(1);
  for (std::string_view mode : {"strict", "lax"}) {
    if (!startsWithWordIgnoringCase(rest, mode) || rest.size() <= mode.size() + 1 ||
        !isSpace(rest[mode.size()])) {
      continue;
    }
    std::string_view after = rest.substr(mode.size());
    while (after.size() > 1 && isSpace(after.front())) after.remove_prefix(1);
    path.lax = mode == "lax";
    spec = after;
    break;
  }
  path.valid = compileSteps(spec, path.steps);
  for (const PathStep& step : path.steps) path.definite = path.definite && step.definite();
  return path;
}

Lookup lookup(const std::optional<Node>& document, const Path& path) {
  Lookup result;
  if (!document) {  // an unparsable document is an error in strict mode, no value in lax mode
    result.error = !path.lax;
    return result;
  }
  // An invalid path, or a document that is JSON null (Jayway rejects a null root), is an error.
  if (!path.valid || document->kind == Node::Kind::Null) {
    result.error = true;
    return result;
  }
  Evaluation e{path, {}, false};
  walk(e, 0, *document, true);
  if (e.error) {
    result.error = true;
  } else if (!path.definite) {
    result.isList = true;
    result.list = std::move(e.matches);
  } else if (e.matches.empty()) {
    result.error = !path.lax;  // Jayway's "No results for path"
  } else if (e.matches.front()->kind != Node::Kind::Null) {
    result.value = e.matches.front();
  }
  return result;
}

}  // namespace sluice::runtime::builtins::json
