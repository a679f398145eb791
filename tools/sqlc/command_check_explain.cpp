#include <cstdio>
#include <fstream>
#include <optional>
#include <sstream>

#include "compiler/driver/job_compiler.h"
#include "tools/sqlc/commands.h"

namespace sluice {

namespace {

struct CommandLine {
  std::string path;
  bool help = false;
  std::string error;
};

CommandLine parseArguments(const std::vector<std::string>& args) {
  CommandLine line;
  for (const auto& arg : args) {
    if (arg == "-h" || arg == "--help") {
      line.help = true;
    } else if (!arg.empty() && arg[0] == '-') {
      line.error = "unknown option '" + arg + "'";
    } else if (line.path.empty()) {
      line.path = arg;
    } else {
      line.error = "only one SQL file may be given";
    }
  }
  if (!line.help && line.error.empty() && line.path.empty()) line.error = "no SQL file given";
  return line;
}

std::optional<SourceFile> readSource(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "sqlc: cannot read '%s'\n", path.c_str());
    return std::nullopt;
  }
  std::stringstream text;
  text << in.rdbuf();
  return SourceFile(path, text.str());
}

int usageError(const char* command, const std::string& error) {
  std::fprintf(stderr, "sqlc %s: %s\nusage: sqlc %s <job.sql>\n", command, error.c_str(), command);
  return 2;
}

}  // namespace

int runCheck(const std::vector<std::string>& args) {
  CommandLine line = parseArguments(args);
  if (line.help) {
    std::fputs("usage: sqlc check <job.sql>\n\n"
               "Parses and binds every statement of the job and reports each error as\n"
               "file:line:col with the source line and a caret. Exits 0 when the job is valid,\n"
               "1 when it has errors, 2 on a usage error.\n", stdout);
    return 0;
  }
  if (!line.error.empty()) return usageError("check", line.error);
  auto file = readSource(line.path);
  if (!file) return 2;
  DiagnosticSink diagnostics;
  CompiledJob job = compileJob(*file, diagnostics);
  std::fputs(diagnostics.render(*file).c_str(), stderr);
  if (diagnostics.hasErrors()) {
    std::fprintf(stderr, "%zu error(s)\n", diagnostics.errorCount());
    return 1;
  }
  std::printf("%s: ok (%zu statements)\n", line.path.c_str(), job.statements.size());
  return 0;
}

int runExplain(const std::vector<std::string>& args) {
  CommandLine line = parseArguments(args);
  if (line.help) {
    std::fputs("usage: sqlc explain <job.sql>\n\n"
               "Prints, for each INSERT, statement set, query and EXPLAIN of the job, the bound\n"
               "logical plan and the optimized plan as indented trees with each node's output\n"
               "schema. Errors are reported as by `sqlc check`.\n", stdout);
    return 0;
  }
  if (!line.error.empty()) return usageError("explain", line.error);
  auto file = readSource(line.path);
  if (!file) return 2;
  DiagnosticSink diagnostics;
  CompiledJob job = compileJob(*file, diagnostics);
  std::fputs(diagnostics.render(*file).c_str(), stderr);
  if (diagnostics.hasErrors()) {
    std::fprintf(stderr, "%zu error(s)\n", diagnostics.errorCount());
    return 1;
  }
  std::string out = explainJob(job, line.path);
  std::fputs(out.c_str(), stdout);
  return 0;
}

}  // namespace sluice
