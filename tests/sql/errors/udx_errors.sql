-- expect-error: 10:1: native library '/nonexistent/libnothing.so' not found
-- expect-error: 12:28: no native implementation of 'com.example.missing' is loaded; the loaded libraries offer 'com.example.addoffset'
-- expect-error: 16:8: matches; twice is twice(bigint) -> bigint or twice(double) -> double
-- Native library (UDX) errors at check time: a missing library, an identifier the named library
-- does not offer (the message lists those it does), and a call no overload accepts.
-- (The library is tests/udx/test_functions.c; the harness replaces @SLUICE_TEST_UDX@ by its path.)

SET 'sqlc.udx.path' = '@SLUICE_TEST_UDX@';

CREATE FUNCTION nothing AS 'com.example.Nothing' USING LIBRARY '/nonexistent/libnothing.so';

CREATE FUNCTION missing AS 'com.example.Missing' USING LIBRARY '@SLUICE_TEST_UDX@';

CREATE FUNCTION twice AS 'com.example.Twice';

SELECT twice('text');
