// AuctionGenerator: an auction with the next auction id, mostly for a hot seller, in one of five
// categories, with a random initial bid and reserve above it, and an expiry chosen so that about
// numInFlightAuctions auctions are open at any time.
#include <algorithm>

#include "connectors/nexmark/model_generators.h"
#include "connectors/nexmark/strings_generator.h"

namespace sluice::connectors::nexmark {

namespace {

// Few categories, so that small runs still find matches.
constexpr int kCategoryCount = 5;
// Auctions referred to may be up to this many ids beyond the last generated one.
constexpr int kAuctionIdLead = 10;
// Hot sellers are the first person of each batch of this many.
constexpr int64_t kHotSellerRatio = 100;

int64_t nextSeller(const GeneratorConfig& config, const EventPlace& place, JavaRandom& random,
                   DrawBounds& bounds) {
  // P(hot seller) = 1 - 1/hotSellersRatio.
  if (random.nextInt(config.settings().hotSellersRatio) > 0) {
    return (config.lastBase0PersonId(place) / kHotSellerRatio) * kHotSellerRatio;
  }
  return nextBase0PersonId(config, place, random, bounds);
}

// A length averaging the time until numInFlightAuctions more auctions will have been generated.
int64_t nextAuctionLengthMillis(const GeneratorConfig& config, int64_t eventsSoFar,
                                int64_t timestampMillis, JavaRandom& random) {
  const int64_t eventNumber = config.eventNumber(eventsSoFar);
  const int64_t eventsForAuctions =
      (static_cast<int64_t>(config.settings().numInFlightAuctions) * config.totalProportion()) /
      config.settings().auctionProportion;
  const int64_t horizon =
      config.timestampForEvent(eventNumber + eventsForAuctions) - timestampMillis;
  return 1 + nextLongBelow(random, std::max<int64_t>(horizon * 2, 1));
}

}  // namespace

int64_t nextBase0AuctionId(const GeneratorConfig& config, const EventPlace& place,
                           JavaRandom& random, DrawBounds& bounds) {
  // Any auction likely still in flight (the generator keeps no state to know exactly), plus a
  // few not yet generated.
  const int64_t maxAuction = config.lastBase0AuctionId(place);
  const int64_t minAuction =
      std::max<int64_t>(maxAuction - config.settings().numInFlightAuctions, 0);
  return minAuction +
         nextLongBelow(random, maxAuction - minAuction + 1 + kAuctionIdLead, bounds.auctionIds);
}

void writeAuction(const GeneratorConfig& config, int64_t eventsSoFar, const EventPlace& place,
                  int64_t timestampMillis, JavaRandom& random, DrawBounds& bounds,
                  EventColumns& auction, int row, runtime::Arena& arena) {
  using runtime::StringRef;
  auction.field<int64_t>(0)[row] = config.lastBase0AuctionId(place) + kFirstAuctionId;
  auction.field<int64_t>(7)[row] = nextSeller(config, place, random, bounds) + kFirstPersonId;
  auction.field<int64_t>(8)[row] = kFirstCategoryId + random.nextIntBelow<kCategoryCount>();
  const int64_t initialBid = nextPrice(random);
  auction.field<int64_t>(3)[row] = initialBid;
  const int64_t expires =
      timestampMillis + nextAuctionLengthMillis(config, eventsSoFar, timestampMillis, random);

  char name[20];
  const int nameLength = writeRandomString(random, 20, ' ', name);
  auction.field<StringRef>(1)[row] = storeText(name, nameLength, arena);
  char description[100];
  const int descriptionLength = writeRandomString(random, 100, ' ', description);
  auction.field<StringRef>(2)[row] = storeText(description, descriptionLength, arena);
  auction.field<int64_t>(4)[row] = initialBid + nextPrice(random);
  auction.field<int64_t>(5)[row] = timestampMillis * kMicrosPerMilli;
  auction.field<int64_t>(6)[row] = expires * kMicrosPerMilli;

  // Java counts the id, the two prices, the two times, seller and category as 8 bytes each.
  const int64_t size = 8 + nameLength + descriptionLength + 8 + 8 + 8 + 8 + 8;
  auction.field<StringRef>(9)[row] =
      nextExtra(random, size, config.settings().avgAuctionBytes, arena);
}

}  // namespace sluice::connectors::nexmark
