// One event of each kind written into row `row` of its nested column, as the Java
// PersonGenerator, AuctionGenerator and BidGenerator make it, drawing from `random` in their
// order. Timestamps are epoch milliseconds; the columns hold TIMESTAMP(3) as microseconds.
#pragma once

#include <cmath>
#include <cstdint>

#include "connectors/nexmark/event_columns.h"
#include "connectors/nexmark/generator_config.h"
#include "connectors/nexmark/java_random.h"
#include "runtime/data/arena.h"

namespace sluice::connectors::nexmark {

// The bounds of draws that rarely change, with their divisions prepared, kept by a generator:
// the ranges of person and auction ids settle after the first epochs, and a bid's padding always
// has the same range.
struct DrawBounds {
  IntBound personIds;
  IntBound auctionIds;
  IntBound bidExtra;
};

// Person: id, name, emailAddress, creditCard, city, state, dateTime, extra.
void writePerson(const GeneratorConfig& config, const EventPlace& place, int64_t timestampMillis,
                 JavaRandom& random, EventColumns& person, int row, runtime::Arena& arena);

// Auction: id, itemName, description, initialBid, reserve, dateTime, expires, seller, category,
// extra. `eventsSoFar` is the instance's count, which the auction length is measured from.
void writeAuction(const GeneratorConfig& config, int64_t eventsSoFar, const EventPlace& place,
                  int64_t timestampMillis, JavaRandom& random, DrawBounds& bounds,
                  EventColumns& auction, int row, runtime::Arena& arena);

// Bid: auction, bidder, price, channel, url, dateTime, extra.
void writeBid(const GeneratorConfig& config, const EventPlace& place, int64_t timestampMillis,
              JavaRandom& random, DrawBounds& bounds, EventColumns& bid, int row,
              runtime::Arena& arena);

// LongGenerator.nextLong: uniform in [0, n) through nextInt when n fits an int, else Java's
// (skewed) remainder of a long.
inline int64_t nextLongBelow(JavaRandom& random, int64_t n) {
  if (n < INT32_MAX) return random.nextInt(static_cast<int32_t>(n));
  const int64_t remainder = random.nextLong() % n;
  return remainder < 0 ? -remainder : remainder;
}

// The same with the bound's division kept in `cache` while the bound stays the same.
inline int64_t nextLongBelow(JavaRandom& random, int64_t n, IntBound& cache) {
  if (n >= INT32_MAX) return nextLongBelow(random, n);
  if (cache.value() != n) cache = IntBound(static_cast<int32_t>(n));
  return random.nextInt(cache);
}

// PriceGenerator.nextPrice: Math.round(10^(6u) * 100) for a uniform u, so log-uniform from 100
// to 100 000 000 (cents). exp is about twice as fast as pow; its few ulps of difference could
// only change the rounding within a hair of half a cent, and there pow decides, as in Java.
inline int64_t nextPrice(JavaRandom& random) {
  constexpr double kLn10 = 2.302585092994045684;
  const double exponent = random.nextDouble() * 6.0;
  double cents = std::exp(exponent * kLn10) * 100.0;
  if (std::fabs(cents - std::floor(cents) - 0.5) < 1e-6) cents = std::pow(10.0, exponent) * 100.0;
  return static_cast<int64_t>(std::floor(cents + 0.5));
}

// PersonGenerator.nextBase0PersonId: one of the active people, or a few not yet generated.
int64_t nextBase0PersonId(const GeneratorConfig& config, const EventPlace& place,
                          JavaRandom& random, DrawBounds& bounds);

// AuctionGenerator.nextBase0AuctionId: one of the auctions likely in flight, or a few ahead.
int64_t nextBase0AuctionId(const GeneratorConfig& config, const EventPlace& place,
                           JavaRandom& random, DrawBounds& bounds);

constexpr int64_t kMicrosPerMilli = 1000;

}  // namespace sluice::connectors::nexmark
