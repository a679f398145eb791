// `sqlc compile job.sql [-o FILE]`: writes the job plan artifact (JSON) of each INSERT, statement
// set and query: to stdout, or to FILE (FILE.2, FILE.3, ... for a file with several jobs).
#include <cstdio>
#include <fstream>

#include "compiler/diagnostics/diagnostics.h"
#include "compiler/physical/physical_planner.h"
#include "tools/sqlc/commands.h"
#include "tools/sqlc/sql_file_reader.h"

namespace sluice {

int runCompile(const std::vector<std::string>& args, const CompileOptions& compile) {
  std::string path;
  std::string output;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "-h" || args[i] == "--help") {
      std::fputs("usage: sqlc compile <job.sql> [-o FILE]\n\nWrites the job plan artifact (JSON: "
                 "nodes, expressions, connector options,\npipelines) of each INSERT / statement "
                 "set / query, as `sqlc run` would run it.\n",
                 stdout);
      return 0;
    }
    if (args[i] == "-o" && i + 1 < args.size()) {
      output = args[++i];
    } else if (path.empty() && !args[i].empty() && args[i][0] != '-') {
      path = args[i];
    } else {
      std::fprintf(stderr, "sqlc compile: unexpected argument '%s'\n", args[i].c_str());
      return 2;
    }
  }
  if (path.empty()) {
    std::fputs("sqlc compile: no SQL file given\nusage: sqlc compile <job.sql> [-o FILE]\n", stderr);
    return 2;
  }
  const std::optional<SourceFile> read = readSqlFile(path);
  if (!read) return 2;
  const SourceFile& file = *read;
  DiagnosticSink diagnostics;
  CompiledJob job = compileJob(file, diagnostics, compile);
  int index = 0;
  for (const CompiledStatement* statement : physical::runnableStatements(job)) {
    if (diagnostics.hasErrors()) break;
    try {
      physical::PlanOptions options;
      options.fileName = path;
      const std::string json = artifact::toJson(physical::planStatement(job, *statement, options));
      ++index;
      if (output.empty()) {
        std::fputs(json.c_str(), stdout);
        continue;
      }
      const std::string target = index == 1 ? output : output + "." + std::to_string(index);
      std::ofstream out(target, std::ios::binary);
      out << json;
      if (!out) {
        std::fprintf(stderr, "sqlc compile: cannot write '%s'\n", target.c_str());
        return 1;
      }
    } catch (const UserError& error) {
      diagnostics.error(error.location(), error.what());
    }
  }
  std::fputs(diagnostics.render(file).c_str(), stderr);
  if (diagnostics.hasErrors()) {
    std::fprintf(stderr, "%zu error(s)\n", diagnostics.errorCount());
    return 1;
  }
  return 0;
}

}  // namespace sluice
