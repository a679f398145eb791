// The results of `sqlc bench nexmark`: a JSON file per run (the machine, the commit, the options
// and one entry per query), a Markdown table of it for bench/nexmark/RESULTS.md, and the
// comparison of two runs that `sqlc bench compare` prints.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "tools/sqlc/bench/bench_measurement.h"

namespace sluice::bench {

struct BenchRun {
  std::string machine;  // CPU model, cores, memory
  std::string commit;
  std::string date;     // UTC, ISO 8601
  std::map<std::string, std::string> options;  // events, parallelism, jit, ...
  std::vector<QueryMeasurement> queries;
};

std::string toJson(const BenchRun& run);
// Throws std::runtime_error for text that is not a results file.
BenchRun benchRunFromJson(const std::string& text);
std::string measurementToJson(const QueryMeasurement& measurement);
QueryMeasurement measurementFromJson(const std::string& text);

// The table of a run, with each query's target and whether it meets it.
std::string markdownTable(const BenchRun& run);
// Puts `table` between the results markers of a RESULTS.md text (appending them when missing), so
// the hand-written analysis around them stays.
std::string replaceResultsSection(const std::string& document, const std::string& table);

// Throughput per core of each query in both runs and the ratio new / base.
std::string compareRuns(const BenchRun& base, const BenchRun& next);

}  // namespace sluice::bench
