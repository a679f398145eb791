#!/usr/bin/env bash
# Installs the Debian 12 packages Sluice builds and tests with, skipping those already present,
# then the Node.js packages of the differential tests when node and npm are there.
# Called by `make build`, `make run` and `make test`; safe to run again.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

packages=(
  g++ cmake make ninja-build ccache binutils               # the compiler and build tools
  clang-14 libclang-rt-14-dev                               # libFuzzer, for the parser fuzz target
  antlr4 libantlr4-runtime-dev                         # grammar tool 4.7.2 + C++ runtime 4.9
  llvm-16-dev                                          # ORC JIT for compiled pipelines
  libfmt-dev libre2-dev librocksdb-dev                 # formatting, regular expressions, state backend
  libgtest-dev libgmock-dev libbenchmark-dev           # tests and benchmarks
  nlohmann-json3-dev                                   # plan artifacts, JSON format and functions
  libssl-dev libxxhash-dev                             # MD5/SHA functions, hashing
  libffi-dev                                           # calling UDX entries of any signature
  libmimalloc-dev                                      # the allocator sqlc is linked with
)

# Node.js runs the differential tests; a machine that has node from elsewhere keeps it.
command -v node >/dev/null || packages+=(nodejs npm)

install_debian_packages() {
  local missing=() p
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  ((${#missing[@]} == 0)) && return 0

  echo "installing: ${missing[*]}"
  local sudo_cmd=()
  [[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# tests/differential's DuckDB at the versions its package-lock.json pins, when node_modules is
# missing or older than the lock file. `npm install --no-save` rather than `npm ci`: a lock file
# written where the registry has only Linux builds lacks the other platforms' optional packages,
# which `npm ci` refuses as out of sync; --no-save leaves the lock file as committed.
install_node_packages() {
  local dir=$root/tests/differential
  command -v node >/dev/null && command -v npm >/dev/null || return 0
  [[ -d $dir/node_modules && ! $dir/package-lock.json -nt $dir/node_modules ]] && return 0

  echo "installing: node packages of tests/differential"
  npm install --prefix "$dir" --no-save --no-audit --no-fund --loglevel=error
  touch "$dir/node_modules"
}

install_debian_packages
install_node_packages
