// The Nexmark harness behind `sqlc bench nexmark`: job texts built from the suite's layout with
// its parameters filled in (and an unknown parameter refused), every bundled query compiling, and
// the results files: JSON that reads back, a RESULTS.md section rewritten in place, comparisons.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "compiler/diagnostics/diagnostics.h"
#include "compiler/driver/job_compiler.h"
#include "session/udx_loader.h"
#include "tools/sqlc/bench/bench_results.h"
#include "tools/sqlc/bench/nexmark_workload.h"

namespace sluice {
namespace {

namespace fs = std::filesystem;

const std::string kQueries = std::string(SLUICE_SOURCE_DIR) + "/bench/nexmark/queries";

class TemporaryDirectory {
 public:
  TemporaryDirectory() {
    std::string pattern = (fs::temp_directory_path() / "sluice-bench-test-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TemporaryDirectory() { fs::remove_all(path_); }
  const fs::path& path() const { return path_; }
  void write(const std::string& name, const std::string& text) const {
    std::ofstream(path_ / name) << text;
  }

 private:
  fs::path path_;
};

TEST(NexmarkWorkload, QueriesAreOrderedByNumber) {
  TemporaryDirectory directory;
  for (const char* name : {"q10.sql", "q2.sql", "q0.sql", "ddl_gen.sql", "q1.explain", "notes.sql"}) {
    directory.write(name, "");
  }
  EXPECT_EQ(bench::nexmarkQueries(directory.path().string()),
            (std::vector<std::string>{"q0", "q2", "q10"}));
}

TEST(NexmarkWorkload, JobTextJoinsTheSuitesFilesWithParametersFilledIn) {
  TemporaryDirectory directory;
  directory.write("ddl_gen.sql", "CREATE TABLE ${NEXMARK_TABLE} WITH ('events.num' = '${EVENTS_NUM}', "
                                 "'rate' = '${TPS}', 'mix' = '${PERSON_PROPORTION}:"
                                 "${AUCTION_PROPORTION}:${BID_PROPORTION}');");
  directory.write("ddl_views.sql", "-- views");
  directory.write("q13.sql", "'file://${FLINK_HOME}/data/side_input.txt' ${SUBMIT_TIME}");
  bench::NexmarkParameters parameters;
  parameters.events = 1234;
  parameters.eventsPerSecond = 50;
  parameters.flinkHome = "/tmp/home";
  parameters.submitTime = "77";
  EXPECT_EQ(bench::nexmarkJobText(directory.path().string(), "q13", parameters),
            "CREATE TABLE datagen WITH ('events.num' = '1234', 'rate' = '50', 'mix' = '1:3:46');\n"
            "-- views\n"
            "'file:///tmp/home/data/side_input.txt' 77\n");
}

TEST(NexmarkWorkload, AnUnknownParameterNamesTheFile) {
  TemporaryDirectory directory;
  directory.write("ddl_gen.sql", "SELECT ${NO_SUCH_THING}");
  directory.write("ddl_views.sql", "");
  directory.write("q0.sql", "");
  try {
    bench::nexmarkJobText(directory.path().string(), "q0", {});
    FAIL() << "an unknown parameter was filled in";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find("ddl_gen.sql: unknown parameter ${NO_SUCH_THING}"),
              std::string::npos)
        << error.what();
  }
}

TEST(NexmarkWorkload, SideInputHoldsTenThousandKeys) {
  TemporaryDirectory directory;
  bench::prepareFlinkHome(directory.path().string());
  std::ifstream in(directory.path() / "data" / "side_input.txt");
  std::string line;
  int lines = 0;
  std::string last;
  while (std::getline(in, line)) {
    ++lines;
    last = line;
  }
  EXPECT_EQ(lines, 10000);
  EXPECT_EQ(last, "9999,9999");
  EXPECT_TRUE(fs::is_directory(directory.path() / "data" / "output"));
}

// Every bundled query compiles as `sqlc check` would compile it (q14 with its count_char library).
TEST(NexmarkWorkload, EveryBundledQueryCompiles) {
  const std::vector<std::string> queries = bench::nexmarkQueries(kQueries);
  EXPECT_GE(queries.size(), 24u);  // q0 ... q23
  bench::NexmarkParameters parameters;
  parameters.flinkHome = "/tmp/nexmark-home";
  for (const std::string& query : queries) {
    const SourceFile file(query + ".sql", bench::nexmarkJobText(kQueries, query, parameters));
    DiagnosticSink diagnostics;
    CompileOptions options;
    options.loadLibrary = session::udxLibraryLoader();
    options.libraries = {SLUICE_UDX_EXAMPLE_COUNT_CHAR};
    compileJob(file, diagnostics, options);
    EXPECT_FALSE(diagnostics.hasErrors()) << query << ":\n" << diagnostics.render(file);
  }
}

bench::BenchRun sampleRun(double q0Rate, bool q5Succeeded) {
  bench::BenchRun run;
  run.machine = "test CPU, 2 cores, 24 GiB";
  run.commit = "abc1234";
  run.date = "2026-11-22T00:00:00Z";
  run.options = {{"events", "1000"}, {"sqlc.jit.mode", "compiled"}};
  bench::QueryMeasurement q0;
  q0.query = "q0";
  q0.succeeded = true;
  q0.events = 1000;
  q0.cpuSeconds = 1000 / q0Rate;
  q0.wallSeconds = q0.cpuSeconds;
  q0.eventsPerCoreSecond = q0Rate;
  q0.peakMemoryBytes = 3 << 20;
  bench::QueryMeasurement q5;
  q5.query = "q5";
  q5.succeeded = q5Succeeded;
  q5.error = q5Succeeded ? "" : "window | failed\nsecond line";
  q5.eventsPerCoreSecond = q5Succeeded ? 6e6 : 0;
  run.queries = {q0, q5};
  return run;
}

TEST(BenchResults, JsonReadsBack) {
  const bench::BenchRun run = sampleRun(12e6, false);
  const bench::BenchRun back = bench::benchRunFromJson(bench::toJson(run));
  EXPECT_EQ(back.commit, "abc1234");
  EXPECT_EQ(back.options, run.options);
  ASSERT_EQ(back.queries.size(), 2u);
  EXPECT_DOUBLE_EQ(back.queries[0].eventsPerCoreSecond, 12e6);
  EXPECT_EQ(back.queries[0].peakMemoryBytes, 3 << 20);
  EXPECT_FALSE(back.queries[1].succeeded);
  EXPECT_EQ(back.queries[1].error, run.queries[1].error);
  EXPECT_THROW(bench::benchRunFromJson("{\"no\": 1}"), std::runtime_error);
}

TEST(BenchResults, TableSaysWhichTargetsAreMet) {
  const std::string table = bench::markdownTable(sampleRun(12e6, false));
  EXPECT_NE(table.find("| q0 | 1000 |"), std::string::npos) << table;
  EXPECT_NE(table.find("12.00 M | met 10.00 M (stateless)"), std::string::npos) << table;
  // A failure shows its first line, with no '|' to break the table.
  EXPECT_NE(table.find("| q5 | failed: window / failed |"), std::string::npos) << table;
  EXPECT_EQ(bench::markdownTable(sampleRun(2e6, true)).find("met 10.00 M"), std::string::npos);
}

TEST(BenchResults, ResultsSectionIsReplacedInPlace) {
  const std::string first = bench::replaceResultsSection("# Results\n\nAnalysis.\n", "TABLE 1\n");
  EXPECT_EQ(first.rfind("# Results\n\nAnalysis.\n", 0), 0u);
  EXPECT_NE(first.find("TABLE 1"), std::string::npos);
  const std::string second = bench::replaceResultsSection(first + "\nMore analysis.\n", "TABLE 2\n");
  EXPECT_EQ(second.find("TABLE 1"), std::string::npos);
  EXPECT_NE(second.find("TABLE 2"), std::string::npos);
  EXPECT_NE(second.find("Analysis."), std::string::npos);
  EXPECT_NE(second.find("More analysis."), std::string::npos);
}

TEST(BenchResults, ComparisonGivesRatios) {
  const std::string text = bench::compareRuns(sampleRun(4e6, false), sampleRun(8e6, true));
  EXPECT_NE(text.find("q0"), std::string::npos);
  EXPECT_NE(text.find("4.00"), std::string::npos) << text;
  EXPECT_NE(text.find("8.00"), std::string::npos) << text;
  EXPECT_NE(text.find("2.00x"), std::string::npos) << text;
}

}  // namespace
}  // namespace sluice
