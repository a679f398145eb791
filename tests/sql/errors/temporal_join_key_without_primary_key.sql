-- expect-error: 22:4: event-time temporal join needs the primary key of the versioned table 'rates' (currency) among its join keys
-- An event-time temporal join looks up the version of the versioned table's primary key at the
-- left row's time: the ON clause must equate that key with the left table (Flink refuses this
-- join too). Here it joins on the rate, not the currency.
CREATE TABLE orders (
  order_id INT,
  currency STRING,
  amount INT,
  order_time TIMESTAMP(3),
  WATERMARK FOR order_time AS order_time
) WITH ('connector' = 'datagen');

CREATE TABLE rates (
  currency STRING,
  rate INT,
  update_time TIMESTAMP(3),
  WATERMARK FOR update_time AS update_time,
  PRIMARY KEY (currency) NOT ENFORCED
) WITH ('connector' = 'datagen');

SELECT o.order_id, r.currency FROM orders AS o JOIN rates FOR SYSTEM_TIME AS OF o.order_time AS r
ON o.amount = r.rate;
