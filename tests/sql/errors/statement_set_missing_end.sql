-- expect-error: 12:1: expected 'end'
-- A statement set whose END was forgotten: the next statement is not an INSERT.
CREATE TABLE src (k STRING, v INT) WITH ('connector' = 'datagen');
CREATE TABLE sink_a (k STRING, v INT) WITH ('connector' = 'blackhole');
CREATE TABLE sink_b (k STRING, v INT) WITH ('connector' = 'blackhole');

EXECUTE STATEMENT SET
BEGIN
INSERT INTO sink_a SELECT k, v FROM src WHERE v > 0;
INSERT INTO sink_b SELECT k, v FROM src WHERE v <= 0;

SELECT COUNT(*) FROM src;
