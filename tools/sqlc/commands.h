// The sqlc subcommands. Each takes the arguments after its name and returns the exit code;
// results go to stdout, diagnostics to stderr.
#pragma once

#include <string>
#include <vector>

#include "compiler/driver/job_compiler.h"

namespace sluice {

inline constexpr const char* kSqlcVersion = "0.1.0";

int runCheck(const std::vector<std::string>& args, const CompileOptions& compile);
int runExplain(const std::vector<std::string>& args, const CompileOptions& compile);
int runRun(const std::vector<std::string>& args, const CompileOptions& compile);
int runCompile(const std::vector<std::string>& args, const CompileOptions& compile);
int runBench(const std::vector<std::string>& args, const CompileOptions& compile);

// Takes `--udx LIBRARY` (repeatable, any command) out of `args`: the native libraries every
// compile loads first. Returns false with `error` for a --udx without a path.
bool takeUdxOptions(std::vector<std::string>& args, CompileOptions& options, std::string& error);

}  // namespace sluice
