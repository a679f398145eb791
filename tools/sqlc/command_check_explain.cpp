#include <fmt/format.h>

#include <cstdio>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "runtime/udx/udx_kernels.h"
#include "compiler/codegen/llvm_calc_compiler.h"
#include "compiler/diagnostics/diagnostics.h"
#include "compiler/driver/job_compiler.h"
#include "compiler/physical/changelog_inference.h"
#include "compiler/physical/changelog_printer.h"
#include "compiler/physical/physical_planner.h"
#include "compiler/physical/pipeline_printer.h"
#include "runtime/operators/aggregate_buffer.h"
#include "tools/sqlc/commands.h"
#include "tools/sqlc/sql_file_reader.h"

namespace sluice {

namespace {

struct CommandLine {
  std::string path;
  bool ir = false;  // explain --ir
  bool help = false;
  std::string error;
};

CommandLine parseArguments(const std::vector<std::string>& args, bool acceptsIr) {
  CommandLine line;
  for (const auto& arg : args) {
    if (arg == "-h" || arg == "--help") {
      line.help = true;
    } else if (arg == "--ir" && acceptsIr) {
      line.ir = true;
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

// Shared by the commands that compile one file: parses the arguments (`--ir` only when
// `acceptsIr`), prints the help or a usage error, compiles, reports diagnostics to stderr, and on
// success hands the job to `onSuccess`.
int compileCommand(const char* command, const char* help, bool acceptsIr,
                   const std::vector<std::string>& args, const CompileOptions& compile,
                   const std::function<int(const CompiledJob&, const CommandLine&)>& onSuccess) {
  CommandLine line = parseArguments(args, acceptsIr);
  if (line.help) {
    std::fputs(help, stdout);
    return 0;
  }
  if (!line.error.empty()) return usageError(command, line.error);
  auto file = readSqlFile(line.path);
  if (!file) return 2;
  DiagnosticSink diagnostics;
  CompiledJob job = compileJob(*file, diagnostics, compile);
  if (!diagnostics.hasErrors()) physical::checkChangelogs(job, diagnostics);
  std::fputs(diagnostics.render(*file).c_str(), stderr);
  if (diagnostics.hasErrors()) {
    std::fprintf(stderr, "%zu error(s)\n", diagnostics.errorCount());
    return 1;
  }
  return onSuccess(job, line);
}

// The header and optimized IR of one Calc node, or why it runs interpreted.
std::string explainCalc(codegen::LlvmCalcCompiler& compiler, const artifact::JobPlan& plan,
                        const artifact::Node& calc) {
  std::vector<DataType> inputTypes;
  for (const artifact::Field& field : plan.node(calc.inputs[0]).schema) {
    inputTypes.push_back(field.type);
  }
  const std::string title = fmt::format("== Calc #{} ({})", calc.id, calc.location);
  std::string reason;
  std::shared_ptr<const runtime::CompiledCalcCode> code;
  try {
    // The job's functions: the built-ins and the native functions its plan names.
    const auto functions = runtime::udx::jobFunctionRegistry(plan);
    code = compiler.compile(calc, inputTypes, *functions, reason);
  } catch (const std::exception& error) {
    reason = error.what();  // as the job runner does: the node then runs interpreted
  }
  if (!code) return title + " \u2014 not compiled: " + reason + " ==\n\n";
  return fmt::format("{} \u2014 compiled in {:.1f} ms ==\n{}\n", title, code->compileMillis,
                     code->optimizedIr);
}

// The update loop of a window aggregate's buffer, when its calls have one (aggregate_buffer.h).
std::string explainAggregateUpdate(codegen::LlvmCalcCompiler& compiler,
                                   const artifact::JobPlan& plan, const artifact::Node& node) {
  std::vector<DataType> inputTypes;
  for (const artifact::Field& field : plan.node(node.inputs[0]).schema) {
    inputTypes.push_back(field.type);
  }
  if (!runtime::AggregateBuffer::supports(node, inputTypes)) return "";
  const std::string title =
      fmt::format("== {} #{} update loop ({})", artifact::nodeKindName(node.kind), node.id,
                  node.location);
  std::string reason;
  const runtime::AggregateBuffer buffer(node, inputTypes);
  const auto code = compiler.compileAggregateUpdate(buffer.layout(), reason);
  if (!code) return title + " \u2014 not compiled: " + reason + " ==\n\n";
  return fmt::format("{} \u2014 compiled in {:.1f} ms ==\n{}\n", title, code->compileMillis,
                     code->optimizedIr);
}

// `explain --ir`: each runnable statement planned as `sqlc run` plans it, and the optimized LLVM
// IR of each of its Calc nodes and window aggregate update loops, compiled with the job's codegen options but never through the
// disk cache (explain writes no files).
std::string explainIr(const CompiledJob& job, const std::string& path) {
  codegen::LlvmCalcCompiler compiler(codegen::CodegenOptions{});
  std::string out;
  for (const CompiledStatement* statement : physical::runnableStatements(job)) {
    physical::PlanOptions options;
    options.fileName = path;
    artifact::JobPlan plan;
    try {
      plan = physical::planStatement(job, *statement, options);
    } catch (const UserError& error) {
      out += fmt::format("== {} ({}:{}) \u2014 not runnable: {} ==\n\n", statement->bound.summary,
                         path, statement->bound.location.line, error.what());
      continue;
    }
    std::map<std::string, std::string> configuration = plan.configuration;
    configuration.erase("sqlc.codegen.cache-dir");
    compiler.configure(configuration);
    for (const artifact::Node& node : plan.nodes) {
      if (node.kind == artifact::NodeKind::Calc) out += explainCalc(compiler, plan, node);
      if (node.kind == artifact::NodeKind::WindowAggregate) {
        out += explainAggregateUpdate(compiler, plan, node);
      }
    }
  }
  return out;
}

// Each runnable statement as `sqlc run` would run it: its pipelines, their parallelism and the
// exchanges between them, or why it cannot run yet.
std::string explainPipelines(const CompiledJob& job, const std::string& path) {
  std::string out;
  for (const CompiledStatement* statement : physical::runnableStatements(job)) {
    physical::PlanOptions options;
    options.fileName = path;
    const std::string title = fmt::format("== Pipelines of {} ({}:{}:{})", statement->bound.summary,
                                          path, statement->bound.location.line,
                                          statement->bound.location.column);
    try {
      const artifact::JobPlan plan = physical::planStatement(job, *statement, options);
      out += title + " ==\n" + physical::formatPipelines(plan) + "\n";
    } catch (const UserError& error) {
      out += title + " \u2014 not runnable: " + error.what() + " ==\n\n";
    }
  }
  return out;
}

}  // namespace

int runCheck(const std::vector<std::string>& args, const CompileOptions& compile) {
  static const char* kHelp =
      "usage: sqlc check <job.sql>\n\n"
      "Parses and binds every statement of the job and reports each error as\n"
      "file:line:col with the source line and a caret. Exits 0 when the job is valid,\n"
      "1 when it has errors, 2 on a usage error.\n";
  return compileCommand("check", kHelp, /*acceptsIr=*/false, args, compile,
                        [](const CompiledJob& job, const CommandLine& line) {
                          std::printf("%s: ok (%zu statements)\n", line.path.c_str(),
                                      job.statements.size());
                          return 0;
                        });
}

int runExplain(const std::vector<std::string>& args, const CompileOptions& compile) {
  static const char* kHelp =
      "usage: sqlc explain [--ir] <job.sql>\n\n"
      "Prints, for each INSERT, statement set, query and EXPLAIN of the job, the bound\n"
      "logical plan and the optimized plan as indented trees with each node's output\n"
      "schema, then the pipelines `sqlc run` runs it as (parallelism, exchanges).\n"
      "Errors are reported as by `sqlc check`.\n\n"
      "options:\n"
      "  --ir   then, for each Calc node of each statement `sqlc run` would run, its\n"
      "         optimized LLVM IR and compile time, or why it runs interpreted\n";
  return compileCommand("explain", kHelp, /*acceptsIr=*/true, args, compile,
                        [](const CompiledJob& job, const CommandLine& line) {
                          std::fputs(explainJob(job, line.path).c_str(), stdout);
                          for (const CompiledStatement* statement :
                               physical::runnableStatements(job)) {
                            std::printf("== Changelog of %s (%s:%d:%d) ==\n%s\n",
                                        statement->bound.summary.c_str(), line.path.c_str(),
                                        statement->bound.location.line,
                                        statement->bound.location.column,
                                        physical::printStatementChangelog(*statement).c_str());
                          }
                          std::fputs(explainPipelines(job, line.path).c_str(), stdout);
                          if (line.ir) std::fputs(explainIr(job, line.path).c_str(), stdout);
                          return 0;
                        });
}

}  // namespace sluice
