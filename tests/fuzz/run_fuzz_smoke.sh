#!/usr/bin/env bash
# Runs the parser fuzz target for a short while (SLUICE_FUZZ_SECONDS, default 30), seeded with
# every SQL file of the test corpus. Any crash, hang (over 10 s per input) or leak fails the test;
# libFuzzer leaves the offending input as crash-* / timeout-* in the working directory.
set -euo pipefail
binary=$1 seeds=$2 corpus=$3
seconds=${SLUICE_FUZZ_SECONDS:-30}
mkdir -p "$corpus"
find "$seeds" -name '*.sql' -exec cp {} "$corpus/" \;
cd "$(dirname "$corpus")"
exec "$binary" "$corpus" -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=4096 \
  -print_final_stats=1
