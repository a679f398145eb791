// One Nexmark query measured the way the Nexmark suite measures Flink, in this process: compile
// and run it once on a warm-up number of events (which also compiles its native code), then run
// it again on the measured number and take the process's CPU time (user + system, every thread,
// the generator included), wall time, peak memory and the largest keyed state seen.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace sluice::bench {

struct QueryMeasurement {
  std::string query;
  bool succeeded = false;
  std::string error;
  int64_t events = 0;
  double wallSeconds = 0;
  double cpuSeconds = 0;
  double eventsPerCoreSecond = 0;  // events / cpuSeconds
  int64_t peakMemoryBytes = 0;     // resident set high-water mark of the measured run
  int64_t stateBytes = 0;          // the largest keyed state seen, summed over operators
  double planMillis = 0;           // parse, bind, optimize and plan (the measured run's job)
  double codegenMillis = 0;        // native code generation (during the warm-up)
};

struct MeasureOptions {
  std::string warmupText;    // the job on the warm-up number of events
  std::string measuredText;  // the same job on the measured number
  int64_t events = 0;
  std::map<std::string, std::string> settings;  // --set, over the job's SET statements
  std::vector<std::string> udxLibraries;        // --udx
};

QueryMeasurement measureQuery(const std::string& query, const MeasureOptions& options);

}  // namespace sluice::bench
