#include "connectors/collect/changelog_collector.h"

#include <cstdio>

#include "connectors/print/changelog_text.h"
#include "connectors/print/console_output.h"

namespace sluice::connectors {

void ChangelogCollector::add(const std::string& sinkName, std::vector<std::string> lines) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (echo_ && !lines.empty()) {
    const std::string prefix = printPrefix(sinkName, 0, 1);
    std::string text;
    for (const std::string& line : lines) {
      text += prefix;
      text += line;
      text += '\n';
    }
    // Under the collector's lock too, so the echo shows rows in the order rows() keeps them.
    writeToConsole(stdout, text);
  }
  for (std::string& line : lines) rows_.emplace_back(sinkName, std::move(line));
}

std::vector<std::pair<std::string, std::string>> ChangelogCollector::rows() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return rows_;
}

}  // namespace sluice::connectors
