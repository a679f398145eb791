-- Every primitive Flink SQL data type in a CREATE TABLE, with NOT NULL and column COMMENTs.
-- Source: Flink docs, dev/table/types (Data Types) and dev/table/sql/create (CREATE TABLE).

CREATE TABLE all_types_source (
  c_boolean     BOOLEAN,
  c_tinyint     TINYINT,
  c_smallint    SMALLINT,
  c_int         INT NOT NULL COMMENT 'an INT that must not be null',
  c_integer     INTEGER,
  c_bigint      BIGINT NOT NULL,
  c_float       FLOAT,
  c_double      DOUBLE,
  c_double_prec DOUBLE PRECISION,
  c_decimal     DECIMAL,
  c_decimal_p   DECIMAL(10),
  c_decimal_ps  DECIMAL(38, 10) COMMENT 'max precision',
  c_dec         DEC(12, 2),
  c_numeric     NUMERIC(20, 4),
  c_char        CHAR,
  c_char_n      CHAR(10),
  c_varchar     VARCHAR,
  c_varchar_n   VARCHAR(255) NOT NULL COMMENT 'bounded string',
  c_string      STRING,
  c_binary      BINARY,
  c_binary_n    BINARY(16),
  c_varbinary_n VARBINARY(64),
  c_bytes       BYTES,
  c_date        DATE,
  c_time        TIME,
  c_time_3      TIME(3),
  c_ts          TIMESTAMP,
  c_ts_3        TIMESTAMP(3),
  c_ts_9        TIMESTAMP(9),
  c_ts_wo_tz    TIMESTAMP WITHOUT TIME ZONE,
  c_ts_3_wo_tz  TIMESTAMP(3) WITHOUT TIME ZONE,
  c_ltz         TIMESTAMP_LTZ,
  c_ltz_3       TIMESTAMP_LTZ(3),
  c_ts_wltz     TIMESTAMP WITH LOCAL TIME ZONE,
  c_ts_3_wltz   TIMESTAMP(3) WITH LOCAL TIME ZONE COMMENT 'same as TIMESTAMP_LTZ(3)'
) COMMENT 'one column per primitive type'
WITH (
  'connector' = 'datagen',
  'number-of-rows' = '100'
);

CREATE TABLE all_types_sink (
  c_boolean     BOOLEAN,
  c_tinyint     TINYINT,
  c_smallint    SMALLINT,
  c_int         INT NOT NULL,
  c_integer     INTEGER,
  c_bigint      BIGINT NOT NULL,
  c_float       FLOAT,
  c_double      DOUBLE,
  c_double_prec DOUBLE PRECISION,
  c_decimal     DECIMAL,
  c_decimal_p   DECIMAL(10),
  c_decimal_ps  DECIMAL(38, 10),
  c_dec         DEC(12, 2),
  c_numeric     NUMERIC(20, 4),
  c_char        CHAR,
  c_char_n      CHAR(10),
  c_varchar     VARCHAR,
  c_varchar_n   VARCHAR(255) NOT NULL,
  c_string      STRING,
  c_binary      BINARY,
  c_binary_n    BINARY(16),
  c_varbinary_n VARBINARY(64),
  c_bytes       BYTES,
  c_date        DATE,
  c_time        TIME,
  c_time_3      TIME(3),
  c_ts          TIMESTAMP,
  c_ts_3        TIMESTAMP(3),
  c_ts_9        TIMESTAMP(9),
  c_ts_wo_tz    TIMESTAMP WITHOUT TIME ZONE,
  c_ts_3_wo_tz  TIMESTAMP(3) WITHOUT TIME ZONE,
  c_ltz         TIMESTAMP_LTZ,
  c_ltz_3       TIMESTAMP_LTZ(3),
  c_ts_wltz     TIMESTAMP WITH LOCAL TIME ZONE,
  c_ts_3_wltz   TIMESTAMP(3) WITH LOCAL TIME ZONE
) WITH (
  'connector' = 'blackhole'
);

INSERT INTO all_types_sink SELECT * FROM all_types_source;
