// Writing to the process's standard output and error from parallel sink instances.
#pragma once

#include <cstdio>
#include <string_view>

namespace sluice::connectors {

// Writes `text` (whole lines) with one fwrite and flushes, under a process-wide lock, so lines
// of different subtasks and sinks never interleave mid-line and each appears promptly.
void writeToConsole(std::FILE* stream, std::string_view text);

}  // namespace sluice::connectors
