-- Back-quoted identifiers: reserved words as column / table names, names with spaces, dashes,
-- dots and mixed case, and back-quoted references everywhere an identifier can appear.
-- Source: Flink docs, dev/table/sql/overview ("Reserved Keywords": quote them with backticks).

CREATE TABLE `order` (
  `user`       BIGINT,
  `timestamp`  TIMESTAMP(3),
  `value`      DOUBLE,
  `date`       DATE,
  `time`       TIME(0),
  `year`       INT,
  `count`      BIGINT,
  `desc`       STRING,
  `from`       STRING,
  `select`     STRING,
  `group`      STRING,
  `table`      STRING,
  `rank`       INT,
  `result`     STRING,
  `language`   STRING,
  `position`   INT,
  `end`        TIMESTAMP(3),
  `window`     STRING,
  `My Column`  STRING,
  `dash-name`  STRING,
  `dot.name`   STRING,
  `CamelCase`  STRING,
  WATERMARK FOR `timestamp` AS `timestamp` - INTERVAL '1' SECOND
) WITH (
  'connector' = 'datagen'
);

CREATE TABLE `sink table` (
  `user`      BIGINT,
  `value`     DOUBLE,
  `count`     BIGINT,
  `My Column` STRING
) WITH (
  'connector' = 'blackhole'
);

INSERT INTO `sink table`
SELECT `o`.`user`, SUM(`o`.`value`) AS `value`, COUNT(*) AS `count`, MAX(`o`.`My Column`)
FROM `order` AS `o`
WHERE `o`.`date` >= DATE '2024-01-01' AND `o`.`dash-name` <> 'x' AND `dot.name` IS NOT NULL
GROUP BY `o`.`user`;

SELECT `select`, `from`, `group`, `table`, `rank`, `result`, `language`, `position`, `end`,
       `window`, `CamelCase`, `year`, `time`, `desc`
FROM `default_catalog`.`default_database`.`order`;
