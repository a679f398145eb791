-- SET 'key' = 'value', SET (list all), RESET 'key', RESET (all), and configuration that
-- changes how later statements are checked (runtime mode, pipeline name, state TTL, ...).
-- Source: Flink docs, dev/table/sql/set, dev/table/sql/reset, dev/table/config.

SET;
SET 'execution.runtime-mode' = 'streaming';
SET 'pipeline.name' = 'set-reset-test';
SET 'parallelism.default' = '4';
SET 'table.exec.state.ttl' = '1 h';
SET 'table.exec.mini-batch.enabled' = 'true';
SET 'table.exec.mini-batch.allow-latency' = '5 s';
SET 'table.exec.mini-batch.size' = '5000';
SET 'table.optimizer.agg-phase-strategy' = 'TWO_PHASE';
SET 'table.optimizer.distinct-agg.split.enabled' = 'true';
SET 'table.local-time-zone' = 'Asia/Shanghai';
SET 'table.exec.sink.not-null-enforcer' = 'DROP';
SET 'execution.checkpointing.interval' = '30s';
SET 'sql-client.execution.result-mode' = 'tableau';
SET 'table.dml-sync' = 'false';

RESET 'table.exec.mini-batch.size';
RESET 'sql-client.execution.result-mode';

CREATE TABLE src (k STRING, v BIGINT) WITH ('connector' = 'datagen');
CREATE TABLE dst (k STRING, total BIGINT) WITH ('connector' = 'print');

INSERT INTO dst SELECT k, SUM(v) FROM src GROUP BY k;

RESET;
