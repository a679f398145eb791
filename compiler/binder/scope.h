// Name resolution: the fields visible to an expression, each with the table alias that qualifies
// it. A scope's field positions are the input row's positions, so a resolved name is an InputRef.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "compiler/types/data_type.h"

namespace sluice {

struct ScopeField {
  std::string qualifier;  // table alias or table name; empty for derived columns
  std::string name;
  DataType type;
  // The right side's copy of a JOIN .. USING column: `t.c` finds it, a bare `c` and `*` do not.
  bool qualifiedOnly = false;
};

struct ScopeResolution {
  int index = -1;
  int depth = 0;  // 0: this scope, 1: the enclosing query's scope (correlation), ...
  size_t partsUsed = 0;  // how many name parts named the table and column; the rest are fields
  DataType type;
};

class Scope {
 public:
  Scope() = default;
  explicit Scope(std::vector<ScopeField> fields) : fields_(std::move(fields)) {}

  const std::vector<ScopeField>& fields() const { return fields_; }
  void setOuter(const Scope* outer) { outer_ = outer; }
  const Scope* outer() const { return outer_; }
  std::vector<DataType> types() const;

  // Resolves `a`, `t.a`, `t.a.b` (nested field b), `a.b`. Throws UserError for an ambiguous
  // name; returns nullopt when the name is unknown here and in enclosing scopes.
  std::optional<ScopeResolution> resolve(const std::vector<std::string>& parts,
                                         struct SourceLocation location) const;
  // Whether a qualifier (table alias) is known here.
  bool hasQualifier(const std::string& qualifier) const;
  // Field indexes of a qualifier, in order (for t.*).
  std::vector<int> fieldsOf(const std::string& qualifier) const;
  std::vector<std::string> names() const;

  static Scope concatenate(const Scope& left, const Scope& right);

 private:
  std::vector<ScopeField> fields_;
  const Scope* outer_ = nullptr;

  std::optional<ScopeResolution> resolveHere(const std::vector<std::string>& parts,
                                             struct SourceLocation location) const;
};

}  // namespace sluice
