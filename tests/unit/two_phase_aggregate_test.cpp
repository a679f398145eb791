// table.optimizer.agg-phase-strategy: with mini-batch on and calls that merge, a GROUP BY is
// planned as a LocalGroupAggregate before the hash exchange and a GlobalGroupAggregate after it.
#include <gtest/gtest.h>

#include "compiler/driver/job_compiler.h"
#include "compiler/physical/physical_planner.h"
#include "compiler/physical/pipeline_printer.h"

namespace sluice {
namespace {

artifact::JobPlan planOf(const std::string& settings, const std::string& query) {
  SourceFile file("job.sql", "CREATE TABLE a (id BIGINT, name STRING) WITH ('connector' = "
                             "'datagen');\nSET 'parallelism.default' = '2';\n" +
                                 settings + query);
  DiagnosticSink diagnostics;
  CompiledJob job = compileJob(file, diagnostics);
  EXPECT_FALSE(diagnostics.hasErrors()) << diagnostics.render(file);
  const auto runnable = physical::runnableStatements(job);
  EXPECT_EQ(runnable.size(), 1u);
  physical::PlanOptions options;
  options.fileName = "job.sql";
  return physical::planStatement(job, *runnable.at(0), options);
}

const char* kMiniBatch = "SET 'table.exec.mini-batch.enabled' = 'true';\n"
                         "SET 'table.exec.mini-batch.allow-latency' = '1 s';\n"
                         "SET 'table.exec.mini-batch.size' = '100';\n";

TEST(TwoPhaseAggregate, MiniBatchSplitsIntoLocalAndGlobal) {
  const artifact::JobPlan plan =
      planOf(kMiniBatch, "SELECT name, COUNT(*), MAX(id) FROM a GROUP BY name;");
  const std::string text = physical::formatPipelines(plan);
  const size_t local = text.find("LocalGroupAggregate  groupBy [$0]  select [COUNT(), MAX($1)]");
  const size_t exchange = text.find("Exchange hash[name]");
  const size_t global = text.find("GlobalGroupAggregate  groupBy [$0]  select [COUNT(), MAX($1)]");
  ASSERT_NE(local, std::string::npos) << text;
  ASSERT_NE(exchange, std::string::npos) << text;
  ASSERT_NE(global, std::string::npos) << text;
  EXPECT_LT(local, exchange);
  EXPECT_LT(exchange, global);
  std::string error;
  const auto back = artifact::fromJson(artifact::toJson(plan), error);
  ASSERT_TRUE(back) << error;
  EXPECT_EQ(physical::formatPipelines(*back), text);
}

TEST(TwoPhaseAggregate, OnePhaseWhenAskedWithoutMiniBatchOrWithoutMerge) {
  const std::string query = "SELECT name, COUNT(*) FROM a GROUP BY name;";
  for (const std::string& settings :
       {std::string(kMiniBatch) + "SET 'table.optimizer.agg-phase-strategy' = 'ONE_PHASE';\n",
        std::string("SET 'table.optimizer.agg-phase-strategy' = 'TWO_PHASE';\n")}) {
    const std::string text = physical::formatPipelines(planOf(settings, query));
    EXPECT_EQ(text.find("LocalGroupAggregate"), std::string::npos) << text;
    EXPECT_NE(text.find("GroupAggregate  groupBy"), std::string::npos) << text;
  }
  // FIRST_VALUE cannot merge partial accumulators (Flink's has no merge either).
  const std::string text = physical::formatPipelines(
      planOf(kMiniBatch, "SELECT name, FIRST_VALUE(id) FROM a GROUP BY name;"));
  EXPECT_EQ(text.find("LocalGroupAggregate"), std::string::npos) << text;
}

}  // namespace
}  // namespace sluice
