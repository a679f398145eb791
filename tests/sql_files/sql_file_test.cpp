// Runs the SQL test files of tests/sql:
//   check/**.sql    must compile without errors (warnings allowed);
//   errors/*.sql    must produce exactly the diagnostics their `-- expect-error: L:C: text` header
//                   lines name (text compared case-insensitively as a substring);
//   any .sql with a .explain file beside it: `sqlc explain` output must equal that file
//                   (SLUICE_UPDATE_GOLDEN=1 rewrites the golden files; explain/ holds the
//                   files written only for their plans).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "compiler/driver/job_compiler.h"
#include "compiler/physical/changelog_inference.h"
#include "compiler/types/identifier_case.h"
#include "session/udx_loader.h"
#include "tests/sql_files/udx_placeholders.h"

namespace sluice {
namespace {

namespace fs = std::filesystem;

const fs::path kSqlRoot = fs::path(SLUICE_SOURCE_DIR) / "tests" / "sql";

// The text with the library placeholders replaced (udx_placeholders.h).
std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream stream;
  stream << in.rdbuf();
  std::string text = stream.str();
  return testing_support::withUdxLibraries(std::move(text));
}

std::vector<std::string> sqlFiles(const std::string& folder) {
  std::vector<std::string> files;
  fs::path root = kSqlRoot / folder;
  if (!fs::exists(root)) return files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    if (entry.path().extension() == ".sql") files.push_back(fs::relative(entry.path(), kSqlRoot).string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string testName(const testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

struct Compiled {
  std::unique_ptr<SourceFile> file;
  DiagnosticSink diagnostics;
  CompiledJob job;
};

std::unique_ptr<Compiled> compile(const std::string& relative) {
  auto compiled = std::make_unique<Compiled>();
  compiled->file = std::make_unique<SourceFile>(relative, readFile(kSqlRoot / relative));
  CompileOptions options;
  options.loadLibrary = session::udxLibraryLoader();
  compiled->job = compileJob(*compiled->file, compiled->diagnostics, options);
  if (!compiled->diagnostics.hasErrors()) physical::checkChangelogs(compiled->job, compiled->diagnostics);
  return compiled;
}

class CheckFile : public testing::TestWithParam<std::string> {};

TEST_P(CheckFile, CompilesAndExplainsWithoutErrors) {
  auto compiled = compile(GetParam());
  EXPECT_FALSE(compiled->diagnostics.hasErrors()) << compiled->diagnostics.render(*compiled->file);
  EXPECT_FALSE(compiled->job.statements.empty()) << "no statement was bound";
  // `sqlc explain` must print a plan for every statement that has one.
  std::string explained = explainJob(compiled->job, GetParam());
  for (const auto& statement : compiled->job.statements) {
    if (statement.bound.sinks.empty()) continue;
    EXPECT_NE(explained.find(statement.bound.summary), std::string::npos) << explained;
  }
}

INSTANTIATE_TEST_SUITE_P(Sql, CheckFile, testing::ValuesIn(sqlFiles("check")), testName);

struct ExpectedError {
  int line = 0;
  int column = 0;
  std::string text;
};

std::vector<ExpectedError> expectedErrors(const std::string& source) {
  static const std::regex kHeader(R"(--\s*expect-error:\s*(\d+):(\d+):\s*(.*\S)\s*)");
  std::vector<ExpectedError> expected;
  std::istringstream lines(source);
  std::string line;
  while (std::getline(lines, line)) {
    std::smatch match;
    if (std::regex_match(line, match, kHeader)) {
      expected.push_back({std::stoi(match[1]), std::stoi(match[2]), toLowerAscii(match[3].str())});
    }
  }
  return expected;
}

class ErrorFile : public testing::TestWithParam<std::string> {};

TEST_P(ErrorFile, ReportsExactlyTheExpectedErrors) {
  auto compiled = compile(GetParam());
  auto expected = expectedErrors(compiled->file->text());
  ASSERT_FALSE(expected.empty()) << "the file has no `-- expect-error:` line";
  std::vector<Diagnostic> errors;
  for (const auto& d : compiled->diagnostics.diagnostics()) {
    if (d.severity == Severity::Error) errors.push_back(d);
  }
  std::string rendered = compiled->diagnostics.render(*compiled->file);
  for (const auto& want : expected) {
    bool found = std::any_of(errors.begin(), errors.end(), [&](const Diagnostic& d) {
      return d.location.line == want.line && d.location.column == want.column &&
             toLowerAscii(d.message).find(want.text) != std::string::npos;
    });
    EXPECT_TRUE(found) << "expected " << want.line << ":" << want.column << ": " << want.text
                       << "\ngot:\n" << rendered;
  }
  EXPECT_EQ(errors.size(), expected.size()) << rendered;
}

INSTANTIATE_TEST_SUITE_P(Sql, ErrorFile, testing::ValuesIn(sqlFiles("errors")), testName);

class ExplainFile : public testing::TestWithParam<std::string> {};

TEST_P(ExplainFile, MatchesGolden) {
  auto compiled = compile(GetParam());
  ASSERT_FALSE(compiled->diagnostics.hasErrors()) << compiled->diagnostics.render(*compiled->file);
  std::string actual = explainJob(compiled->job, GetParam());
  fs::path golden = (kSqlRoot / GetParam()).replace_extension(".explain");
  if (std::getenv("SLUICE_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(golden, std::ios::binary) << actual;
    return;
  }
  ASSERT_TRUE(fs::exists(golden)) << golden << " is missing; run with SLUICE_UPDATE_GOLDEN=1";
  EXPECT_EQ(actual, readFile(golden));
}

// Every file of explain/ (a missing golden fails), and any other file with a golden beside it.
std::vector<std::string> filesWithGoldens() {
  std::vector<std::string> files;
  for (const auto& file : sqlFiles("")) {
    bool inExplain = file.rfind("explain/", 0) == 0;
    if (inExplain || fs::exists((kSqlRoot / file).replace_extension(".explain"))) files.push_back(file);
  }
  return files;
}

INSTANTIATE_TEST_SUITE_P(Sql, ExplainFile, testing::ValuesIn(filesWithGoldens()), testName);

}  // namespace
}  // namespace sluice
