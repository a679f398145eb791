#include "tools/sqlc/bench/bench_results.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "tools/sqlc/bench/nexmark_workload.h"

namespace sluice::bench {
namespace {

using Json = nlohmann::json;

constexpr const char* kBegin = "<!-- sqlc bench nexmark: results begin -->";
constexpr const char* kEnd = "<!-- sqlc bench nexmark: results end -->";

Json toJsonValue(const QueryMeasurement& m) {
  Json j = {{"query", m.query},
            {"succeeded", m.succeeded},
            {"events", m.events},
            {"wall_seconds", m.wallSeconds},
            {"cpu_seconds", m.cpuSeconds},
            {"events_per_core_second", m.eventsPerCoreSecond},
            {"peak_memory_bytes", m.peakMemoryBytes},
            {"state_bytes", m.stateBytes},
            {"plan_millis", m.planMillis},
            {"codegen_millis", m.codegenMillis}};
  if (!m.error.empty()) j["error"] = m.error;
  return j;
}

QueryMeasurement fromJsonValue(const Json& j) {
  QueryMeasurement m;
  m.query = j.at("query").get<std::string>();
  m.succeeded = j.at("succeeded").get<bool>();
  m.error = j.value("error", "");
  m.events = j.value("events", int64_t{0});
  m.wallSeconds = j.value("wall_seconds", 0.0);
  m.cpuSeconds = j.value("cpu_seconds", 0.0);
  m.eventsPerCoreSecond = j.value("events_per_core_second", 0.0);
  m.peakMemoryBytes = j.value("peak_memory_bytes", int64_t{0});
  m.stateBytes = j.value("state_bytes", int64_t{0});
  m.planMillis = j.value("plan_millis", 0.0);
  m.codegenMillis = j.value("codegen_millis", 0.0);
  return m;
}

std::string millions(double eventsPerSecond) { return fmt::format("{:.2f} M", eventsPerSecond / 1e6); }

std::string mebibytes(int64_t bytes) {
  return fmt::format("{:.1f} MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
}

// The first line of an error, for a table cell.
std::string firstLine(const std::string& text) {
  std::string line = text.substr(0, text.find('\n'));
  for (char& c : line) {
    if (c == '|') c = '/';
  }
  return line.size() > 120 ? line.substr(0, 117) + "..." : line;
}

}  // namespace

std::string measurementToJson(const QueryMeasurement& measurement) {
  return toJsonValue(measurement).dump();
}

QueryMeasurement measurementFromJson(const std::string& text) {
  try {
    return fromJsonValue(Json::parse(text));
  } catch (const Json::exception& error) {
    throw std::runtime_error(std::string("not a query measurement: ") + error.what());
  }
}

std::string toJson(const BenchRun& run) {
  Json queries = Json::array();
  for (const QueryMeasurement& m : run.queries) queries.push_back(toJsonValue(m));
  const Json j = {{"machine", run.machine}, {"commit", run.commit}, {"date", run.date},
                  {"options", run.options}, {"queries", queries}};
  return j.dump(2) + "\n";
}

BenchRun benchRunFromJson(const std::string& text) {
  try {
    const Json j = Json::parse(text);
    BenchRun run;
    run.machine = j.value("machine", "");
    run.commit = j.value("commit", "");
    run.date = j.value("date", "");
    run.options = j.value("options", std::map<std::string, std::string>{});
    for (const Json& q : j.at("queries")) run.queries.push_back(fromJsonValue(q));
    return run;
  } catch (const Json::exception& error) {
    throw std::runtime_error(std::string("not a sqlc bench results file: ") + error.what());
  }
}

std::string markdownTable(const BenchRun& run) {
  std::string options;
  for (const auto& [key, value] : run.options) options += (options.empty() ? "" : ", ") + key + "=" + value;
  std::string out = fmt::format(
      "Machine: {}. Commit `{}`, {}. Options: {}.\n\n"
      "Throughput per core = events / CPU seconds of the whole process (user + system, every "
      "thread, the generator included) until the job ends, as Nexmark measures Flink.\n\n"
      "| query | events | wall | CPU | events/s per core | target | peak memory | state | "
      "plan | codegen |\n"
      "|---|---|---|---|---|---|---|---|---|---|\n",
      run.machine, run.commit, run.date, options);
  for (const QueryMeasurement& m : run.queries) {
    const NexmarkTarget target = nexmarkTargetOf(m.query);
    if (!m.succeeded) {
      out += fmt::format("| {} | failed: {} | | | | | | | | |\n", m.query, firstLine(m.error));
      continue;
    }
    std::string goal = "none";
    if (target.eventsPerCoreSecond > 0) {
      goal = fmt::format("{} {} ({})", m.eventsPerCoreSecond >= target.eventsPerCoreSecond ? "met" : "missed",
                         millions(target.eventsPerCoreSecond), target.family);
    }
    out += fmt::format("| {} | {} | {:.2f} s | {:.2f} s | {} | {} | {} | {} | {:.0f} ms | {:.0f} ms |\n",
                       m.query, m.events, m.wallSeconds, m.cpuSeconds,
                       millions(m.eventsPerCoreSecond), goal, mebibytes(m.peakMemoryBytes),
                       mebibytes(m.stateBytes), m.planMillis, m.codegenMillis);
  }
  return out;
}

std::string replaceResultsSection(const std::string& document, const std::string& table) {
  const std::string section = std::string(kBegin) + "\n" + table + kEnd;
  const size_t begin = document.find(kBegin);
  const size_t end = document.find(kEnd);
  if (begin == std::string::npos || end == std::string::npos || end < begin) {
    return document + (document.empty() ? "" : "\n") + section + "\n";
  }
  return document.substr(0, begin) + section + document.substr(end + std::string(kEnd).size());
}

std::string compareRuns(const BenchRun& base, const BenchRun& next) {
  std::string out = fmt::format("base: {} ({})\nnew:  {} ({})\n\n{:<6} {:>14} {:>14} {:>8}\n",
                                base.commit, base.date, next.commit, next.date, "query",
                                "base M/s/core", "new M/s/core", "new/base");
  for (const QueryMeasurement& n : next.queries) {
    const QueryMeasurement* b = nullptr;
    for (const QueryMeasurement& candidate : base.queries) {
      if (candidate.query == n.query) b = &candidate;
    }
    auto cell = [](const QueryMeasurement* m) {
      return m == nullptr || !m->succeeded ? std::string("-")
                                           : fmt::format("{:.2f}", m->eventsPerCoreSecond / 1e6);
    };
    std::string ratio = "-";
    if (b != nullptr && b->succeeded && n.succeeded && b->eventsPerCoreSecond > 0) {
      ratio = fmt::format("{:.2f}x", n.eventsPerCoreSecond / b->eventsPerCoreSecond);
    }
    out += fmt::format("{:<6} {:>14} {:>14} {:>8}\n", n.query, cell(b), cell(&n), ratio);
  }
  return out;
}

}  // namespace sluice::bench
