#include "connectors/print/console_output.h"

#include <mutex>

namespace sluice::connectors {

void writeToConsole(std::FILE* stream, std::string_view text) {
  // Process-wide because the streams are: every print sink, collector echo and subtask of every
  // job in the process shares stdout and stderr. A function-local static is initialized
  // thread-safely on first use and needs no owner; fwrite's own stream lock would not cover the
  // flush, nor order a line on stdout against one on stderr.
  static std::mutex consoleMutex;
  std::lock_guard<std::mutex> lock(consoleMutex);
  std::fwrite(text.data(), 1, text.size(), stream);
  std::fflush(stream);
}

}  // namespace sluice::connectors
