# Sluice's two commands: `make run` and `make test`. Each installs what is missing (Debian
# packages, via scripts/install-dependencies.sh), builds with CMake + Ninja, then runs.
BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
SQLC := $(BUILD_DIR)/tools/sqlc/sqlc
CMAKE_FLAGS := -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DCMAKE_CXX_COMPILER=g++ -DSLUICE_WERROR=ON

.PHONY: all deps build run test bench bench-nexmark sanitize tidy format clean

all: build

deps:
	./scripts/install-dependencies.sh

build: deps
	cmake -S . -B $(BUILD_DIR) $(CMAKE_FLAGS)
	cmake --build $(BUILD_DIR) --parallel 2

# The quickstart job: generated bids -> filter/projection -> print, run in this process.
run: build
	$(SQLC) run examples/quickstart.sql

test: build
	ctest --test-dir $(BUILD_DIR) --output-on-failure --parallel 2

# Google Benchmark kernels and compile times (bench/README.md), five repetitions each, reported as
# mean, median and deviation. More flags: make bench BENCH_FLAGS=--benchmark_filter=Calc
BENCH_FLAGS ?=
bench: build
	cmake --build $(BUILD_DIR) --target sluice_bench --parallel 2
	$(BUILD_DIR)/bench/sluice_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true \
	  $(BENCH_FLAGS)

# The Nexmark suite on Sluice (bench/nexmark/README.md): each query after a warm-up, in a process
# of its own; the table goes to bench/nexmark/RESULTS.md, the numbers to bench/nexmark/results.json.
# More flags: make bench-nexmark NEXMARK_FLAGS="--events 1000000 --queries q0,q5"
NEXMARK_FLAGS ?=
bench-nexmark: build
	$(SQLC) bench nexmark $(NEXMARK_FLAGS)

# Address and undefined-behaviour sanitizers over the whole test suite (fuzz target excluded).
sanitize: deps
	cmake -S . -B $(BUILD_DIR)-sanitize -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=g++ \
	  -DSLUICE_SANITIZE=ON -DSLUICE_FUZZ=OFF
	cmake --build $(BUILD_DIR)-sanitize --parallel 2
	ctest --test-dir $(BUILD_DIR)-sanitize --output-on-failure --parallel 2

tidy: build
	git ls-files 'compiler/*.cpp' 'runtime/*.cpp' 'connectors/*.cpp' 'session/*.cpp' 'tools/*.cpp' | \
	  xargs clang-tidy -p $(BUILD_DIR) --quiet

format:
	git ls-files '*.cpp' '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD_DIR) $(BUILD_DIR)-sanitize
