-- A GROUP BY over a CDC source: the source's -U and -D retract what its rows added.
CREATE TABLE orders (id INT, channel STRING, amount INT)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'debezium-json');
-- input orders:
-- {"before": null, "after": {"id": 1, "channel": "web", "amount": 10}, "op": "c"}
-- {"before": null, "after": {"id": 2, "channel": "web", "amount": 5}, "op": "c"}
-- {"before": {"id": 1, "channel": "web", "amount": 10}, "after": {"id": 1, "channel": "app", "amount": 10}, "op": "u"}
-- {"before": {"id": 2, "channel": "web", "amount": 5}, "after": null, "op": "d"}

SELECT channel, COUNT(*) AS orders, SUM(amount) AS total FROM orders GROUP BY channel;
-- +I[web, 1, 10]
-- -U[web, 1, 10]
-- +U[web, 2, 15]
-- -U[web, 2, 15]
-- +U[web, 1, 5]
-- +I[app, 1, 10]
-- -D[web, 1, 5]

-- Under 'table.exec.source.cdc-events-duplicate' the scan is followed by ChangelogNormalize, the
-- last row per primary key: a repeated event changes nothing, and the GROUP BY counts each order
-- once.
CREATE TABLE keyed (id INT, channel STRING, PRIMARY KEY (id) NOT ENFORCED)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'debezium-json');
-- input keyed:
-- {"before": null, "after": {"id": 1, "channel": "web"}, "op": "c"}
-- {"before": null, "after": {"id": 1, "channel": "web"}, "op": "c"}
-- {"before": null, "after": {"id": 2, "channel": "web"}, "op": "c"}
-- {"before": {"id": 1, "channel": "web"}, "after": {"id": 1, "channel": "app"}, "op": "u"}
-- {"before": {"id": 1, "channel": "web"}, "after": {"id": 1, "channel": "app"}, "op": "u"}

SET 'table.exec.source.cdc-events-duplicate' = 'true';

SELECT channel, COUNT(*) AS orders FROM keyed GROUP BY channel;
-- +I[web, 1]
-- -U[web, 1]
-- +U[web, 2]
-- -U[web, 2]
-- +U[web, 1]
-- +I[app, 1]
