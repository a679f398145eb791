// Flink's 'blackhole' sink (and Blink's type = 'blackhole'): accepts every row and keeps none,
// for benchmarks that measure a query without the cost of writing its results.
#pragma once

#include <cstdint>

#include "runtime/connector/connector.h"

namespace sluice::connectors {

class BlackholeSink : public runtime::SinkWriter {
 public:
  void write(const runtime::Batch& batch) override { rowsDiscarded_ += batch.size(); }
  int64_t rowsDiscarded() const { return rowsDiscarded_; }

 private:
  int64_t rowsDiscarded_ = 0;
};

class BlackholeConnectorFactory : public runtime::ConnectorFactory {
 public:
  std::unique_ptr<runtime::SinkWriter> createSink(
      const runtime::ConnectorContext& context) const override;
};

}  // namespace sluice::connectors
