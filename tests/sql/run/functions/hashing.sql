-- Hash functions: MD5, SHA1, SHA224, SHA256, SHA384, SHA512 and SHA2(s, bits) digest the UTF-8
-- bytes of a string into lower-case hex; SHA2 takes 224, 256, 384 or 512 (other lengths fail);
-- HASH_CODE is Flink's Math.abs(String.hashCode()); MURMUR_HASH is Blink's MurmurHash3. Digests
-- are the standard test vectors.

-- ---- MD5 and SHA1 ----

SELECT MD5(''), MD5('abc'), MD5('The quick brown fox jumps over the lazy dog');
-- +I[d41d8cd98f00b204e9800998ecf8427e, 900150983cd24fb0d6963f7d28e17f72, 9e107d9d372bb6826bd81d3542a419d6]

SELECT MD5('hello'), MD5('héllo'), MD5('Flink');
-- +I[5d41402abc4b2a76b9719d911017c592, be50e8478cf24ff3595bc7307fb91b50, 4438f9fa6205bdb2a850e66c2d313d01]

SELECT SHA1(''), SHA1('abc'), SHA1('The quick brown fox jumps over the lazy dog');
-- +I[da39a3ee5e6b4b0d3255bfef95601890afd80709, a9993e364706816aba3e25717850c26c9cd0d89d, 2fd4e1c67a2d28fced849ee1bb76e7391b93eb12]

SELECT SHA1('hello'), SHA1('héllo');
-- +I[aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d, 35b5ea45c5e41f78b46a937cc74d41dfea920890]

-- ---- SHA-2 family ----

SELECT SHA224(''), SHA224('abc');
-- +I[d14a028c2a3a2bc9476102bb288234c415a2b01f828ea62ac5b3e42f, 23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7]

SELECT SHA256(''), SHA256('abc');
-- +I[e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855, ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad]

SELECT SHA256('hello'), SHA256('héllo');
-- +I[2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824, 3c48591d8d098a4538f5e013dfcf406e948eac4d3277b10bf614e295d6068179]

SELECT SHA384('abc'), SHA384('Flink');
-- +I[cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7, 4a1f3a7683064a2686e2216801f7c51e680157c66034fd534837637bf043427bb5b1c3304688b6d6c116e2eaee85246a]

SELECT SHA512('abc');
-- +I[ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f]

SELECT SHA512(''), SHA512('hello');
-- +I[cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e, 9b71d224bd62f3785d96d46ad3ea3d73319bfbc2890caadae2dff72519673ca72323c3d99ba5c11d7c7acc6e14b8c5da0c4663475c2e5c3adef46f73bcdec043]

SELECT SHA2('abc', 224), SHA2('abc', 256);
-- +I[23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7, ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad]

SELECT SHA2('abc', 384), SHA2('hello', CAST(256 AS BIGINT));
-- +I[cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7, 2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824]

SELECT SHA2('abc', 512);
-- +I[ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f]

SELECT CHAR_LENGTH(MD5('x')), CHAR_LENGTH(SHA1('x')), CHAR_LENGTH(SHA224('x')), CHAR_LENGTH(SHA256('x')), CHAR_LENGTH(SHA384('x')), CHAR_LENGTH(SHA512('x')), CHAR_LENGTH(SHA2('x', 384));
-- +I[32, 40, 56, 64, 96, 128, 96]

SELECT UPPER(MD5('abc')), MD5(CONCAT('a', 'bc')) = MD5('abc');
-- +I[900150983CD24FB0D6963F7D28E17F72, TRUE]

-- ---- NULLs ----

SELECT MD5(NULL), SHA1(NULL), SHA224(NULL), SHA256(NULL), SHA384(NULL), SHA512(NULL);
-- +I[null, null, null, null, null, null]

SELECT SHA2(NULL, 256), SHA2('abc', NULL), HASH_CODE(CAST(NULL AS STRING));
-- +I[null, null, null]

-- ---- HASH_CODE ----

SELECT HASH_CODE('hello'), HASH_CODE(''), HASH_CODE('Hello World'), HASH_CODE('Flink');
-- +I[99162322, 0, 862545276, 67968320]

-- Math.abs keeps Integer.MIN_VALUE negative; non-ASCII hashes its UTF-16 code units.
SELECT HASH_CODE('polygenelubricants'), HASH_CODE('héllo');
-- +I[-2147483648, 103094734]

-- ---- digest lengths computed per row ----

CREATE TABLE inputs (s STRING, bits INT) WITH ('connector' = 'filesystem', 'path' = 'x', 'format' = 'csv');
-- input inputs:
-- abc,224
-- hello,512

SELECT s, SHA2(s, bits) FROM inputs;
-- unordered
-- +I[abc, 23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7]
-- +I[hello, 9b71d224bd62f3785d96d46ad3ea3d73319bfbc2890caadae2dff72519673ca72323c3d99ba5c11d7c7acc6e14b8c5da0c4663475c2e5c3adef46f73bcdec043]

-- ---- unsupported lengths ----

SELECT SHA2('abc', 100);
-- error: unsupported hash length 100

SELECT SHA2('abc', 0);
-- error: unsupported hash length 0

-- ---- MURMUR_HASH ----

-- Blink's MURMUR_HASH: MurmurHash3 x86 32-bit with seed 104729 over a string's UTF-8 bytes, or
-- over a FLOAT's Float.floatToIntBits widened to BIGINT. Values are Blink's documented examples.
SELECT MURMUR_HASH('This is a test String.'), MURMUR_HASH('test'), MURMUR_HASH(CAST(4.5 AS FLOAT)), MURMUR_HASH(CAST(4 AS FLOAT)), MURMUR_HASH(CAST(NULL AS STRING));
-- +I[740959099, 271330425, -2130121231, 1863595885, null]

CREATE TABLE murmur_inputs (s STRING, f FLOAT) WITH ('connector' = 'filesystem', 'path' = 'x', 'format' = 'json');
-- input murmur_inputs:
-- {"s": "This is a test String.", "f": 4.5}
-- {"s": null, "f": null}
-- {"s": "test", "f": 4}

SELECT MURMUR_HASH(s), MURMUR_HASH(f) FROM murmur_inputs;
-- unordered
-- +I[740959099, -2130121231]
-- +I[null, null]
-- +I[271330425, 1863595885]
