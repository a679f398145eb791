// A position in a SQL file: 1-based line and column (columns count characters of the line as
// ANTLR does, which is what an editor shows for ASCII text).
#pragma once

namespace sluice {

struct SourceLocation {
  int line = 0;
  int column = 0;
  bool known() const { return line > 0; }
};

}  // namespace sluice
