-- expect-error: 4:33: reserved
-- Flink docs (dev/table/sql/insert) name columns `user` and `date` without back-quotes; USER is a
-- reserved word, so the first one already fails (the message should say to back-quote it).
CREATE TABLE country_page_view (user STRING, cnt INT, date STRING, country STRING)
PARTITIONED BY (date, country)
WITH ('connector' = 'filesystem', 'path' = 'file:///tmp/cpv', 'format' = 'csv');
