// table.optimizer.distinct-agg.split.enabled: a GROUP BY with DISTINCT calls is planned as a
// PARTIAL GroupAggregate keyed by the grouping columns and MOD(HASH_CODE(x), bucket-num) of the
// DISTINCT arguments, and a FINAL one keyed by the grouping columns; `sqlc explain` shows
// Flink's partialFinalType on both.
#include <gtest/gtest.h>

#include "compiler/diagnostics/diagnostics.h"
#include "compiler/driver/job_compiler.h"
#include "compiler/physical/physical_planner.h"
#include "compiler/physical/pipeline_printer.h"

namespace sluice {
namespace {

artifact::JobPlan planOf(const std::string& settings, const std::string& query,
                         const std::map<std::string, std::string>& overrides = {}) {
  SourceFile file("job.sql",
                  "CREATE TABLE a (id BIGINT, name STRING, n INT) WITH ('connector' = "
                  "'datagen');\nSET 'parallelism.default' = '2';\n" +
                      settings + query);
  DiagnosticSink diagnostics;
  CompiledJob job = compileJob(file, diagnostics);
  EXPECT_FALSE(diagnostics.hasErrors()) << diagnostics.render(file);
  const auto runnable = physical::runnableStatements(job);
  EXPECT_EQ(runnable.size(), 1u);
  physical::PlanOptions options;
  options.fileName = "job.sql";
  options.overrides = overrides;
  return physical::planStatement(job, *runnable.at(0), options);
}

const char* kSplit = "SET 'table.optimizer.distinct-agg.split.enabled' = 'true';\n";

TEST(SplitDistinctAggregate, PartialThenFinal) {
  const artifact::JobPlan plan =
      planOf(std::string(kSplit) + "SET 'table.optimizer.distinct-agg.split.bucket-num' = '16';\n",
             "SELECT name, COUNT(DISTINCT id), SUM(n), AVG(n) FROM a GROUP BY name;");
  const std::string text = physical::formatPipelines(plan);
  const size_t bucket = text.find("MOD(HASH_CODE($0), 16:INT NOT NULL)");
  const size_t partial = text.find(
      "GroupAggregate  groupBy [$0, $3]  select [COUNT(DISTINCT $1), SUM($2), SUM0($2), COUNT($2)]"
      "  partialFinalType=[PARTIAL]\n");
  const size_t exchange = text.find("Exchange hash[name] ");
  const size_t final = text.find(
      "GroupAggregate  groupBy [$0]  select [SUM0($2), SUM($3), SUM0($4), SUM0($5)]"
      "  partialFinalType=[FINAL]  (retracting input)");
  const size_t average =
      text.find("CASE(IS TRUE(=($4, 0:BIGINT NOT NULL)), null:INT, CAST(/($3, $4) AS INT))");
  ASSERT_NE(bucket, std::string::npos) << text;
  ASSERT_NE(partial, std::string::npos) << text;
  ASSERT_NE(exchange, std::string::npos) << text;
  ASSERT_NE(final, std::string::npos) << text;
  ASSERT_NE(average, std::string::npos) << text;
  EXPECT_LT(bucket, partial);
  EXPECT_LT(partial, exchange);
  EXPECT_LT(exchange, final);
  EXPECT_LT(final, average);
  std::string error;
  const auto back = artifact::fromJson(artifact::toJson(plan), error);
  ASSERT_TRUE(back) << error;
  EXPECT_EQ(physical::formatPipelines(*back), text);
}

// Calls bucketed by different arguments need a grouping each: Flink's Expand with `$e`, and a
// FILTER column per grouping.
TEST(SplitDistinctAggregate, SeveralDistinctArgumentsExpand) {
  const std::string text = physical::formatPipelines(
      planOf(kSplit,
             "SELECT name, COUNT(DISTINCT id), COUNT(DISTINCT n), COUNT(*) FROM a "
             "GROUP BY name;"));
  EXPECT_NE(text.find("Expand  projects [{$0, $1, $2, $3, null:INT, 1:BIGINT NOT NULL}, "
                      "{$0, $1, $2, null:INT, $4, 2:BIGINT NOT NULL}, "
                      "{$0, $1, $2, null:INT, null:INT, 3:BIGINT NOT NULL}]"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("select [COUNT(DISTINCT $1) FILTER $5, COUNT(DISTINCT $2) FILTER $6, "
                      "COUNT() FILTER $7]  partialFinalType=[PARTIAL]"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("select [SUM0($3), SUM0($4), SUM0($5)]  partialFinalType=[FINAL]"),
            std::string::npos)
      << text;
}

TEST(SplitDistinctAggregate, NotSplitWithoutTheOptionADistinctCallOrASplittableCall) {
  const std::string distinct = "SELECT name, COUNT(DISTINCT id) FROM a GROUP BY name;";
  for (const auto& [settings, query] :
       {std::pair<std::string, std::string>{"", distinct},
        {"SET 'table.optimizer.distinct-agg.split.enabled' = 'FALSE';\n", distinct},
        {kSplit, "SELECT name, COUNT(id), MAX(n) FROM a GROUP BY name;"},
        // The FINAL would run FIRST_VALUE over updating input, which the runtime cannot.
        {kSplit, "SELECT name, COUNT(DISTINCT id), FIRST_VALUE(n) FROM a GROUP BY name;"}}) {
    const std::string text = physical::formatPipelines(planOf(settings, query));
    EXPECT_EQ(text.find("partialFinalType"), std::string::npos) << settings << query << text;
  }
}

// A bad value that did not come through SET (`sqlc run --set`) is refused when planning.
TEST(SplitDistinctAggregate, BadOverrideRefusedAtTheStatement) {
  try {
    planOf(kSplit, "SELECT name, COUNT(DISTINCT id) FROM a GROUP BY name;",
           {{"table.optimizer.distinct-agg.split.bucket-num", "-3"}});
    FAIL() << "expected a UserError";
  } catch (const UserError& error) {
    EXPECT_NE(std::string(error.what()).find("must be a positive integer, not '-3'"),
              std::string::npos)
        << error.what();
    EXPECT_EQ(error.location().line, 4);
  }
}

}  // namespace
}  // namespace sluice
