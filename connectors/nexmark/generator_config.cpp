#include "connectors/nexmark/generator_config.h"

#include <algorithm>
#include <limits>

namespace sluice::connectors::nexmark {

GeneratorConfig::GeneratorConfig(const NexmarkSettings& settings, int generators)
    : settings_(settings),
      totalProportion_(settings.personProportion + settings.auctionProportion +
                       settings.bidProportion),
      // As the Java config: one delay from the first rate, stretched by the instance count.
      interEventDelayMicros_(1000000.0 / static_cast<double>(settings.firstEventRate) *
                             std::max(generators, 1)),
      stopAt_(settings.stopAt) {
  if (settings.numEvents > 0) {
    maxEvents_ = settings.numEvents;
  } else {
    // "Unbounded" is Java's maximum that keeps its size estimates from overflowing.
    const int64_t largest = std::max(
        {settings.avgPersonBytes, settings.avgAuctionBytes, settings.avgBidBytes, int64_t{1}});
    maxEvents_ = std::numeric_limits<int64_t>::max() / (totalProportion_ * largest);
  }
}

GeneratorConfig::GeneratorConfig(const GeneratorConfig& whole, int64_t firstEventId,
                                 int64_t maxEvents, int64_t stopAt)
    : GeneratorConfig(whole) {
  firstEventId_ = firstEventId;
  maxEvents_ = maxEvents;
  stopAt_ = stopAt;
}

std::vector<GeneratorConfig> GeneratorConfig::split(int parts) const {
  if (parts <= 1) return {*this};
  std::vector<GeneratorConfig> shares;
  const int64_t events = maxEvents_ / parts;
  const int64_t stops = stopAt_ < 0 ? -1 : stopAt_ / parts;
  int64_t firstEventId = firstEventId_;
  for (int i = 0; i < parts; ++i) {
    const bool last = i == parts - 1;
    // The last share takes what the division left over, so no event is lost.
    const int64_t shareEvents = last ? maxEvents_ - events * (parts - 1) : events;
    const int64_t shareStop = stops < 0 ? -1 : (last ? stopAt_ - stops * (parts - 1) : stops);
    shares.push_back(GeneratorConfig(*this, firstEventId, shareEvents, shareStop));
    firstEventId += shareEvents;
  }
  return shares;
}

int64_t GeneratorConfig::eventLimit() const {
  return stopAt_ < 0 ? maxEvents_ : std::min(maxEvents_, stopAt_);
}

int64_t GeneratorConfig::lastBase0PersonId(const EventPlace& place) const {
  const int64_t epoch = place.epoch;
  int64_t offset = place.offset;
  // An auction or bid: go back to the epoch's last person.
  if (offset >= settings_.personProportion) offset = settings_.personProportion - 1;
  return epoch * settings_.personProportion + offset;
}

int64_t GeneratorConfig::lastBase0AuctionId(const EventPlace& place) const {
  int64_t epoch = place.epoch;
  int64_t offset = place.offset;
  if (offset < settings_.personProportion) {
    // A person: the last auction is the previous epoch's last.
    --epoch;
    offset = settings_.auctionProportion - 1;
  } else if (offset >= settings_.personProportion + settings_.auctionProportion) {
    // A bid: the last auction of this epoch.
    offset = settings_.auctionProportion - 1;
  } else {
    offset -= settings_.personProportion;
  }
  return epoch * settings_.auctionProportion + offset;
}

}  // namespace sluice::connectors::nexmark
