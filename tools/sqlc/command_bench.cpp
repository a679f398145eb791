// `sqlc bench nexmark`: the Nexmark throughput harness, and `sqlc bench compare`. Each query runs
// in a child process of its own (this program again, with --child), so its CPU time and peak
// memory are its alone; the parent collects the children's measurements, prints them, and writes
// the JSON results and the table of bench/nexmark/RESULTS.md.
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "tools/sqlc/bench/bench_results.h"
#include "tools/sqlc/commands.h"
#include "tools/sqlc/bench/nexmark_workload.h"

namespace sluice {
namespace {

namespace fs = std::filesystem;

const char* kBenchHelp =
    "usage: sqlc bench nexmark [options]\n"
    "       sqlc bench compare BASE.json NEW.json\n\n"
    "Runs each Nexmark query (the suite's layout: ddl_gen.sql, ddl_views.sql, q<N>.sql) on\n"
    "generated events, after a warm-up run, each in a process of its own, and reports events,\n"
    "wall and CPU time (user + system of the whole process, generator included), throughput per\n"
    "core = events / CPU seconds, peak memory, state size and compile times.\n\n"
    "options:\n"
    "  --events N            events per measured run (default 10000000)\n"
    "  --warmup N            events of the warm-up run (default events / 10, at most 2000000)\n"
    "  --queries q0,q5,...   the queries to run (default: every q<N>.sql of the directory)\n"
    "  --queries-dir DIR     the query files (default: bench/nexmark/queries of the source tree;\n"
    "                        the suite's own resources/queries works too)\n"
    "  --parallelism P       parallelism.default (default 1)\n"
    "  --jit MODE            sqlc.jit.mode: compiled (default), interpreted or adaptive\n"
    "  --state-backend NAME  state.backend.type\n"
    "  --mini-batch          table.exec.mini-batch.* on (2 s latency, 50000 rows, as the suite)\n"
    "  --batch-size N        sqlc.batch.size, the rows per batch\n"
    "  --set KEY=VALUE       any other option (repeatable)\n"
    "  --timeout SECONDS     per query (default 900); a query over it is reported failed\n"
    "  --json FILE           results file (default bench/nexmark/results.json of the source tree)\n"
    "  --markdown FILE       the Markdown file whose results section is rewritten\n"
    "                        (default bench/nexmark/RESULTS.md of the source tree; '-' for none)\n";

#ifndef SLUICE_SOURCE_DIR
#define SLUICE_SOURCE_DIR "."
#endif
#ifndef SLUICE_UDX_EXAMPLES_DIR
#define SLUICE_UDX_EXAMPLES_DIR ""
#endif

struct BenchLine {
  bench::NexmarkParameters parameters;
  int64_t warmup = -1;
  std::vector<std::string> queries;
  std::string directory = std::string(SLUICE_SOURCE_DIR) + "/bench/nexmark/queries";
  std::map<std::string, std::string> settings = {{"sqlc.jit.mode", "compiled"}};
  std::map<std::string, std::string> shown;  // the options as the results file records them
  int timeoutSeconds = 900;
  std::string json = std::string(SLUICE_SOURCE_DIR) + "/bench/nexmark/results.json";
  std::string markdown = std::string(SLUICE_SOURCE_DIR) + "/bench/nexmark/RESULTS.md";
  std::string child;  // --child QUERY: measure this one query and print its JSON
  std::string error;
};

std::vector<std::string> splitList(const std::string& text) {
  std::vector<std::string> items;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) {
    if (!item.empty()) items.push_back(item);
  }
  return items;
}

BenchLine parseBenchArguments(const std::vector<std::string>& args) {
  BenchLine line;
  for (size_t i = 0; i < args.size() && line.error.empty(); ++i) {
    const std::string& arg = args[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= args.size()) {
        line.error = arg + " needs a value";
        return "";
      }
      return args[++i];
    };
    auto number = [&](const std::string& text) -> int64_t {
      try {
        size_t used = 0;
        const long long n = std::stoll(text, &used);
        if (used == text.size() && n > 0) return n;
      } catch (const std::exception&) {
      }
      line.error = arg + " needs a positive number, not '" + text + "'";
      return 0;
    };
    if (arg == "--events") {
      line.parameters.events = number(value());
    } else if (arg == "--warmup") {
      line.warmup = number(value());
    } else if (arg == "--queries") {
      line.queries = splitList(value());
    } else if (arg == "--queries-dir") {
      line.directory = value();
    } else if (arg == "--parallelism") {
      line.settings["parallelism.default"] = std::to_string(number(value()));
    } else if (arg == "--jit") {
      line.settings["sqlc.jit.mode"] = value();
    } else if (arg == "--state-backend") {
      line.settings["state.backend.type"] = value();
    } else if (arg == "--mini-batch") {
      line.settings["table.exec.mini-batch.enabled"] = "true";
      line.settings["table.exec.mini-batch.allow-latency"] = "2 s";
      line.settings["table.exec.mini-batch.size"] = "50000";
    } else if (arg == "--batch-size") {
      line.settings["sqlc.batch.size"] = std::to_string(number(value()));
    } else if (arg == "--set") {
      const std::string assignment = value();
      const size_t equals = assignment.find('=');
      if (equals == std::string::npos || equals == 0) {
        line.error = "--set needs KEY=VALUE";
      } else {
        line.settings[assignment.substr(0, equals)] = assignment.substr(equals + 1);
      }
    } else if (arg == "--timeout") {
      line.timeoutSeconds = static_cast<int>(number(value()));
    } else if (arg == "--json") {
      line.json = value();
    } else if (arg == "--markdown") {
      line.markdown = value();
    } else if (arg == "--child") {
      line.child = value();
    } else {
      line.error = "unknown option '" + arg + "'";
    }
  }
  if (line.warmup < 0) line.warmup = std::min<int64_t>(2'000'000, line.parameters.events / 10 + 1);
  line.shown = line.settings;
  line.shown["events"] = std::to_string(line.parameters.events);
  line.shown["warmup"] = std::to_string(line.warmup);
  return line;
}

