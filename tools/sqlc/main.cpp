// sqlc: the Sluice SQL compiler's command line.
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "tools/sqlc/commands.h"

namespace {

const char* kUsage =
    "usage: sqlc <command> [options] <job.sql>\n"
    "\n"
    "Compiles streaming SQL in the Flink and Alibaba Blink dialects.\n"
    "\n"
    "commands:\n"
    "  check     report every error of a job with file:line:col; exit 1 if there is any\n"
    "  explain   print each statement's logical and optimized plans with output schemas\n"
    "            (--ir: and the optimized LLVM IR of each Calc node)\n"
    "  run       run the job's INSERTs and queries in this process (--help for local debugging)\n"
    "  compile   write the job plan artifact of each INSERT / query as JSON\n"
    "  bench     nexmark: the Nexmark throughput harness; compare: two of its result files\n"
    "\n"
    "options:\n"
    "  --udx LIBRARY   load a native function library (.so) before the job (repeatable)\n"
    "  -h, --help      show this help (or a command's: sqlc <command> --help)\n"
    "  -V, --version   print the version\n";

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    std::fputs(kUsage, stderr);
    return 2;
  }
  const std::string& command = args[0];
  if (command == "-h" || command == "--help" || command == "help") {
    std::fputs(kUsage, stdout);
    return 0;
  }
  if (command == "-V" || command == "--version") {
    std::printf("sqlc %s\n", sluice::kSqlcVersion);
    return 0;
  }
  std::vector<std::string> rest(args.begin() + 1, args.end());
  sluice::CompileOptions compile;
  std::string error;
  if (!sluice::takeUdxOptions(rest, compile, error)) {
    std::fprintf(stderr, "sqlc %s: %s\n", command.c_str(), error.c_str());
    return 2;
  }
  if (command == "check") return sluice::runCheck(rest, compile);
  if (command == "explain") return sluice::runExplain(rest, compile);
  if (command == "run") return sluice::runRun(rest, compile);
  if (command == "compile") return sluice::runCompile(rest, compile);
  if (command == "bench") return sluice::runBench(rest, compile);
  std::fprintf(stderr, "sqlc: unknown command '%s'\n\n%s", command.c_str(), kUsage);
  return 2;
}
