// Which optimizer passes run for a statement: 'sqlc.optimizer.disabled-passes' as SET before that
// statement (not a SET further down the script), or as the command line's --set
// (CompileOptions::overrides), which wins over the script.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "compiler/driver/job_compiler.h"

namespace sluice {
namespace {

constexpr const char* kTables =
    "CREATE TABLE a (k BIGINT, x STRING, y STRING) WITH ('connector' = 'datagen');\n"
    "CREATE TABLE b (k BIGINT, z STRING) WITH ('connector' = 'datagen');\n"
    "CREATE TABLE out_table (k BIGINT, z STRING) WITH ('connector' = 'blackhole');\n";
constexpr const char* kInsert =
    "INSERT INTO out_table SELECT a.k, b.z FROM a JOIN b ON a.k = b.k;\n";

// Whether each statement with a plan ran the pass, in order.
std::vector<bool> ran(const std::string& script, const CompileOptions& options,
                      const std::string& pass) {
  const SourceFile file("job.sql", std::string(kTables) + script);
  DiagnosticSink diagnostics;
  const CompiledJob job = compileJob(file, diagnostics, options);
  EXPECT_FALSE(diagnostics.hasErrors()) << diagnostics.render(file);
  std::vector<bool> result;
  for (const CompiledStatement& statement : job.statements) {
    if (statement.optimized.empty()) continue;
    result.push_back(std::any_of(statement.passes.begin(), statement.passes.end(),
                                 [&](const PassReport& report) { return report.name == pass; }));
  }
  return result;
}

TEST(OptimizerPassOptions, ASetAppliesToTheStatementsAfterIt) {
  const std::string script = std::string(kInsert) +
                             "SET 'sqlc.optimizer.disabled-passes' = 'prune-join-inputs';\n" +
                             kInsert;
  EXPECT_EQ(ran(script, {}, "prune-join-inputs"), (std::vector<bool>{true, false}));
}

TEST(OptimizerPassOptions, TheCommandLineWinsOverTheScript) {
  CompileOptions options;
  options.overrides["sqlc.optimizer.disabled-passes"] = "prune-join-inputs,rank-recognition";
  const std::string script =
      std::string("SET 'sqlc.optimizer.disabled-passes' = 'rank-recognition';\n") + kInsert;
  EXPECT_EQ(ran(script, options, "prune-join-inputs"), (std::vector<bool>{false}));
  EXPECT_EQ(ran(kInsert, options, "join-condition-push"), (std::vector<bool>{true}));
}

}  // namespace
}  // namespace sluice
