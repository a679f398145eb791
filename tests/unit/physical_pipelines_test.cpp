// How the physical planner cuts a job into pipelines and exchanges, as `sqlc explain` shows it
// and `sqlc run` runs it.
#include <gtest/gtest.h>

#include <algorithm>

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

int countOf(const artifact::JobPlan& plan, artifact::NodeKind kind) {
  return static_cast<int>(std::count_if(plan.nodes.begin(), plan.nodes.end(),
                                        [&](const artifact::Node& n) { return n.kind == kind; }));
}

// Reuse (plan_reuse.h): two scans of `a` with the same projection are one scan, and its two
// readers run in the scan's pipeline, each branch ending in its own exchange to the join.
TEST(PhysicalPipelines, ScansOfOneTableAreOneScanThatFansOut) {
  const std::string join = std::string(kTables) + R"(
SELECT * FROM (SELECT id FROM a WHERE id > 5) x JOIN (SELECT id, name FROM a WHERE name <> 'q') y
ON x.id = y.id;)";
  const artifact::JobPlan plan = planOf(join);
  EXPECT_EQ(countOf(plan, artifact::NodeKind::Source), 1);
  ASSERT_EQ(plan.pipelines.size(), 2u);
  const artifact::Pipeline& scan = plan.pipelines[0];
  ASSERT_EQ(scan.nodes.size(), 5u);  // Source, Calc, Exchange, Calc, Exchange
  EXPECT_EQ(plan.node(scan.nodes[3]).inputs, std::vector<int>{scan.nodes[0]});
  const std::string text = physical::formatPipelines(plan);
  EXPECT_NE(text.find("(reads #1)"), std::string::npos) << text;
  std::string error;
  const auto back = artifact::fromJson(artifact::toJson(plan), error);
  ASSERT_TRUE(back) << error;
  EXPECT_EQ(physical::formatPipelines(*back), text);

  // Flink's options turn it off.
  const artifact::JobPlan separate =
      planOf("SET 'table.optimizer.reuse-source-enabled' = 'false';\n" + join);
  EXPECT_EQ(countOf(separate, artifact::NodeKind::Source), 2);
  EXPECT_EQ(separate.pipelines.size(), 3u);
}

// The same aggregation twice (q5's shape) is computed once; its readers share its pipeline.
TEST(PhysicalPipelines, IdenticalSubPlansAreComputedOnce) {
  const std::string twice = std::string(kTables) + R"(
SELECT x.id, x.c, y.c FROM (SELECT id, COUNT(*) AS c FROM a GROUP BY id) x
JOIN (SELECT id, COUNT(*) AS c FROM a GROUP BY id) y ON x.id = y.id AND x.c >= y.c;)";
  EXPECT_EQ(countOf(planOf(twice), artifact::NodeKind::GroupAggregate), 1);
  // Off, scans are not reused either: Flink's source reuse works only with sub-plan reuse.
  const artifact::JobPlan separate =
      planOf("SET 'table.optimizer.reuse-sub-plan-enabled' = 'false';\n" + twice);
  EXPECT_EQ(countOf(separate, artifact::NodeKind::GroupAggregate), 2);
  EXPECT_EQ(countOf(separate, artifact::NodeKind::Source), 2);
}

// RAND() twice stays two draws: with a non-deterministic call only scans are shared.
TEST(PhysicalPipelines, NonDeterministicSubPlansAreNotShared) {
  const artifact::JobPlan plan = planOf(std::string(kTables) + R"(
SELECT * FROM (SELECT id, RAND() AS r FROM a) x JOIN (SELECT id, RAND() AS r FROM a) y
ON x.id = y.id;)");
  EXPECT_EQ(countOf(plan, artifact::NodeKind::Source), 1);
  const std::string text = physical::formatPipelines(plan);
  size_t draws = 0;
  for (size_t at = text.find("RAND("); at != std::string::npos; at = text.find("RAND(", at + 1)) {
    ++draws;
  }
  EXPECT_EQ(draws, 2u) << text;
}

// UNION ALL of one table twice: one scan, and each union input its own exchange.
TEST(PhysicalPipelines, UnionOfOneTableTwiceReadsTwoExchangesOfOneScan) {
  const artifact::JobPlan plan =
      planOf(std::string(kTables) + "SELECT id FROM a UNION ALL SELECT id FROM a;");
  EXPECT_EQ(countOf(plan, artifact::NodeKind::Source), 1);
  const auto unionNode = std::find_if(plan.nodes.begin(), plan.nodes.end(), [](const auto& n) {
    return n.kind == artifact::NodeKind::Union;
  });
  ASSERT_NE(unionNode, plan.nodes.end());
  ASSERT_EQ(unionNode->inputs.size(), 2u);
  EXPECT_NE(unionNode->inputs[0], unionNode->inputs[1]);
  EXPECT_EQ(plan.node(unionNode->inputs[0]).inputs, plan.node(unionNode->inputs[1]).inputs);
}

// A statement set's INSERTs reading one table read it once: both sinks in the scan's pipeline.
TEST(PhysicalPipelines, StatementSetReadsItsTableOnce) {
  const artifact::JobPlan plan = planOf(std::string(kTables) + R"(
CREATE TABLE small (id BIGINT) WITH ('connector' = 'blackhole');
CREATE TABLE large (id BIGINT) WITH ('connector' = 'blackhole');
EXECUTE STATEMENT SET BEGIN
INSERT INTO small SELECT id FROM a WHERE id < 10;
INSERT INTO large SELECT id FROM a WHERE id >= 10;
END;)");
  EXPECT_EQ(countOf(plan, artifact::NodeKind::Source), 1);
  ASSERT_EQ(plan.pipelines.size(), 1u);
  EXPECT_EQ(plan.pipelines[0].nodes.size(), 5u);  // Source, Calc, Sink, Calc, Sink
}

// A bad value is refused where it is SET, as `sqlc check` reports it.
TEST(PhysicalPipelines, ReuseOptionsTakeTrueOrFalse) {
  SourceFile file("job.sql", std::string(kTables) +
                                 "SET 'table.optimizer.reuse-source-enabled' = 'sometimes';\n"
                                 "SELECT id FROM a;");
  DiagnosticSink diagnostics;
  compileJob(file, diagnostics);
  ASSERT_TRUE(diagnostics.hasErrors());
  const std::string rendered = diagnostics.render(file);
  EXPECT_NE(rendered.find("job.sql:4:"), std::string::npos) << rendered;
  EXPECT_NE(rendered.find("must be true or false, not 'sometimes'"), std::string::npos) << rendered;
}

}  // namespace
}  // namespace sluice
