// How the physical planner cuts a job into pipelines and exchanges, as `sqlc explain` shows it
// and `sqlc run` runs it.
#include <gtest/gtest.h>

#include "compiler/driver/job_compiler.h"
#include "compiler/physical/physical_planner.h"
#include "compiler/physical/pipeline_printer.h"

namespace sluice {
namespace {

artifact::JobPlan planOf(const std::string& sql) {
  SourceFile file("job.sql", sql);
  DiagnosticSink diagnostics;
  CompiledJob job = compileJob(file, diagnostics);
  EXPECT_FALSE(diagnostics.hasErrors()) << diagnostics.render(file);
  const auto runnable = physical::runnableStatements(job);
  EXPECT_EQ(runnable.size(), 1u);
  physical::PlanOptions options;
  options.fileName = "job.sql";
  return physical::planStatement(job, *runnable.at(0), options);
}

const char* kTables = R"(
CREATE TABLE a (id BIGINT, name STRING) WITH ('connector' = 'datagen');
CREATE TABLE b (id BIGINT, name STRING) WITH ('connector' = 'datagen');
)";

TEST(PhysicalPipelines, StatelessChainIsOnePipeline) {
  const artifact::JobPlan plan = planOf(std::string(kTables) + R"(
SET 'parallelism.default' = '4';
CREATE TABLE out_t (id BIGINT) WITH ('connector' = 'blackhole');
INSERT INTO out_t SELECT id + 1 FROM a WHERE id > 10;)");
  ASSERT_EQ(plan.pipelines.size(), 1u);
  EXPECT_EQ(plan.pipelines[0].parallelism, 4);
  EXPECT_TRUE(plan.pipelines[0].inputs.empty());
  EXPECT_EQ(plan.pipelines[0].nodes.size(), 3u);  // Source, one fused Calc, Sink
}

TEST(PhysicalPipelines, UnionReadsEachInputThroughAnExchange) {
  const artifact::JobPlan plan = planOf(std::string(kTables) + R"(
SET 'parallelism.default' = '2';
CREATE TABLE out_t (id BIGINT) WITH ('connector' = 'print', 'sink.parallelism' = '1');
INSERT INTO out_t SELECT id FROM a UNION ALL SELECT id FROM b;)");
  ASSERT_EQ(plan.pipelines.size(), 4u);
  const artifact::Pipeline& unionPipeline = plan.pipelines[2];
  EXPECT_EQ(plan.node(unionPipeline.nodes.front()).kind, artifact::NodeKind::Union);
  ASSERT_EQ(unionPipeline.inputs.size(), 2u);
  for (int exchange : unionPipeline.inputs) {
    EXPECT_EQ(plan.node(exchange).distribution, artifact::Distribution::Forward);
  }
  // sink.parallelism = 1 below a union of parallelism 2: a rebalancing exchange.
  const artifact::Pipeline& sinkPipeline = plan.pipelines[3];
  EXPECT_EQ(sinkPipeline.parallelism, 1);
  ASSERT_EQ(sinkPipeline.inputs.size(), 1u);
  EXPECT_EQ(plan.node(sinkPipeline.inputs[0]).distribution, artifact::Distribution::Rebalance);

  const std::string text = physical::formatPipelines(plan);
  EXPECT_NE(text.find("Pipeline 3 (parallelism 2, reads #"), std::string::npos) << text;
  EXPECT_NE(text.find("Exchange rebalance -> pipeline 4 (parallelism 1)"), std::string::npos)
      << text;
}

TEST(PhysicalPipelines, PlanWithExchangesSurvivesTheArtifactRoundTrip) {
  const artifact::JobPlan plan = planOf(std::string(kTables) + R"(
CREATE TABLE out_t (id BIGINT) WITH ('connector' = 'blackhole');
INSERT INTO out_t SELECT id FROM a UNION ALL SELECT id FROM b;)");
  std::string error;
  const auto back = artifact::fromJson(artifact::toJson(plan), error);
  ASSERT_TRUE(back) << error;
  EXPECT_EQ(physical::formatPipelines(*back), physical::formatPipelines(plan));
}

// GROUPING SETS: Expand (a copy per set, `$e` appended) before the aggregate, keyed by the
// grouping columns and `$e`; a Calc after it drops `$e` and computes GROUPING().
TEST(PhysicalPipelines, GroupingSetsExpandBeforeTheAggregateAndSurviveTheRoundTrip) {
  const artifact::JobPlan plan = planOf(std::string(kTables) + R"(
SELECT id, name, LISTAGG(name, '; '), GROUPING(name) FROM a GROUP BY ROLLUP (id, name);)");
  const std::string text = physical::formatPipelines(plan);
  // LISTAGG reads name, so a copy of name ($4) that no set nulls is appended.
  EXPECT_NE(text.find("Expand  projects [{$0, $1, $2, 0:BIGINT NOT NULL, $1}, "
                      "{$0, null:STRING, $2, 1:BIGINT NOT NULL, $1}, "
                      "{null:BIGINT, null:STRING, $2, 3:BIGINT NOT NULL, $1}]"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("Exchange hash[id, name, $e]"), std::string::npos) << text;
  EXPECT_NE(text.find("GroupAggregate  groupBy [$0, $1, $3]  select [LISTAGG($4, '; ')]"),
            std::string::npos)
      << text;
  std::string error;
  const auto back = artifact::fromJson(artifact::toJson(plan), error);
  ASSERT_TRUE(back) << error;
  EXPECT_EQ(physical::formatPipelines(*back), text);
}

}  // namespace
}  // namespace sluice
