#include "compiler/binder/scope.h"

#include "compiler/diagnostics/diagnostics.h"
#include "compiler/types/identifier_case.h"

namespace sluice {

std::vector<DataType> Scope::types() const {
  std::vector<DataType> out;
  for (const auto& field : fields_) out.push_back(field.type);
  return out;
}

bool Scope::hasQualifier(const std::string& qualifier) const {
  for (const auto& field : fields_) {
    if (equalsIgnoreCase(field.qualifier, qualifier)) return true;
  }
  return false;
}

std::vector<int> Scope::fieldsOf(const std::string& qualifier) const {
  std::vector<int> out;
  for (size_t i = 0; i < fields_.size(); ++i) {
    if (fields_[i].qualifier == qualifier) out.push_back(static_cast<int>(i));
  }
  if (out.empty()) {
    for (size_t i = 0; i < fields_.size(); ++i) {
      if (equalsIgnoreCase(fields_[i].qualifier, qualifier)) out.push_back(static_cast<int>(i));
    }
  }
  return out;
}

std::vector<std::string> Scope::names() const {
  std::vector<std::string> out;
  for (const auto& field : fields_) out.push_back(field.name);
  return out;
}

// Matches exactly first; a case-insensitive match is accepted only when unique (Flink is
// case-sensitive, Blink jobs are not, and the lenient rule never changes a valid Flink meaning).
template <typename Matches>
static std::vector<int> matching(const std::vector<ScopeField>& fields, Matches matches) {
  std::vector<int> exact, loose;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (matches(fields[i], true)) exact.push_back(static_cast<int>(i));
    if (matches(fields[i], false)) loose.push_back(static_cast<int>(i));
  }
  return exact.empty() ? loose : exact;
}

static bool same(const std::string& a, const std::string& b, bool exact) {
  return exact ? a == b : equalsIgnoreCase(a, b);
}

std::optional<ScopeResolution> Scope::resolveHere(const std::vector<std::string>& parts,
                                                  SourceLocation location) const {
  // t.column[.field...]
  if (parts.size() >= 2) {
    auto qualified = matching(fields_, [&](const ScopeField& f, bool exact) {
      return same(f.qualifier, parts[0], exact) && same(f.name, parts[1], exact);
    });
    if (qualified.size() > 1) {
      throw UserError(location, "column '" + parts[0] + "." + parts[1] + "' is ambiguous");
    }
    if (qualified.size() == 1) {
      return ScopeResolution{qualified[0], 0, 2, fields_[static_cast<size_t>(qualified[0])].type};
    }
  }
  // column[.field...]
  auto plain = matching(fields_, [&](const ScopeField& f, bool exact) {
    return !f.qualifiedOnly && same(f.name, parts[0], exact);
  });
  if (plain.size() > 1) {
    throw UserError(location, "column '" + parts[0] + "' is ambiguous; qualify it with a table "
                              "name or alias");
  }
  if (plain.size() == 1) {
    return ScopeResolution{plain[0], 0, 1, fields_[static_cast<size_t>(plain[0])].type};
  }
  return std::nullopt;
}

std::optional<ScopeResolution> Scope::resolve(const std::vector<std::string>& parts,
                                              SourceLocation location) const {
  int depth = 0;
  for (const Scope* scope = this; scope != nullptr; scope = scope->outer_, ++depth) {
    auto found = scope->resolveHere(parts, location);
    if (found) {
      found->depth = depth;
      return found;
    }
  }
  return std::nullopt;
}

Scope Scope::concatenate(const Scope& left, const Scope& right) {
  std::vector<ScopeField> fields = left.fields_;
  fields.insert(fields.end(), right.fields_.begin(), right.fields_.end());
  Scope scope(std::move(fields));
  scope.outer_ = left.outer_;
  return scope;
}

}  // namespace sluice
