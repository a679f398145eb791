// One changelog row as Flink's print connector and SQL client show it: the row kind, then the
// fields in brackets separated by ", ": "+I[1, abc, 2026-01-01 00:00:05.000]". Values are
// written as value_text's Print style writes them (CAST(x AS STRING), binary as x'0aff'),
// TIMESTAMP_LTZ in the session zone, NULL as "null".
#pragma once

#include <string>

#include "runtime/data/batch.h"
#include "runtime/data/time_zone.h"

namespace sluice::connectors {

std::string formatChangelogRow(const runtime::Batch& batch, int row, const runtime::TimeZone& zone);
// The same, appended to `out`.
void appendChangelogRow(std::string& out, const runtime::Batch& batch, int row,
                        const runtime::TimeZone& zone);

// What Flink's print sink puts before each row: "id> " with one subtask, "id:2> " (or "2> "
// without an identifier) with several, nothing at all without either.
std::string printPrefix(const std::string& identifier, int subtask, int parallelism);

}  // namespace sluice::connectors
