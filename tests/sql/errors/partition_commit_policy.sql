-- expect-error: 9:41: invalid value 'metastore' for option 'sink.partition-commit.policy.kind'
-- expect-error: 17:41: invalid value 'custom' for option 'sink.partition-commit.policy.kind'
-- Flink's 'metastore' and 'custom' partition commit policies need a Hive metastore or user
-- classes: `sqlc check` refuses them, each item of the list on its own.
CREATE TABLE hive_like (id BIGINT, dt STRING) PARTITIONED BY (dt) WITH (
  'connector' = 'filesystem',
  'path' = '/tmp/hive_like',
  'format' = 'csv',
  'sink.partition-commit.policy.kind' = 'metastore,success-file'
);

CREATE TABLE custom_commit (id BIGINT, dt STRING) PARTITIONED BY (dt) WITH (
  'connector' = 'filesystem',
  'path' = '/tmp/custom_commit',
  'format' = 'csv',
  'sink.partition-commit.policy.class' = 'com.example.Commit',
  'sink.partition-commit.policy.kind' = 'success-file, custom'
);
