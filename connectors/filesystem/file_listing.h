// Which files a filesystem source reads: the file 'path' names, or every regular file beneath
// the directory it names (subdirectories too, as Flink reads partition directories), hidden ones
// (a name starting with '.' or '_', such as in-progress part files and _SUCCESS) left out.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace sluice::connectors {

// A path as the options write it, without a 'file://' or 'file:' scheme.
std::string localPath(const std::string& path);

// The files to read, sorted by path; only those matching `pattern` (the whole path) when given.
// A ConnectorError when `path` does not exist or the pattern is malformed.
std::vector<std::string> listInputFiles(const std::string& path,
                                        const std::optional<std::string>& pattern);

// The files subtask `subtask` of `parallelism` reads: those whose index is the subtask's modulo
// the parallelism, so each file is read whole by one subtask.
std::vector<std::string> filesOfSubtask(const std::vector<std::string>& files, int subtask,
                                        int parallelism);

}  // namespace sluice::connectors
