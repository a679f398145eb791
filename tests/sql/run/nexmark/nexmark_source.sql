-- The 'nexmark' source with the Nexmark suite's DDL (ddl_gen.sql), a small 'events.num'. Events
-- are drawn per event id, so their fields (all but the event times, which start at the wall
-- clock) are the same in every run and however many instances share the ids. The expected fields
-- were checked against the Java generator's draws from java.util.Random(eventId) (NexmarkGenerator
-- seeding each event with its id, as the original generator did).
CREATE TABLE datagen (
    event_type int,
    person ROW<
        id  BIGINT,
        name  VARCHAR,
        emailAddress  VARCHAR,
        creditCard  VARCHAR,
        city  VARCHAR,
        state  VARCHAR,
        `dateTime` TIMESTAMP(3),
        extra  VARCHAR>,
    auction ROW<
        id  BIGINT,
        itemName  VARCHAR,
        description  VARCHAR,
        initialBid  BIGINT,
        reserve  BIGINT,
        `dateTime`  TIMESTAMP(3),
        expires  TIMESTAMP(3),
        seller  BIGINT,
        category  BIGINT,
        extra  VARCHAR>,
    bid ROW<
        auction  BIGINT,
        bidder  BIGINT,
        price  BIGINT,
        channel  VARCHAR,
        url  VARCHAR,
        `dateTime`  TIMESTAMP(3),
        extra  VARCHAR>,
    `dateTime` AS
        CASE
            WHEN event_type = 0 THEN person.`dateTime`
            WHEN event_type = 1 THEN auction.`dateTime`
            ELSE bid.`dateTime`
        END,
    WATERMARK FOR `dateTime` AS `dateTime` - INTERVAL '4' SECOND
) WITH (
    'connector' = 'nexmark',
    'first-event.rate' = '10000000',
    'next-event.rate' = '10000000',
    'events.num' = '1000',
    'person.proportion' = '1',
    'auction.proportion' = '3',
    'bid.proportion' = '46'
);

-- Event ids 2 to 1001: of each 50, 1 person, 3 auctions and 46 bids. Bids' padding is 54 to 81
-- characters (100 bytes on average with the 32 bytes of their numbers and time).
SELECT event_type, COUNT(*), MIN(CHAR_LENGTH(bid.extra)), MAX(CHAR_LENGTH(bid.extra))
FROM datagen GROUP BY event_type;
-- final
-- +I[0, 20, null, null]
-- +I[1, 60, null, null]
-- +I[2, 920, 54, 81]

-- Event ids 2 to 9: two auctions (ids 1001, 1002; Java's first event id is 2), then six bids on
-- the hot auction 1000, mostly by the hot bidder (1001, plus the second FIRST_PERSON_ID Java's
-- BidGenerator adds), half of them through hot channels. At 10 M events/s the auctions' first
-- expiry is 1 ms after they start.
CREATE TABLE first_events WITH ('events.num' = '8') LIKE datagen;

SELECT auction.id, auction.itemName, auction.initialBid, auction.reserve, auction.seller,
       auction.category, CHAR_LENGTH(auction.description), CHAR_LENGTH(auction.extra),
       TIMESTAMPDIFF(SECOND, auction.`dateTime`, auction.expires)
FROM first_events WHERE event_type = 1;
-- unordered
-- +I[1001, z ck w, 25626290, 28805847, 1000, 12, 89, 319, 0]
-- +I[1002, gxycmhtobprpd, 267, 422398, 1000, 10, 54, 407, 0]

SELECT bid.auction, bid.bidder, bid.price, bid.channel, CHAR_LENGTH(bid.extra),
       bid.url LIKE 'https://www.nexmark.com/%/item.htm?query=1%'
FROM first_events WHERE event_type = 2;
-- unordered
-- +I[1000, 2001, 32530001, Google, 57, TRUE]
-- +I[1000, 2009, 468715, Facebook, 73, TRUE]
-- +I[1000, 2001, 300435, Apple, 59, TRUE]
-- +I[1000, 2001, 3126206, channel-6254, 66, TRUE]
-- +I[1000, 2001, 381373, channel-9158, 65, TRUE]
-- +I[1000, 2001, 3968405, Apple, 55, TRUE]

-- Event id 50 is the first person, 1001.
CREATE TABLE first_person WITH ('events.num' = '49') LIKE datagen;

SELECT person.id, person.name, person.emailAddress, person.creditCard, person.city, person.state,
       CHAR_LENGTH(person.extra)
FROM first_person WHERE event_type = 0;
-- +I[1001, Sarah Smith, f  y@yumv.com, 0892 2755 1923 0591, Los Angeles, ID, 153]

-- Every scan of the table in a job starts its event times at the job's start, so two scans
-- produce the same events, as the one scan Flink reuses for the suite's views does. Without that,
-- q9's join of auctions to the bids within their lifetime matched nothing when the two scans
-- started in different milliseconds.
SELECT COUNT(*), COUNT(*) FILTER (WHERE A.auction.`dateTime` = B.auction.`dateTime`)
FROM datagen A JOIN datagen B ON A.auction.id = B.auction.id
WHERE A.event_type = 1 AND B.event_type = 1;
-- final
-- +I[60, 60]

SELECT COUNT(*), COUNT(*) FILTER (WHERE A.bid.`dateTime` = B.bid.`dateTime`)
FROM datagen A JOIN datagen B ON A.bid.extra = B.bid.extra
WHERE A.event_type = 2 AND B.event_type = 2;
-- final
-- +I[920, 920]
