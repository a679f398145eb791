#include "connectors/print/print_connector.h"

#include <cstdio>

#include "connectors/options/session_zone.h"
#include "connectors/options/table_options.h"
#include "connectors/print/changelog_text.h"
#include "connectors/print/console_output.h"

namespace sluice::connectors {

namespace {

class PrintSink : public runtime::SinkWriter {
 public:
  PrintSink(std::FILE* stream, std::string prefix, runtime::TimeZone zone)
      : stream_(stream), prefix_(std::move(prefix)), zone_(std::move(zone)) {}

  void write(const runtime::Batch& batch) override {
    std::string text;
    for (int row = 0; row < batch.size(); ++row) {
      text += prefix_;
      appendChangelogRow(text, batch, row, zone_);
      text += '\n';
    }
    if (!text.empty()) writeToConsole(stream_, text);
  }

 private:
  std::FILE* stream_;
  std::string prefix_;
  runtime::TimeZone zone_;
};

}  // namespace

std::unique_ptr<runtime::SinkWriter> PrintConnectorFactory::createSink(
    const runtime::ConnectorContext& context) const {
  const TableOptions options(*context.node);
  std::FILE* stream = options.flag("standard-error", false) ? stderr : stdout;
  return std::make_unique<PrintSink>(
      stream,
      printPrefix(options.text("print-identifier", ""), context.subtask, context.parallelism),
      sessionZone(context));
}

}  // namespace sluice::connectors
