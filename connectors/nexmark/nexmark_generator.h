// One instance's event stream (NexmarkGenerator): event after event of its share, each drawn
// from a java.util.Random seeded with the event's id, so an event id always yields the same
// event whichever instance generates it. Events are written straight into the batch's columns:
// event_type INT, then the person, auction and bid ROWs, two of which are NULL in every row.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "connectors/nexmark/generator_config.h"
#include "connectors/nexmark/model_generators.h"
#include "runtime/data/batch.h"

namespace sluice::connectors::nexmark {

// The event_type values of the suite's table.
enum class EventType : int32_t { Person = 0, Auction = 1, Bid = 2 };

class NexmarkGenerator {
 public:
  explicit NexmarkGenerator(GeneratorConfig share) : share_(std::move(share)) {}

  const GeneratorConfig& share() const { return share_; }
  bool hasNext() const { return eventsSoFar_ < share_.eventLimit(); }
  int64_t eventsSoFar() const { return eventsSoFar_; }
  // The event time (epoch ms) of the next event.
  int64_t nextTimestamp() const {
    return share_.timestampForEvent(share_.eventNumber(eventsSoFar_));
  }
  // Event times of the events `ahead` after the next: for pacing without generating.
  int64_t timestampAhead(int64_t ahead) const {
    return share_.timestampForEvent(share_.eventNumber(eventsSoFar_ + ahead));
  }

  // Appends up to `count` events (fewer when the share ends) after the batch's rows, whose
  // columns must have the nexmark table's physical types; returns how many.
  int generate(runtime::Batch& batch, int count);

  // The kind of the event at `place` in the person/auction/bid cycle.
  EventType typeOf(const EventPlace& place) const;

 private:
  GeneratorConfig share_;
  int64_t eventsSoFar_ = 0;
  DrawBounds bounds_;
  std::vector<uint8_t> presence_;  // per batch: which rows are persons, auctions, bids
};

}  // namespace sluice::connectors::nexmark
