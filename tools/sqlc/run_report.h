// What `sqlc run` prints to stderr: a progress line while a job runs, the per-operator summary
// when it ends, and the outcome of --expect comparisons.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include "runtime/execution/job_runner.h"
#include "session/local_job.h"

namespace sluice {

void printProgressLine(const std::vector<runtime::OperatorSummary>& operators);
void printRunSummary(const std::string& statement, const runtime::JobReport& report, FILE* out);
// Compares the final rows of sink `table` with `expectedFile`; prints the difference. Returns
// true when they are equal.
bool checkExpectation(const std::string& table, const std::string& expectedFile,
                      const session::StatementRun& run);

}  // namespace sluice
