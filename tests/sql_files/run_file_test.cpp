// Runs every tests/sql/run/**.sql file (format: tests/sql/run/README.md) three times: with the
// interpreter and with compiled pipelines at parallelism 1, and compiled at parallelism 4, and
// checks each runnable statement's changelog or error. At parallelism 1 the changelog must be
// exactly the expected one; at parallelism 4 it must leave the same final rows.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <cstdlib>
#include <iostream>
#include <set>
#include <sstream>

#include "compiler/codegen/llvm_calc_compiler.h"
#include "compiler/physical/physical_planner.h"
#include "session/local_job.h"
#include "session/udx_loader.h"
#include "tests/sql_files/run_file_script.h"
#include "tests/sql_files/udx_placeholders.h"

namespace sluice {
namespace {

namespace fs = std::filesystem;
using testing_support::RunScript;
using testing_support::RunStep;

const fs::path kRunRoot = fs::path(SLUICE_SOURCE_DIR) / "tests" / "sql" / "run";

struct RunCase {
  std::string file;  // relative to tests/sql/run
  std::string mode;  // interpreted | compiled
  int parallelism = 1;
};

void PrintTo(const RunCase& runCase, std::ostream* out) {
  *out << runCase.file << " (" << runCase.mode << ", parallelism " << runCase.parallelism << ")";
}

std::vector<RunCase> runCases() {
  std::vector<RunCase> cases;
  if (!fs::exists(kRunRoot)) return cases;
  std::vector<std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(kRunRoot)) {
    if (entry.is_regular_file() && entry.path().extension() == ".sql") {
      files.push_back(fs::relative(entry.path(), kRunRoot).string());
    }
  }
  std::sort(files.begin(), files.end());
  for (const std::string& file : files) {
    cases.push_back({file, "interpreted", 1});
    cases.push_back({file, "compiled", 1});
    // Four instances of every operator, rows crossing exchanges between threads: the same rows,
    // in an order that is only defined per instance.
    cases.push_back({file, "compiled", 4});
  }
  return cases;
}

std::string caseName(const testing::TestParamInfo<RunCase>& info) {
  std::string name = info.param.file + "_" + info.param.mode;
  if (info.param.parallelism > 1) name += "_p" + std::to_string(info.param.parallelism);
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}


std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Writes a table's input rows to a file the filesystem connector reads.
std::string writeInput(const std::string& table, const std::vector<std::string>& rows,
                       const fs::path& directory) {
  const bool json = !rows.empty() && !rows.front().empty() && rows.front()[0] == '{';
  const fs::path path = directory / (table + (json ? ".json" : ".csv"));
  std::ofstream out(path, std::ios::binary);
  for (const std::string& row : rows) out << row << "\n";
  return path.string();
}

// The rows a changelog leaves, per sink: "+I[..]"/"+U[..]" add a row, "-U"/"-D" remove one.
std::vector<std::string> finalRows(const std::vector<std::string>& changelog) {
  std::map<std::string, std::vector<std::string>> perSink;
  for (const std::string& line : changelog) {
    const size_t bracket = line.find('[');
    const size_t prefix = line.find("> ");
    const bool named = prefix != std::string::npos && prefix < bracket;
    const std::string sink = named ? line.substr(0, prefix) : "";
    perSink[sink].push_back(named ? line.substr(prefix + 2) : line);
  }
  std::vector<std::string> rows;
  for (const auto& [sink, lines] : perSink) {
    for (const std::string& row : session::materialize(lines)) rows.push_back(sink + "> " + row);
  }
  return rows;
}

// "orders:2,customers:1,orders:1" for the timeline orders, orders, customers, orders.
std::string sourceOrder(const std::vector<std::string>& timeline) {
  std::string order;
  for (size_t i = 0; i < timeline.size();) {
    size_t run = i;
    while (run < timeline.size() && timeline[run] == timeline[i]) ++run;
    if (!order.empty()) order += ",";
    order += timeline[i] + ":" + std::to_string(run - i);
    i = run;
  }
  return order;
}

class RunFileTest : public testing::TestWithParam<RunCase> {
 protected:
  static codegen::LlvmCalcCompiler& compiler() {
    static codegen::LlvmCalcCompiler instance({});
    return instance;
  }

