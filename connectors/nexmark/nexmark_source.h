// The nexmark source instance (NexmarkSourceReader): its share of the events, as fast as it can
// with 'max-emit-speed' (the default), or paced so that each event goes out when the wall clock
// has advanced from the first read as far as its event time has from the first event's. At the
// end of the share the source ends, or with 'keep-alive' stays idle until cancelled.
#pragma once

#include <cstdint>
#include <optional>

#include "connectors/nexmark/nexmark_generator.h"
#include "runtime/connector/connector.h"

namespace sluice::connectors::nexmark {

class NexmarkSourceReader : public runtime::SourceReader {
 public:
  explicit NexmarkSourceReader(GeneratorConfig share) : generator_(std::move(share)) {}

  runtime::ReadStatus read(runtime::Batch& batch) override;
  const NexmarkGenerator& generator() const { return generator_; }

 private:
  // How many of the next `limit` events are due by the wall clock.
  int eventsDue(int limit);

  NexmarkGenerator generator_;
  std::optional<int64_t> wallClockStartMillis_;
};

}  // namespace sluice::connectors::nexmark
