#include "tests/sql_files/run_file_script.h"

#include <cctype>
#include <sstream>

namespace sluice::testing_support {
namespace {

std::string trim(const std::string& text) {
  size_t begin = 0;
  size_t end = text.size();
  while (begin < end && std::isspace(static_cast<unsigned char>(text[begin]))) ++begin;
  while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
  return text.substr(begin, end - begin);
}

std::string upperFirstWords(const std::string& sql) {
  std::string upper;
  for (char c : sql.substr(0, 40)) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return upper;
}

bool isRowLine(const std::string& text) {
  // "+I[..]", "-U[..]", ..., optionally after "name> ".
  const size_t arrow = text.find("> ");
  const std::string row = arrow != std::string::npos && arrow < text.find('[') ? text.substr(arrow + 2) : text;
  return row.size() >= 3 && (row[0] == '+' || row[0] == '-') && row[2] == '[';
}

}  // namespace

RunScript parseRunScript(const std::string& text) {
  RunScript script;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) script.lines.push_back(line);
  std::map<std::string, std::vector<std::string>> inputs;
  std::vector<std::string> inputOrder;
  std::string inputTable;  // the input block being read, if any
  std::string pending;
  int pendingStart = 0;
  bool statementSet = false;
  for (size_t n = 0; n < script.lines.size(); ++n) {
    const std::string line = trim(script.lines[n]);
    const bool comment = line.rfind("--", 0) == 0;
    if (comment) {
      const std::string body = trim(line.substr(2));
      if (!pending.empty()) continue;  // comments inside a statement
      if (body.rfind("input ", 0) == 0 && !body.empty() && body.back() == ':') {
        inputTable = trim(body.substr(6, body.size() - 7));
        continue;
      }
      if (!inputTable.empty()) {
        inputs[inputTable].push_back(line.size() > 3 ? line.substr(3) : "");
        inputOrder.push_back(inputTable);
        continue;
      }
      if (script.steps.empty()) continue;
      RunStep& last = script.steps.back();
      if (body == "unordered") {
        last.unordered = true;
      } else if (body == "final") {
        last.finalOnly = true;
      } else if (body.rfind("error:", 0) == 0) {
        last.expectedError = trim(body.substr(6));
      } else if (isRowLine(body)) {
        last.expectedRows.push_back(body);
      }
      continue;
    }
    inputTable.clear();
    if (line.empty() && pending.empty()) continue;
    if (pending.empty()) {
      pendingStart = static_cast<int>(n) + 1;
      const std::string upper = upperFirstWords(line);
      statementSet = upper.rfind("EXECUTE STATEMENT SET", 0) == 0 ||
                     upper.rfind("BEGIN STATEMENT SET", 0) == 0;
    }
    pending += script.lines[n] + "\n";
    const std::string upperLine = upperFirstWords(line);
    const bool ends = statementSet ? upperLine.rfind("END", 0) == 0 && !line.empty() && line.back() == ';'
                                   : !line.empty() && line.back() == ';';
    if (!ends) continue;
    RunStep step;
    step.firstLine = pendingStart;
    step.lastLine = static_cast<int>(n) + 1;
    step.sql = pending;
    const std::string upper = upperFirstWords(trim(pending));
    step.runnable = upper.rfind("INSERT", 0) == 0 || upper.rfind("SELECT", 0) == 0 ||
                    upper.rfind("WITH", 0) == 0 || upper.rfind("VALUES", 0) == 0 ||
                    upper.rfind("(", 0) == 0 || statementSet;
    step.inputs = inputs;
    step.inputOrder = inputOrder;
    script.steps.push_back(std::move(step));
    pending.clear();
    statementSet = false;
  }
  return script;
}

std::string scriptFor(const RunScript& script, size_t keep) {
  std::vector<std::string> lines = script.lines;
  for (size_t s = 0; s < script.steps.size(); ++s) {
    const RunStep& step = script.steps[s];
    if (s == keep || !step.runnable) continue;
    for (int n = step.firstLine; n <= step.lastLine; ++n) lines[n - 1] = "";
  }
  std::string text;
  for (const std::string& line : lines) text += line + "\n";
  return text;
}

}  // namespace sluice::testing_support