  // Runs step `index` of the script; returns its rows (or "error: ..." as the only line).
  std::vector<std::string> runStep(const RunScript& script, size_t index, const fs::path& inputs) {
    const RunStep& step = script.steps[index];
    const std::string path = (kRunRoot / GetParam().file).string();
    SourceFile file(path, testing_support::scriptFor(script, index));
    DiagnosticSink diagnostics;
    CompileOptions compileOptions;
    compileOptions.loadLibrary = session::udxLibraryLoader();
    CompiledJob job = compileJob(file, diagnostics, compileOptions);
    if (diagnostics.hasErrors()) return {"error: " + diagnostics.render(file)};
    const auto runnable = physical::runnableStatements(job);
    if (runnable.size() != 1) return {"error: expected one runnable statement"};
    session::LocalRunOptions options;
    options.settings["sqlc.jit.mode"] = GetParam().mode;
    options.settings["parallelism.default"] = std::to_string(GetParam().parallelism);
    options.captureSinks = true;
    options.echoCaptured = false;
    for (const auto& [table, rows] : step.inputs) {
      options.sourceFiles[table] = writeInput(table, rows, inputs);
    }
    // At parallelism 1 the sources' rows meet in the order the file lists them, so a job over
    // several inputs has one exact changelog.
    if (GetParam().parallelism == 1 && !step.inputOrder.empty()) {
      options.settings["sqlc.exec.source-order"] = sourceOrder(step.inputOrder);
    }
    artifact::JobPlan plan;
    try {
      plan = session::planForLocalRun(job, *runnable[0], path, options);
    } catch (const UserError& error) {
      return {std::string("error: ") + error.what()};
    }
    const session::StatementRun run = session::runPlan(plan, options, &compiler());
    if (!run.report.succeeded) return {"error: " + run.report.error};
    std::set<std::string> sinks;
    for (const auto& [sink, line] : run.captured) sinks.insert(sink);
    bool prefixed = sinks.size() > 1;
    for (const std::string& expected : step.expectedRows) {
      prefixed = prefixed || expected.find("> ") < expected.find('[');
    }
    std::vector<std::string> rows;
    for (const auto& [sink, line] : run.captured) rows.push_back(prefixed ? sink + "> " + line : line);
    return rows;
  }
};

TEST_P(RunFileTest, ProducesExpectedChangelog) {
  const RunScript script = testing_support::parseRunScript(
      testing_support::withUdxLibraries(readFile(kRunRoot / GetParam().file)));
  const fs::path inputs = fs::temp_directory_path() /
                          ("sluice_run_" + caseName({GetParam(), 0}) + std::to_string(::getpid()));
  fs::create_directories(inputs);
  int ran = 0;
  for (size_t i = 0; i < script.steps.size(); ++i) {
    const RunStep& step = script.steps[i];
    if (!step.runnable) continue;
    ++ran;
    std::vector<std::string> actual = runStep(script, i, inputs);
    const std::string where = GetParam().file + ":" + std::to_string(step.firstLine);
    if (!step.expectedError.empty()) {
      ASSERT_EQ(actual.size(), 1u) << where << ": expected an error containing '"
                                   << step.expectedError << "', got rows";
      EXPECT_NE(actual[0].find(step.expectedError), std::string::npos)
          << where << ": expected an error containing '" << step.expectedError << "', got "
          << actual[0];
      continue;
    }
    if (std::getenv("SLUICE_RUN_FILE_SHOW")) {
      // For writing a new case: the rows it produced, as the file would list them.
      std::cout << where << "\n";
      for (const std::string& row : actual) std::cout << "-- " << row << "\n";
    }
    std::vector<std::string> expected = step.expectedRows;
    if (GetParam().parallelism > 1 || step.finalOnly) {
      // Instances interleave, and an operator after an exchange may see its inputs' changes in
      // another order (so other intermediate updates): the changelogs must end in the same rows.
      EXPECT_EQ(finalRows(actual), finalRows(expected)) << where << "\n" << step.sql;
      continue;
    }
    if (step.unordered) {
      std::sort(actual.begin(), actual.end());
      std::sort(expected.begin(), expected.end());
    }
    EXPECT_EQ(actual, expected) << where << "\n" << step.sql;
  }
  fs::remove_all(inputs);
  EXPECT_GT(ran, 0) << "no runnable statement in " << GetParam().file;
}

INSTANTIATE_TEST_SUITE_P(SqlRun, RunFileTest, testing::ValuesIn(runCases()), caseName);

}  // namespace
}  // namespace sluice
