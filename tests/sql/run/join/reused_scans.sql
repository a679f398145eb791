-- Reuse (Flink's table.optimizer.reuse-source-enabled and reuse-sub-plan-enabled, both on by
-- default): two scans of one table are one scan, whose rows reach both readers. With random
-- values, a self-join on every column matches each row with itself only when both sides read
-- the same rows.
CREATE TABLE draws (
  id BIGINT,
  v INT
) WITH (
  'connector' = 'datagen',
  'fields.id.kind' = 'sequence',
  'fields.id.start' = '1',
  'fields.id.end' = '2000',
  'fields.v.min' = '0',
  'fields.v.max' = '1000000'
);

SELECT COUNT(*), COUNT(DISTINCT l.id)
FROM (SELECT id, v FROM draws WHERE v >= 0) l
JOIN (SELECT id, v, v + 1 AS w FROM draws) r ON l.id = r.id AND l.v = r.v;
-- final
-- +I[2000, 2000]

-- The same subquery twice (one aggregate computed once), its two readers joined again.
SELECT COUNT(*)
FROM (SELECT id / 100 AS g, MAX(v) AS top FROM draws GROUP BY id / 100) a
JOIN (SELECT id / 100 AS g, MAX(v) AS top FROM draws GROUP BY id / 100) b
  ON a.g = b.g AND a.top = b.top;
-- final
-- +I[21]

-- UNION ALL of one table twice: each row twice, the same values both times.
SELECT COUNT(*), COUNT(DISTINCT id), COUNT(DISTINCT CAST(id AS STRING) || ':' || CAST(v AS STRING))
FROM (SELECT id, v FROM draws UNION ALL SELECT id, v FROM draws);
-- final
-- +I[4000, 2000, 2000]
