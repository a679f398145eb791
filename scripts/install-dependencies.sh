#!/usr/bin/env bash
# Installs the Debian 12 packages Sluice builds and tests with, skipping those already present.
# Called by `make build`, `make run` and `make test`; safe to run again.
set -euo pipefail

packages=(
  g++ cmake make ninja-build ccache binutils               # the compiler and build tools
  clang-14 libclang-rt-14-dev                               # libFuzzer, for the parser fuzz target
  antlr4 libantlr4-runtime-dev                         # grammar tool 4.7.2 + C++ runtime 4.9
  llvm-16-dev                                          # ORC JIT for compiled pipelines
  libfmt-dev libre2-dev librocksdb-dev                 # formatting, regular expressions, state backend
  libgtest-dev libgmock-dev libbenchmark-dev           # tests and benchmarks
  nlohmann-json3-dev                                   # plan artifacts, JSON format and functions
  libssl-dev libxxhash-dev                             # MD5/SHA functions, hashing
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
((${#missing[@]} == 0)) && exit 0

echo "installing: ${missing[*]}"
sudo_cmd=()
[[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
