// The sqlc subcommands. Each takes the arguments after its name and returns the exit code;
// results go to stdout, diagnostics to stderr.
#pragma once

#include <string>
#include <vector>

namespace sluice {

inline constexpr const char* kSqlcVersion = "0.1.0";

int runCheck(const std::vector<std::string>& args);
int runExplain(const std::vector<std::string>& args);
int runRun(const std::vector<std::string>& args);
int runCompile(const std::vector<std::string>& args);

}  // namespace sluice
