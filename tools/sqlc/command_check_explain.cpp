#include <cstdio>
#include <functional>
#include <optional>

#include "compiler/driver/job_compiler.h"
#include "tools/sqlc/commands.h"
#include "tools/sqlc/sql_file_reader.h"

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

int usageError(const char* command, const std::string& error) {
  std::fprintf(stderr, "sqlc %s: %s\nusage: sqlc %s <job.sql>\n", command, error.c_str(), command);
  return 2;
}

// Shared by the commands that compile one file: parses the arguments, prints the help or a usage
// error, compiles, reports diagnostics to stderr, and on success hands the job to `onSuccess`.
int compileCommand(const char* command, const char* help, const std::vector<std::string>& args,
                   const std::function<int(const CompiledJob&, const std::string&)>& onSuccess) {
  CommandLine line = parseArguments(args);
  if (line.help) {
    std::fputs(help, stdout);
    return 0;
  }
  if (!line.error.empty()) return usageError(command, line.error);
  auto file = readSqlFile(line.path);
  if (!file) return 2;
  DiagnosticSink diagnostics;
  CompiledJob job = compileJob(*file, diagnostics);
  std::fputs(diagnostics.render(*file).c_str(), stderr);
  if (diagnostics.hasErrors()) {
    std::fprintf(stderr, "%zu error(s)\n", diagnostics.errorCount());
    return 1;
  }
  return onSuccess(job, line.path);
}

}  // namespace

int runCheck(const std::vector<std::string>& args) {
  static const char* kHelp =
      "usage: sqlc check <job.sql>\n\n"
      "Parses and binds every statement of the job and reports each error as\n"
      "file:line:col with the source line and a caret. Exits 0 when the job is valid,\n"
      "1 when it has errors, 2 on a usage error.\n";
  return compileCommand("check", kHelp, args, [](const CompiledJob& job, const std::string& path) {
    std::printf("%s: ok (%zu statements)\n", path.c_str(), job.statements.size());
    return 0;
  });
}

int runExplain(const std::vector<std::string>& args) {
  static const char* kHelp =
      "usage: sqlc explain <job.sql>\n\n"
      "Prints, for each INSERT, statement set, query and EXPLAIN of the job, the bound\n"
      "logical plan and the optimized plan as indented trees with each node's output\n"
      "schema. Errors are reported as by `sqlc check`.\n";
  return compileCommand("explain", kHelp, args, [](const CompiledJob& job, const std::string& path) {
    std::fputs(explainJob(job, path).c_str(), stdout);
    return 0;
  });
}

}  // namespace sluice
