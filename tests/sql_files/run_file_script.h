// Reads a run test file (tests/sql/run/README.md): its statements, the inputs given to its tables
// and what each runnable statement must produce.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace sluice::testing_support {

struct RunStep {
  int firstLine = 0;  // 1-based
  int lastLine = 0;
  std::string sql;
  bool runnable = false;  // INSERT, statement set, SELECT
  std::vector<std::string> expectedRows;
  bool unordered = false;
  // `-- final`: only the rows the changelog leaves are compared (two sources interleave).
  bool finalOnly = false;
  std::string expectedError;
  // Inputs declared before this step: table -> rows.
  std::map<std::string, std::vector<std::string>> inputs;
  // The same rows as a timeline: the table of each row, in the order the file gives them (a
  // later `-- input T:` block of the same table continues it), for `sqlc.exec.source-order`.
  std::vector<std::string> inputOrder;
};

struct RunScript {
  std::vector<std::string> lines;
  std::vector<RunStep> steps;
};

RunScript parseRunScript(const std::string& text);

// The file's text with every runnable statement but `keep` blanked out (line numbers stay).
std::string scriptFor(const RunScript& script, size_t keep);

}  // namespace sluice::testing_support
