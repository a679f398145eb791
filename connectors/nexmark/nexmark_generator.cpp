#include "connectors/nexmark/nexmark_generator.h"

#include <algorithm>

#include "connectors/nexmark/event_columns.h"
#include "connectors/nexmark/java_random.h"
#include "connectors/nexmark/model_generators.h"

namespace sluice::connectors::nexmark {

EventType NexmarkGenerator::typeOf(const EventPlace& place) const {
  const NexmarkSettings& settings = share_.settings();
  if (place.offset < settings.personProportion) return EventType::Person;
  if (place.offset < settings.personProportion + settings.auctionProportion) {
    return EventType::Auction;
  }
  return EventType::Bid;
}

int NexmarkGenerator::generate(runtime::Batch& batch, int count) {
  const int first = batch.size();
  count = static_cast<int>(std::min<int64_t>(
      {count, share_.eventLimit() - eventsSoFar_, int64_t{batch.capacity() - first}}));
  if (count <= 0) return 0;

  runtime::Vector& types = batch.column(0);
  EventColumns person(batch.column(1));
  EventColumns auction(batch.column(2));
  EventColumns bid(batch.column(3));
  std::fill_n(types.validity() + first, count, uint8_t{1});
  std::fill_n(batch.rowKinds() + first, count, runtime::RowKind::Insert);
  int32_t* typeValues = types.values<int32_t>();
  runtime::Arena& arena = batch.arena();

  JavaRandom random(0);
  EventPlace place = share_.placeOf(share_.eventId(eventsSoFar_));
  for (int i = 0; i < count; ++i, ++eventsSoFar_, place = share_.nextPlace(place)) {
    const int row = first + i;
    const int64_t timestamp = share_.timestampForEvent(share_.eventNumber(eventsSoFar_));
    // Seeded per event, as the original generator did, so the event depends on its id alone.
    random.setSeed(place.id);
    const EventType type = typeOf(place);
    typeValues[row] = static_cast<int32_t>(type);
    switch (type) {
      case EventType::Person:
        writePerson(share_, place, timestamp, random, person, row, arena);
        break;
      case EventType::Auction:
        writeAuction(share_, eventsSoFar_, place, timestamp, random, bounds_, auction, row, arena);
        break;
      case EventType::Bid:
        writeBid(share_, place, timestamp, random, bounds_, bid, row, arena);
        break;
    }
  }
  // Every row has one kind: its nested row is present, the other two are NULL.
  presence_.resize(3 * static_cast<size_t>(count));
  uint8_t* isPerson = presence_.data();
  uint8_t* isAuction = isPerson + count;
  uint8_t* isBid = isAuction + count;
  for (int i = 0; i < count; ++i) {
    const int32_t type = typeValues[first + i];
    isPerson[i] = type == static_cast<int32_t>(EventType::Person);
    isAuction[i] = type == static_cast<int32_t>(EventType::Auction);
    isBid[i] = type == static_cast<int32_t>(EventType::Bid);
  }
  person.setPresence(isPerson, first, count);
  auction.setPresence(isAuction, first, count);
  bid.setPresence(isBid, first, count);
  batch.setSize(first + count);
  return count;
}

}  // namespace sluice::connectors::nexmark
