// BidGenerator: a bid mostly on a hot auction by a hot bidder, at a random price, through one of
// four hot channels half of the time and one of 10 000 others otherwise, padded to the average
// bid size.
#include "connectors/nexmark/channel_table.h"
#include "connectors/nexmark/model_generators.h"
#include "connectors/nexmark/strings_generator.h"

namespace sluice::connectors::nexmark {

namespace {

// Hot auctions (bidders) are the first (second) of each batch of this many.
constexpr int64_t kHotAuctionRatio = 100;
constexpr int64_t kHotBidderRatio = 100;
// P(hot channel) = 1 - 1/kHotChannelsRatio.
constexpr int kHotChannelsRatio = 2;

}  // namespace

void writeBid(const GeneratorConfig& config, const EventPlace& place, int64_t timestampMillis,
              JavaRandom& random, DrawBounds& bounds, EventColumns& bid, int row,
              runtime::Arena& arena) {
  using runtime::StringRef;
  const NexmarkSettings& settings = config.settings();
  // P(hot auction) = 1 - 1/hotAuctionRatio.
  int64_t auction = 0;
  if (random.nextInt(settings.hotAuctionRatio) > 0) {
    auction = (config.lastBase0AuctionId(place) / kHotAuctionRatio) * kHotAuctionRatio;
  } else {
    auction = nextBase0AuctionId(config, place, random, bounds);
  }
  bid.field<int64_t>(0)[row] = auction + kFirstAuctionId;

  // P(hot bidder) = 1 - 1/hotBiddersRatio; the second person of a batch, so hot bidders and hot
  // sellers differ.
  int64_t bidder = 0;
  if (random.nextInt(settings.hotBiddersRatio) > 0) {
    bidder = (config.lastBase0PersonId(place) / kHotBidderRatio) * kHotBidderRatio + 1;
  } else {
    bidder = nextBase0PersonId(config, place, random, bounds);
  }
  // The Java BidGenerator adds FIRST_PERSON_ID twice (once before and once after choosing the
  // channel); kept, so bidder ids are those of the Flink suite.
  bid.field<int64_t>(1)[row] = bidder + 2 * kFirstPersonId;
  bid.field<int64_t>(2)[row] = nextPrice(random);

  const ChannelTable& channels = ChannelTable::instance();
  if (random.nextIntBelow<kHotChannelsRatio>() > 0) {
    const int hot = random.nextIntBelow<kHotChannelCount>();
    bid.field<StringRef>(3)[row] = channels.hotName(hot);
    bid.field<StringRef>(4)[row] = channels.hotUrl(hot);
  } else {
    const int number = random.nextIntBelow<kChannelCount>();
    bid.field<StringRef>(3)[row] = ChannelTable::regularName(number);
    bid.field<StringRef>(4)[row] = channels.regularUrl(number);
  }
  bid.field<int64_t>(5)[row] = timestampMillis * kMicrosPerMilli;
  // Java counts auction, bidder, price and time as 8 bytes each.
  bid.field<StringRef>(6)[row] =
      nextExtra(random, 8 + 8 + 8 + 8, settings.avgBidBytes, arena, &bounds.bidExtra);
}

}  // namespace sluice::connectors::nexmark
