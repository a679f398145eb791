#include "tools/sqlc/run_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <climits>

#include "connectors/builtin_connectors.h"
#include "connectors/collect/changelog_collector.h"
#include "connectors/print/changelog_text.h"
#include "runtime/data/time_zone.h"
#include "runtime/data/value_text.h"

namespace sluice {
namespace {

std::string formatWatermark(int64_t micros) {
  if (micros == INT64_MIN || micros == INT64_MAX) return micros == INT64_MAX ? "end" : "-";
  const runtime::Value value = runtime::Value::ofInteger(micros);
  return runtime::formatValue(value, DataType::timestamp(3));
}

// The rows of `file` read as the sink's schema would be, in print format ("+I[...]").
std::vector<std::string> readExpectedRows(const artifact::Node& sink, const std::string& file) {
  artifact::Node source = sink;
  source.kind = artifact::NodeKind::Source;
  source.connector = "filesystem";
  source.options.clear();
  source.options["connector"] = "filesystem";
  source.options["path"] = file;
  source.options["format"] = session::formatOfFile(file);
  auto collector = std::make_shared<connectors::ChangelogCollector>(false);
  const runtime::ConnectorFactories factories = connectors::builtinConnectors(collector);
  std::atomic<bool> cancelled{false};
  runtime::ConnectorContext context;
  context.node = &source;
  context.cancelled = &cancelled;
  auto reader = factories.find("filesystem")->createSource(context);
  const auto zone = runtime::TimeZone::forName("UTC");
  std::vector<std::string> rows;
  runtime::Batch batch(context.columnTypes(), context.batchSize);
  while (true) {
    batch.clear();
    if (reader->read(batch) == runtime::ReadStatus::End) break;
    for (int r = 0; r < batch.size(); ++r) {
      rows.push_back(connectors::formatChangelogRow(batch, r, *zone));
    }
  }
  return rows;
}

}  // namespace

void printProgressLine(const std::vector<runtime::OperatorSummary>& operators) {
  int64_t in = 0;
  int64_t out = 0;
  int64_t watermark = INT64_MAX;
  for (const auto& op : operators) {
    if (op.name.rfind("Source", 0) == 0 || op.name == "Values") {
      in += op.rowsOut;
      watermark = std::min(watermark, op.watermarkMicros);
    }
    if (op.name.rfind("Sink", 0) == 0) out += op.rowsIn;
  }
  std::fprintf(stderr, "\r\033[Krows in %lld, rows out %lld, watermark %s",
               static_cast<long long>(in), static_cast<long long>(out),
               formatWatermark(watermark).c_str());
  std::fflush(stderr);
}

void printRunSummary(const std::string& statement, const runtime::JobReport& report, FILE* out) {
  std::string text = fmt::format("{} — {} in {:.3f} s\n", statement,
                                 report.succeeded ? "finished" : (report.cancelled ? "cancelled" : "failed"),
                                 report.wallSeconds);
  text += fmt::format("  {:<4} {:<28} {:>4} {:>12} {:>12} {:>10} {:>10} {:>8}  {}\n", "node",
                      "operator", "par", "rows in", "rows out", "busy s", "backpr. s", "skipped",
                      "watermark");
  for (const auto& op : report.operators) {
    text += fmt::format("  {:<4} {:<28} {:>4} {:>12} {:>12} {:>10.3f} {:>10.3f} {:>8}  {}",
                        op.nodeId, op.name, op.instances, op.rowsIn, op.rowsOut, op.busySeconds,
                        op.backPressuredSeconds, op.skippedRows, formatWatermark(op.watermarkMicros));
    if (op.stateKeys > 0) {
      text += fmt::format("  state: {} keys, {:.1f} KiB", op.stateKeys,
                          static_cast<double>(op.stateBytes) / 1024.0);
    }
    text += "\n";
  }
  for (const std::string& note : report.notes) text += "  note: " + note + "\n";
  std::fputs(text.c_str(), out);
}

bool checkExpectation(const std::string& table, const std::string& expectedFile,
                      const session::StatementRun& run) {
  const artifact::Node* sink = nullptr;
  for (const artifact::Node& node : run.plan.nodes) {
    if (node.kind == artifact::NodeKind::Sink && session::matchesTable(node, table)) {
      sink = &node;
    }
  }
  if (!sink) return true;  // another statement writes it
  std::vector<std::string> expected;
  try {
    expected = session::materialize(readExpectedRows(*sink, expectedFile));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "sqlc run: --expect %s: %s\n", table.c_str(), e.what());
    return false;
  }
  std::vector<std::string> changelog;
  const std::string name = sink->tableShortName();
  for (const auto& [sinkName, line] : run.captured) {
    if (sinkName == name) changelog.push_back(line);
  }
  const std::vector<std::string> actual = session::materialize(changelog);
  std::vector<std::string> missing;
  std::vector<std::string> unexpected;
  std::set_difference(expected.begin(), expected.end(), actual.begin(), actual.end(),
                      std::back_inserter(missing));
  std::set_difference(actual.begin(), actual.end(), expected.begin(), expected.end(),
                      std::back_inserter(unexpected));
  if (missing.empty() && unexpected.empty()) {
    std::fprintf(stderr, "expect %s: %zu rows match %s\n", table.c_str(), actual.size(),
                 expectedFile.c_str());
    return true;
  }
  std::fprintf(stderr, "expect %s: final rows differ from %s\n", table.c_str(), expectedFile.c_str());
  for (const auto& row : missing) std::fprintf(stderr, "  missing     %s\n", row.c_str());
  for (const auto& row : unexpected) std::fprintf(stderr, "  unexpected  %s\n", row.c_str());
  return false;
}

}  // namespace sluice