std::string readText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string commandOutput(const std::string& command) {
  std::string out;
  if (FILE* pipe = popen(command.c_str(), "r")) {
    char buffer[256];
    while (fgets(buffer, sizeof buffer, pipe) != nullptr) out += buffer;
    pclose(pipe);
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

std::string describeMachine() {
  std::string model = "unknown CPU";
  std::ifstream cpuinfo("/proc/cpuinfo");
  for (std::string l; std::getline(cpuinfo, l);) {
    if (l.rfind("model name", 0) == 0) {
      model = l.substr(l.find(':') + 2);
      break;
    }
  }
  int64_t memoryKb = 0;
  std::ifstream meminfo("/proc/meminfo");
  for (std::string l; std::getline(meminfo, l);) {
    if (l.rfind("MemTotal:", 0) == 0) memoryKb = std::stoll(l.substr(9));
  }
  return model + ", " + std::to_string(std::thread::hardware_concurrency()) + " cores, " +
         std::to_string(memoryKb / (1024 * 1024)) + " GiB";
}

std::string utcNow() {
  const std::time_t now = std::time(nullptr);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  return text;
}

// q14 calls count_char: the example library provides it, as the Flink suite's jar does.
std::vector<std::string> udxLibrariesFor(const std::vector<std::string>& given) {
  std::vector<std::string> libraries = given;
  const std::string example = std::string(SLUICE_UDX_EXAMPLES_DIR) + "/libcount_char.so";
  if (given.empty() && !std::string(SLUICE_UDX_EXAMPLES_DIR).empty() && fs::exists(example)) {
    libraries.push_back(example);
  }
  return libraries;
}

int runChild(const BenchLine& line, const CompileOptions& compile) {
  bench::NexmarkParameters parameters = line.parameters;
  parameters.flinkHome = (fs::temp_directory_path() / "sluice-nexmark-home").string();
  parameters.submitTime = std::to_string(std::time(nullptr));
  bench::QueryMeasurement failed;
  failed.query = line.child;
  try {
    bench::prepareFlinkHome(parameters.flinkHome);
    bench::MeasureOptions options;
    options.events = parameters.events;
    options.measuredText = bench::nexmarkJobText(line.directory, line.child, parameters);
    // The warm-up writes (q10's files) beside the measured run's, not into them.
    const std::string measuredSubmitTime = parameters.submitTime;
    parameters.events = line.warmup;
    parameters.submitTime += "-warmup";
    options.warmupText = bench::nexmarkJobText(line.directory, line.child, parameters);
    options.settings = line.settings;
    options.udxLibraries = udxLibrariesFor(compile.libraries);
    const bench::QueryMeasurement result = bench::measureQuery(line.child, options);
    // What the runs wrote is a by-product of measuring: it is not kept from run to run.
    std::error_code ignored;
    for (const std::string& time : {measuredSubmitTime, parameters.submitTime}) {
      fs::remove_all(fs::path(parameters.flinkHome) / "data" / "output" / time, ignored);
    }
    std::printf("%s\n", bench::measurementToJson(result).c_str());
    return 0;
  } catch (const std::exception& error) {
    failed.error = error.what();
    std::printf("%s\n", bench::measurementToJson(failed).c_str());
    return 0;
  }
}

// Runs `arguments` (this program) with its stdout captured; kills it after `timeoutSeconds`.
bench::QueryMeasurement runInChild(const std::vector<std::string>& arguments,
                                   const std::string& query, int timeoutSeconds) {
  bench::QueryMeasurement result;
  result.query = query;
  int pipeEnds[2];
  if (pipe(pipeEnds) != 0) {
    result.error = "cannot create a pipe";
    return result;
  }
  const pid_t child = fork();
  if (child == 0) {
    dup2(pipeEnds[1], STDOUT_FILENO);
    close(pipeEnds[0]);
    close(pipeEnds[1]);
    std::vector<char*> argv;
    for (const std::string& a : arguments) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv("/proc/self/exe", argv.data());
    _exit(127);
  }
  close(pipeEnds[1]);
  std::string output;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeoutSeconds);
  bool timedOut = false;
  while (true) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timedOut = true;
      kill(child, SIGKILL);
      break;
    }
    pollfd readable{pipeEnds[0], POLLIN, 0};
    if (poll(&readable, 1, static_cast<int>(std::min<int64_t>(left.count(), 1000))) <= 0) continue;
    char buffer[4096];
    const ssize_t got = read(pipeEnds[0], buffer, sizeof buffer);
    if (got <= 0) break;
    output.append(buffer, static_cast<size_t>(got));
  }
  close(pipeEnds[0]);
  int status = 0;
  waitpid(child, &status, 0);
  if (timedOut) {
    result.error = "over the timeout of " + std::to_string(timeoutSeconds) + " s";
    return result;
  }
  const size_t start = output.rfind("{\"");
  if (start == std::string::npos) {
    result.error = "the query's process ended without a result (exit status " +
                   std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status)) + ")";
    return result;
  }
  try {
    return bench::measurementFromJson(output.substr(start));
  } catch (const std::exception& error) {
    result.error = error.what();
    return result;
  }
}

