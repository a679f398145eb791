// The nexmark source: what a user of the Nexmark suite relies on. The event mix, ids that refer
// to generated persons and auctions, categories, prices, channels and their URLs, average event
// sizes, event times spaced by the rate, parallel instances that together make the one-instance
// stream, the end after 'events.num', and java.util.Random's numbers.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "connector_test_fixtures.h"
#include "connectors/nexmark/java_random.h"
#include "connectors/nexmark/nexmark_connector.h"
#include "connectors/nexmark/nexmark_source.h"
#include "connectors/nexmark/strings_generator.h"

namespace sluice::connectors {
namespace {

using nexmark::JavaRandom;
using Options = std::map<std::string, std::string>;
using runtime::Value;

constexpr int64_t kBaseTime = 1'700'000'000'000;  // ms

// One generated row: event_type and the fields of its (only non-NULL) nested row.
struct Event {
  int type = -1;
  std::vector<Value> fields;

  int64_t integer(int field) const { return fields[field].integer; }
  const std::string& text(int field) const { return fields[field].bytes; }
  // Without the event-time fields, which depend on the instance's timeline.
  std::vector<Value> timeless() const {
    std::vector<Value> kept = fields;
    const std::vector<int> times = type == 0   ? std::vector<int>{6}
                                   : type == 1 ? std::vector<int>{5, 6}
                                               : std::vector<int>{5};
    for (int field : times) kept[field] = Value::null();
    return kept;
  }
  friend bool operator<(const Event& a, const Event& b) {
    if (a.type != b.type) return a.type < b.type;
    return a.fields[0].integer != b.fields[0].integer ? a.fields[0].integer < b.fields[0].integer
                                                      : a.fields[2].integer < b.fields[2].integer;
  }
};

artifact::Node nexmarkNode(const Options& extra) {
  Options options = {{"connector", "nexmark"},
                     {"sqlc.nexmark.base-time", std::to_string(kBaseTime)}};
  for (const auto& [key, value] : extra) options[key] = value;
  return testing::tableNode(artifact::NodeKind::Source, "datagen", nexmark::physicalSchema(),
                            options);
}

std::vector<Event> readEvents(const artifact::Node& node, int subtask = 0, int parallelism = 1,
                              int batchSize = 1024) {
  auto reader =
      NexmarkConnectorFactory().createSource(testing::contextFor(node, subtask, parallelism));
  const std::vector<DataType> types = testing::typesOf(node.schema);
  std::vector<Event> events;
  for (int reads = 0; reads < 100'000; ++reads) {
    runtime::Batch batch(types, batchSize);
    const runtime::ReadStatus status = reader->read(batch);
    if (status == runtime::ReadStatus::End) return events;
    for (int row = 0; row < batch.size(); ++row) {
      Event event;
      event.type = static_cast<int>(runtime::readValue(batch.column(0), row).integer);
      for (int kind = 0; kind < 3; ++kind) {
        const Value nested = runtime::readValue(batch.column(kind + 1), row);
        EXPECT_EQ(nested.isNull, kind != event.type) << "row " << events.size();
        if (kind == event.type) event.fields = nested.children;
      }
      events.push_back(std::move(event));
    }
  }
  ADD_FAILURE() << "the source did not end";
  return events;
}

std::vector<Event> ofType(const std::vector<Event>& events, int type) {
  std::vector<Event> kept;
  std::copy_if(events.begin(), events.end(), std::back_inserter(kept),
               [type](const Event& event) { return event.type == type; });
  return kept;
}

TEST(NexmarkRandom, DrawsWhatJavaUtilRandomDraws) {
  // Values of `new Random(seed)` in Java.
  EXPECT_EQ(JavaRandom(0).nextInt(), -1155484576);
  EXPECT_EQ(JavaRandom(42).nextInt(), -1170105035);
  EXPECT_DOUBLE_EQ(JavaRandom(0).nextDouble(), 0.730967787376657);
  EXPECT_DOUBLE_EQ(JavaRandom(42).nextDouble(), 0.7275636800328681);
  // A power-of-two bound takes the top bits; any other the remainder of 31 bits.
  JavaRandom a(7), b(7);
  for (int i = 0; i < 1000; ++i) {
    EXPECT_EQ(a.nextIntBelow<26>(), b.nextInt(26));
    EXPECT_EQ(a.nextIntBelow<4>(), b.nextInt(4));
  }
}

TEST(NexmarkRandom, PreparedBoundsDrawWhatNextIntDraws) {
  // The remainder by multiplication, for powers of two, small and large bounds, and bounds
  // whose rejection of the last partial range is likely (just above a power of two, 2^31 - 1).
  for (int32_t bound :
       {1, 2, 3, 13, 26, 28, 111, 1010, 10000, 65537, (1 << 30) + 1, 1431655766, INT32_MAX}) {
    const nexmark::IntBound prepared(bound);
    JavaRandom a(bound), b(bound);
    for (int i = 0; i < 20000; ++i) ASSERT_EQ(a.nextInt(prepared), b.nextInt(bound)) << bound;
  }
}

TEST(NexmarkStrings, ExactStringsAreJavasDigitsOfEachDraw) {
  // Lengths from 0 to 129 cover partial and full blocks of eight draws and the odd characters.
  for (int seed = 0; seed < 390; ++seed) {
    const int length = seed % 130;
    JavaRandom fast(seed), reference(seed);
    char text[136];
    nexmark::writeExactString(fast, length, text);
    // StringsGenerator.nextExactString, step by step.
    int32_t bits = 0;
    for (int i = 0, left = 0; i < length; ++i, --left) {
      if (left == 0) {
        bits = reference.nextInt();
        left = 6;
      }
      ASSERT_EQ(text[i], static_cast<char>('a' + bits % 26)) << seed << " at " << i;
      bits /= 26;
    }
  }
}

TEST(NexmarkStrings, LongExactStringsAreJavasDigitsOfEachDraw) {
  // Padding of large configured sizes: many blocks of draws, and every remainder of six.
  for (int length : {131, 383, 384, 385, 767, 768, 1000, 2047, 4099}) {
    for (int64_t seed : {int64_t{1}, int64_t{-5}, int64_t{1} << 40}) {
      JavaRandom fast(seed), reference(seed);
      std::vector<char> text(static_cast<size_t>(length) + 1);
      nexmark::writeExactString(fast, length, text.data());
      int32_t bits = 0;
      for (int i = 0, left = 0; i < length; ++i, --left) {
        if (left == 0) {
          bits = reference.nextInt();
          left = 6;
        }
        ASSERT_EQ(text[i], static_cast<char>('a' + bits % 26)) << seed << " at " << i;
        bits /= 26;
      }
      // The generator is left where Java's would be.
      EXPECT_EQ(fast.nextInt(), reference.nextInt()) << length;
    }
  }
}

// FNV-1a over every field of every event a source yields, in order.
uint64_t digestOf(const std::vector<Event>& events) {
  uint64_t hash = 0xcbf29ce484222325ULL;
  auto mix = [&hash](const void* bytes, size_t size) {
    for (size_t i = 0; i < size; ++i) {
      hash = (hash ^ static_cast<const unsigned char*>(bytes)[i]) * 0x100000001b3ULL;
    }
  };
  for (const Event& event : events) {
    mix(&event.type, sizeof event.type);
    for (const Value& field : event.fields) {
      mix(&field.isNull, sizeof field.isNull);
      mix(&field.integer, sizeof field.integer);
      mix(field.bytes.data(), field.bytes.size());
    }
  }
  return hash;
}

TEST(Nexmark, GeneratesTheSameStreamAsBefore) {
  // Digests of the streams made by the generator whose events 2 to 200 001 were checked against
  // the Java model generators (see README.md): any change to what is generated shows here.
  EXPECT_EQ(digestOf(readEvents(nexmarkNode({{"events.num", "200000"}}))), 0xa23a80e204dcb5dULL);
  // Padding much longer (and shorter: empty, inline) than by default; odd batch sizes.
  EXPECT_EQ(digestOf(readEvents(nexmarkNode({{"events.num", "30000"},
                                             {"person.avg-size", "4kb"},
                                             {"auction.avg-size", "30b"},
                                             {"bid.avg-size", "40"}}),
                                0, 1, 333)),
            0xbc726e07471a83c6ULL);
  // One instance of three, other proportions and hot ratios.
  EXPECT_EQ(digestOf(readEvents(nexmarkNode({{"events.num", "90000"},
                                             {"person.proportion", "3"},
                                             {"auction.proportion", "7"},
                                             {"bid.proportion", "17"},
                                             {"bid.hot-ratio.auctions", "3"},
                                             {"bid.hot-ratio.bidders", "5"},
                                             {"auction.hot-ratio.sellers", "7"}}),
                                1, 3, 1000)),
            0xa009afd9b5706316ULL);
}

TEST(Nexmark, EventMixFollowsTheProportions) {
  const auto events = readEvents(nexmarkNode({{"events.num", "50000"}}));
  ASSERT_EQ(events.size(), 50000u);
  // Every 50 consecutive event ids hold 1 person, 3 auctions and 46 bids.
  EXPECT_EQ(ofType(events, 0).size(), 1000u);
  EXPECT_EQ(ofType(events, 1).size(), 3000u);
  EXPECT_EQ(ofType(events, 2).size(), 46000u);
  // As in the Flink suite, the first event id is 2: an auction, then a bid.
  EXPECT_EQ(events[0].type, 1);
  EXPECT_EQ(events[2].type, 2);

  const auto custom = readEvents(nexmarkNode({{"events.num", "1000"},
                                              {"person.proportion", "2"},
                                              {"auction.proportion", "3"},
                                              {"bid.proportion", "5"}}));
  EXPECT_EQ(ofType(custom, 0).size(), 200u);
  EXPECT_EQ(ofType(custom, 1).size(), 300u);
  EXPECT_EQ(ofType(custom, 2).size(), 500u);
}

TEST(Nexmark, IdsReferToGeneratedPersonsAndAuctions) {
  const auto events = readEvents(nexmarkNode({{"events.num", "100000"}}));
  int64_t lastPerson = 1000;   // person ids start at 1001 (event 50), as in the suite
  int64_t lastAuction = 1000;  // auction ids start at 1001 (event 2)
  std::set<int64_t> categories;
  int hotBidders = 0;
  int bids = 0;
  for (const Event& event : events) {
    if (event.type == 0) {
      EXPECT_EQ(event.integer(0), lastPerson + 1);
      lastPerson = event.integer(0);
    } else if (event.type == 1) {
      EXPECT_EQ(event.integer(0), lastAuction + 1);
      lastAuction = event.integer(0);
      // A seller is a generated person or one of the 10 ids allowed ahead.
      EXPECT_GE(event.integer(7), 1000);
      EXPECT_LE(event.integer(7), lastPerson + 10);
      categories.insert(event.integer(8));
    } else {
      ++bids;
      // An auction in flight (the last 100) or up to 10 ahead.
      EXPECT_GE(event.integer(0), std::max<int64_t>(lastAuction - 100, 1000));
      EXPECT_LE(event.integer(0), lastAuction + 10);
      // The Java BidGenerator adds FIRST_PERSON_ID twice, so bidders are persons + 1000.
      const int64_t bidder = event.integer(1) - 1000;
      EXPECT_GE(bidder, std::max<int64_t>(lastPerson - 1000, 1000));
      EXPECT_LE(bidder, lastPerson + 10);
      if ((bidder - 1000) % 100 == 1) ++hotBidders;
    }
  }
  EXPECT_EQ(categories, (std::set<int64_t>{10, 11, 12, 13, 14}));
  // Hot bidders with bid.hot-ratio.bidders = 4: 3/4 of bids, and a few by chance.
  EXPECT_NEAR(static_cast<double>(hotBidders) / bids, 0.75, 0.02);
}

TEST(Nexmark, PricesAreLogUniformFrom100To100Million) {
  const auto events = readEvents(nexmarkNode({{"events.num", "100000"}}));
  std::vector<int> decades(6);
  int bids = 0;
  for (const Event& event : events) {
    if (event.type == 1) {
      EXPECT_GE(event.integer(3), 100);
      EXPECT_GT(event.integer(4), event.integer(3));  // reserve = initial bid + another price
      continue;
    }
    if (event.type != 2) continue;
    const int64_t price = event.integer(2);
    ASSERT_GE(price, 100);
    ASSERT_LE(price, 100'000'000);
    ++bids;
    ++decades[std::min(5, static_cast<int>(std::log10(static_cast<double>(price) / 100)))];
  }
  for (int decade = 0; decade < 6; ++decade) {
    EXPECT_NEAR(static_cast<double>(decades[decade]) / bids, 1.0 / 6, 0.01) << decade;
  }
}

TEST(Nexmark, HalfTheBidsComeThroughHotChannels) {
  const auto bids = ofType(readEvents(nexmarkNode({{"events.num", "50000"}})), 2);
  const std::set<std::string> hot = {"Google", "Facebook", "Baidu", "Apple"};
  const std::regex urlShape(
      R"(https://www\.nexmark\.com/[a-z_]{3,4}/[a-z_]{3,4}/[a-z_]{3,4}/item\.htm\?query=1)"
      R"((&channel_id=-?[0-9]+)?)");
  const std::regex channelName("channel-([0-9]+)");
  std::map<std::string, std::string> urlOf;
  int hotBids = 0;
  int withChannelId = 0;
  std::set<std::string> others;
  for (const Event& bid : bids) {
    const std::string& channel = bid.text(3);
    const std::string& url = bid.text(4);
    ASSERT_TRUE(std::regex_match(url, urlShape)) << url;
    EXPECT_EQ(urlOf.emplace(channel, url).first->second, url) << "one URL per channel";
    if (hot.count(channel)) {
      ++hotBids;
      EXPECT_EQ(url.find("channel_id"), std::string::npos) << url;
      continue;
    }
    std::smatch match;
    ASSERT_TRUE(std::regex_match(channel, match, channelName)) << channel;
    const int number = std::stoi(match[1]);
    EXPECT_LT(number, 10000);
    others.insert(channel);
    const size_t id = url.find("&channel_id=");
    if (id == std::string::npos) continue;
    ++withChannelId;
    // Java's Math.abs(Integer.reverse(n)).
    uint32_t reversed = 0;
    for (int bit = 0; bit < 32; ++bit)
      reversed |= ((static_cast<uint32_t>(number) >> bit) & 1u) << (31 - bit);
    const int64_t signedValue = static_cast<int32_t>(reversed);
    const int64_t expected = signedValue == INT32_MIN ? signedValue : std::abs(signedValue);
    EXPECT_EQ(url.substr(id + 12), std::to_string(expected));
  }
  EXPECT_NEAR(static_cast<double>(hotBids) / bids.size(), 0.5, 0.01);
  const double others_ = static_cast<double>(bids.size() - hotBids);
  EXPECT_NEAR(withChannelId / others_, 0.9, 0.02);  // nine in ten carry their channel id
  EXPECT_GT(others.size(), 8000u);                  // most of the 10 000 channels appear
}

// The event's size as the Java generators count it: 8 bytes per number and time, plus text.
int64_t javaSize(const Event& event) {
  switch (event.type) {
    case 0:
      return 8 + event.text(1).size() + event.text(2).size() + event.text(3).size() +
             event.text(4).size() + event.text(5).size() + event.text(7).size();
    case 1: return 8 + event.text(1).size() + event.text(2).size() + 40 + event.text(9).size();
    default: return 32 + event.text(6).size();
  }
}

TEST(Nexmark, EventsAverageTheConfiguredSizes) {
  for (const Options& sizes : {Options{}, Options{{"person.avg-size", "1kb"},
                                                  {"auction.avg-size", "300b"},
                                                  {"bid.avg-size", "64"}}}) {
    Options options = sizes;
    options["events.num"] = "100000";
    const auto events = readEvents(nexmarkNode(options));
    const std::vector<double> configured = {sizes.empty() ? 200.0 : 1024.0,
                                            sizes.empty() ? 500.0 : 300.0,
                                            sizes.empty() ? 100.0 : 64.0};
    for (int type = 0; type < 3; ++type) {
      double total = 0;
      const auto kind = ofType(events, type);
      for (const Event& event : kind) total += static_cast<double>(javaSize(event));
      EXPECT_NEAR(total / kind.size(), configured[type], configured[type] * 0.02) << type;
    }
  }
}

TEST(Nexmark, EventTimesAreSpacedByTheRate) {
  // 1000 events per second: one millisecond apart, from the base time plus one event.
  const auto events =
      readEvents(nexmarkNode({{"events.num", "500"}, {"first-event.rate", "1000"}}));
  for (size_t i = 0; i < events.size(); ++i) {
    const int timeField = events[i].type == 0 ? 6 : 5;
    EXPECT_EQ(events[i].integer(timeField), (kBaseTime + 1 + static_cast<int64_t>(i)) * 1000) << i;
    if (events[i].type == 1) {
      EXPECT_GT(events[i].integer(6), events[i].integer(5));  // expires after it starts
    }
  }
  // Each of 4 instances runs on its own timeline at a quarter of the rate.
  const auto node = nexmarkNode({{"events.num", "400"}, {"first-event.rate", "1000"}});
  const auto second = readEvents(node, 1, 4);
  ASSERT_EQ(second.size(), 100u);
  for (size_t i = 0; i < second.size(); ++i) {
    const int timeField = second[i].type == 0 ? 6 : 5;
    EXPECT_EQ(second[i].integer(timeField), (kBaseTime + 4 * (1 + static_cast<int64_t>(i))) * 1000);
  }
}

TEST(Nexmark, ParallelInstancesTogetherMakeTheSingleStream) {
  const auto node = nexmarkNode({{"events.num", "10000"}});
  std::vector<Event> single = readEvents(node);
  std::vector<Event> together;
  for (int subtask = 0; subtask < 3; ++subtask) {
    auto share = readEvents(node, subtask, 3);
    // Consecutive id ranges, the last instance taking the remainder.
    EXPECT_EQ(share.size(), subtask == 2 ? 3334u : 3333u);
    together.insert(together.end(), share.begin(), share.end());
  }
  ASSERT_EQ(together.size(), single.size());
  // The same events in the same order (instance by instance), but for their event times.
  for (size_t i = 0; i < single.size(); ++i) {
    ASSERT_EQ(single[i].type, together[i].type) << i;
    ASSERT_EQ(single[i].timeless(), together[i].timeless()) << i;
  }
  // An event depends on its id alone, not on how the rows are batched.
  const auto small = readEvents(node, 0, 1, 7);
  ASSERT_EQ(small.size(), single.size());
  for (size_t i = 0; i < single.size(); ++i) ASSERT_EQ(small[i].fields, single[i].fields) << i;
}

TEST(Nexmark, EventsNumEndsTheSourceAndKeepAliveIdles) {
  EXPECT_EQ(readEvents(nexmarkNode({{"events.num", "1234"}}), 0, 1, 100).size(), 1234u);
  const auto node = nexmarkNode({{"events.num", "10"}, {"keep-alive", "true"}});
  auto reader = NexmarkConnectorFactory().createSource(testing::contextFor(node));
  runtime::Batch batch(testing::typesOf(node.schema), 64);
  ASSERT_EQ(reader->read(batch), runtime::ReadStatus::Data);
  EXPECT_EQ(batch.size(), 10);
  runtime::Batch after(testing::typesOf(node.schema), 64);
  EXPECT_EQ(reader->read(after), runtime::ReadStatus::Idle);
  EXPECT_EQ(after.size(), 0);
  // 'stop-at' ends each instance at its share of that many events.
  EXPECT_EQ(readEvents(nexmarkNode({{"events.num", "1000"}, {"stop-at", "300"}}), 1, 2).size(),
            150u);
}

TEST(Nexmark, PacedSourceEmitsOnlyDueEvents) {
  // 'max-emit-speed' = 'false': 10 events per second, the first one due at once.
  const auto node =
      nexmarkNode({{"events.num", "100"}, {"first-event.rate", "10"}, {"max-emit-speed", "false"}});
  auto reader = NexmarkConnectorFactory().createSource(testing::contextFor(node));
  runtime::Batch batch(testing::typesOf(node.schema), 64);
  ASSERT_EQ(reader->read(batch), runtime::ReadStatus::Data);
  EXPECT_EQ(batch.size(), 1);
  runtime::Batch next(testing::typesOf(node.schema), 64);
  EXPECT_EQ(reader->read(next), runtime::ReadStatus::Idle);
}

TEST(Nexmark, RefusesATableOfAnotherSchema) {
  const auto node =
      testing::tableNode(artifact::NodeKind::Source, "t", {{"event_type", DataType::integer()}},
                         {{"connector", "nexmark"}});
  EXPECT_THROW(NexmarkConnectorFactory().createSource(testing::contextFor(node)),
               runtime::ConnectorError);
  EXPECT_THROW(NexmarkConnectorFactory().createSource(
                   testing::contextFor(nexmarkNode({{"bid.hot-ratio.auctions", "0"}}))),
               runtime::ConnectorError);
}

}  // namespace
}  // namespace sluice::connectors
