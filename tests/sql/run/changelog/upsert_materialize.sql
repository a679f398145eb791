-- A sink whose PRIMARY KEY is not a key of its input's changes gets Flink's SinkUpsertMaterializer
-- before it: per sink key it keeps the live rows in arrival order and the sink sees the newest.
-- A retraction of an older row changes nothing; of the newest, the row before it comes back.
CREATE TABLE orders (id INT, channel STRING, amount INT)
WITH ('connector' = 'filesystem', 'path' = 'unused', 'format' = 'debezium-json');
-- input orders:
-- {"before": null, "after": {"id": 1, "channel": "web", "amount": 10}, "op": "c"}
-- {"before": null, "after": {"id": 2, "channel": "web", "amount": 5}, "op": "c"}
-- {"before": null, "after": {"id": 3, "channel": "web", "amount": 7}, "op": "c"}
-- {"before": {"id": 1, "channel": "web", "amount": 10}, "after": {"id": 1, "channel": "app", "amount": 10}, "op": "u"}
-- {"before": {"id": 3, "channel": "web", "amount": 7}, "after": null, "op": "d"}
-- {"before": {"id": 2, "channel": "web", "amount": 5}, "after": null, "op": "d"}

CREATE TABLE latest_per_channel (channel STRING, id INT, PRIMARY KEY (channel) NOT ENFORCED)
WITH ('connector' = 'print');

INSERT INTO latest_per_channel SELECT channel, id FROM orders;
-- +I[web, 1]
-- +U[web, 2]
-- +U[web, 3]
-- +I[app, 1]
-- +U[web, 2]
-- -D[web, 2]