int runNexmark(const std::vector<std::string>& args, const CompileOptions& compile) {
  const BenchLine line = parseBenchArguments(args);
  if (!line.error.empty()) {
    std::fprintf(stderr, "sqlc bench nexmark: %s\n", line.error.c_str());
    return 2;
  }
  if (!line.child.empty()) return runChild(line, compile);
  std::vector<std::string> queries = line.queries;
  try {
    if (queries.empty()) queries = bench::nexmarkQueries(line.directory);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "sqlc bench nexmark: %s\n", error.what());
    return 2;
  }
  bench::BenchRun run;
  run.machine = describeMachine();
  run.commit = commandOutput("git -C '" + std::string(SLUICE_SOURCE_DIR) +
                             "' rev-parse --short HEAD 2>/dev/null");
  if (run.commit.empty()) run.commit = "unknown";
  run.date = utcNow();
  run.options = line.shown;
  std::fprintf(stderr, "%-5s %12s %9s %9s %14s %11s\n", "query", "events", "wall s", "CPU s",
               "M events/s/core", "peak MiB");
  bool allSucceeded = true;
  for (const std::string& query : queries) {
    std::vector<std::string> arguments = {"sqlc", "bench", "nexmark"};
    for (const std::string& library : compile.libraries) {
      arguments.insert(arguments.end(), {"--udx", library});
    }
    arguments.insert(arguments.end(), args.begin(), args.end());
    arguments.insert(arguments.end(), {"--child", query});
    const bench::QueryMeasurement m = runInChild(arguments, query, line.timeoutSeconds);
    if (m.succeeded) {
      std::fprintf(stderr, "%-5s %12lld %9.2f %9.2f %14.2f %11.1f\n", m.query.c_str(),
                   static_cast<long long>(m.events), m.wallSeconds, m.cpuSeconds,
                   m.eventsPerCoreSecond / 1e6, static_cast<double>(m.peakMemoryBytes) / (1 << 20));
    } else {
      allSucceeded = false;
      std::fprintf(stderr, "%-5s failed: %s\n", query.c_str(), m.error.c_str());
    }
    run.queries.push_back(m);
  }
  try {
    if (!line.json.empty() && line.json != "-") {
      std::ofstream(line.json) << bench::toJson(run);
      std::fprintf(stderr, "results: %s\n", line.json.c_str());
    }
    if (!line.markdown.empty() && line.markdown != "-") {
      const std::string document = fs::exists(line.markdown) ? readText(line.markdown) : "";
      std::ofstream(line.markdown) << bench::replaceResultsSection(document, bench::markdownTable(run));
      std::fprintf(stderr, "table:   %s\n", line.markdown.c_str());
    }
  } catch (const std::exception& error) {
    std::fprintf(stderr, "sqlc bench nexmark: %s\n", error.what());
    return 1;
  }
  return allSucceeded ? 0 : 1;
}

int runCompare(const std::vector<std::string>& args) {
  if (args.size() != 2) {
    std::fprintf(stderr, "usage: sqlc bench compare BASE.json NEW.json\n");
    return 2;
  }
  try {
    const bench::BenchRun base = bench::benchRunFromJson(readText(args[0]));
    const bench::BenchRun next = bench::benchRunFromJson(readText(args[1]));
    std::fputs(bench::compareRuns(base, next).c_str(), stdout);
    return 0;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "sqlc bench compare: %s\n", error.what());
    return 1;
  }
}

}  // namespace

int runBench(const std::vector<std::string>& args, const CompileOptions& compile) {
  if (args.empty() || args[0] == "-h" || args[0] == "--help") {
    std::fputs(kBenchHelp, args.empty() ? stderr : stdout);
    return args.empty() ? 2 : 0;
  }
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (args[0] == "nexmark") {
    for (const std::string& arg : rest) {
      if (arg == "-h" || arg == "--help") {
        std::fputs(kBenchHelp, stdout);
        return 0;
      }
    }
    return runNexmark(rest, compile);
  }
  if (args[0] == "compare") return runCompare(rest);
  std::fprintf(stderr, "sqlc bench: unknown benchmark '%s' (nexmark, compare)\n", args[0].c_str());
  return 2;
}

}  // namespace sluice
