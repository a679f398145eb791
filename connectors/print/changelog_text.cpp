#include "connectors/print/changelog_text.h"

#include "runtime/data/value_text.h"

namespace sluice::connectors {

std::string formatChangelogRow(const runtime::Batch& batch, int row,
                               const runtime::TimeZone& zone) {
  std::string out;
  appendChangelogRow(out, batch, row, zone);
  return out;
}

void appendChangelogRow(std::string& out, const runtime::Batch& batch, int row,
                        const runtime::TimeZone& zone) {
  out += runtime::rowKindShortString(batch.rowKind(row));
  out += '[';
  for (int c = 0; c < batch.columnCount(); ++c) {
    if (c > 0) out += ", ";
    const runtime::Vector& column = batch.column(c);
    if (column.isNull(row)) {
      out += "null";
      continue;
    }
    runtime::appendValue(out, runtime::readValue(column, row), column.type(), zone,
                         runtime::TextStyle::Print);
  }
  out += ']';
}

std::string printPrefix(const std::string& identifier, int subtask, int parallelism) {
  std::string prefix = identifier;
  if (parallelism > 1) {
    if (!prefix.empty()) prefix += ':';
    prefix += std::to_string(subtask + 1);
  }
  if (!prefix.empty()) prefix += "> ";
  return prefix;
}

}  // namespace sluice::connectors
