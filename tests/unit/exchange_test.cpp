// What the operators after an exchange rely on: the input gate's watermark is the minimum over
// the channels that are neither idle nor ended and never goes back, Idle/Active/End come exactly
// when every open channel is idle / one is back / every channel ended and nothing is left queued,
// a full gate holds its producers back (and lets them go on cancel), and an exchange output
// routes every row exactly once (every row of a key to the same instance), keeps row kinds and
// string bytes alive, and sends buffered rows before the watermark that follows them.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <climits>
#include <cstdint>
#include <future>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "compiler/artifact/job_plan.h"
#include "runtime/exchange/exchange_output.h"
#include "runtime/exchange/input_gate.h"

namespace sluice::runtime {
namespace {

using namespace std::chrono_literals;
using Kind = InputGate::Next::Kind;

// ---- Input gate ----

// A one-row BIGINT batch carrying `tag`, so tests can tell batches apart.
ChannelEvent dataEvent(int channel, int64_t tag) {
  ChannelEvent event;
  event.kind = ChannelEvent::Kind::Data;
  event.channel = channel;
  event.batch = std::make_unique<Batch>(std::vector<DataType>{DataType::bigInt()}, 1);
  event.batch->column(0).setNull(0, false);
  event.batch->column(0).values<int64_t>()[0] = tag;
  event.batch->setSize(1);
  return event;
}

ChannelEvent controlEvent(ChannelEvent::Kind kind, int channel, int64_t watermark = 0) {
  ChannelEvent event;
  event.kind = kind;
  event.channel = channel;
  event.watermark = watermark;
  return event;
}

// Pushes events into one gate, as producers would.
class Channels {
 public:
  explicit Channels(InputGate& gate) : gate_(gate) {}
  void data(int channel, int64_t tag) { gate_.push(dataEvent(channel, tag), cancelled_); }
  void watermark(int channel, int64_t watermark) {
    gate_.push(controlEvent(ChannelEvent::Kind::Watermark, channel, watermark), cancelled_);
  }
  void idle(int channel) {
    gate_.push(controlEvent(ChannelEvent::Kind::Idle, channel), cancelled_);
  }
  void active(int channel) {
    gate_.push(controlEvent(ChannelEvent::Kind::Active, channel), cancelled_);
  }
  void end(int channel) { gate_.push(controlEvent(ChannelEvent::Kind::End, channel), cancelled_); }

 private:
  InputGate& gate_;
  std::atomic<bool> cancelled_{false};
};

// What the consumer sees, one entry per call of next() until nothing is ready: "D<input>:<tag>",
// "W<watermark>", "Idle", "Active", "End".
std::vector<std::string> drain(InputGate& gate) {
  std::vector<std::string> seen;
  while (true) {
    InputGate::Next next = gate.next(0us);
    switch (next.kind) {
      case Kind::Data:
        seen.push_back("D" + std::to_string(next.input) + ":" +
                       std::to_string(next.batch->column(0).values<int64_t>()[0]));
        break;
      case Kind::Watermark: seen.push_back("W" + std::to_string(next.watermark)); break;
      case Kind::Idle: seen.push_back("Idle"); break;
      case Kind::Active: seen.push_back("Active"); break;
      case Kind::End: seen.push_back("End"); return seen;
      case Kind::Timeout: return seen;
    }
  }
}

using Seen = std::vector<std::string>;

// What the gate emits once every channel has ended.
const std::string kEndOfTime = "W" + std::to_string(INT64_MAX);

TEST(InputGate, WatermarkIsTheMinimumOnceEveryChannelHasOne) {
  InputGate gate({3}, 4);
  Channels channels(gate);
  channels.watermark(0, 10);
  channels.watermark(1, 20);
  EXPECT_EQ(drain(gate), Seen{});  // channel 2 has no watermark yet
  EXPECT_EQ(gate.watermark(), INT64_MIN);
  channels.watermark(2, 5);
  EXPECT_EQ(drain(gate), Seen{"W5"});
  channels.watermark(2, 30);
  EXPECT_EQ(drain(gate), Seen{"W10"});
  channels.watermark(0, 25);
  EXPECT_EQ(drain(gate), Seen{"W20"});
  channels.watermark(1, 40);
  EXPECT_EQ(drain(gate), Seen{"W25"});
  EXPECT_EQ(gate.watermark(), 25);
}

TEST(InputGate, WatermarkNeverGoesBack) {
  InputGate gate({2}, 4);
  Channels channels(gate);
  channels.watermark(0, 15);
  channels.watermark(1, 15);
  EXPECT_EQ(drain(gate), Seen{"W15"});
  channels.watermark(0, 12);  // a channel going back is ignored
  channels.watermark(1, 30);
  EXPECT_EQ(drain(gate), Seen{});
  channels.watermark(0, 16);
  EXPECT_EQ(drain(gate), Seen{"W16"});
  EXPECT_EQ(gate.watermark(), 16);
}

TEST(InputGate, WatermarksOfSeveralInputsCombine) {
  InputGate gate({1, 2}, 4);
  ASSERT_EQ(gate.channelCount(), 3);
  Channels channels(gate);
  channels.watermark(gate.channelOf(1, 0), 7);
  channels.watermark(gate.channelOf(1, 1), 9);
  channels.data(gate.channelOf(1, 1), 100);
  EXPECT_EQ(drain(gate), Seen{"D1:100"});  // input 0 has no watermark yet
  channels.watermark(gate.channelOf(0, 0), 8);
  EXPECT_EQ(drain(gate), Seen{"W7"});
}

TEST(InputGate, IdleChannelStopsHoldingTheWatermarkBackAndComingBackDoesNotMoveItBack) {
  InputGate gate({3}, 4);
  Channels channels(gate);
  channels.watermark(0, 10);
  channels.watermark(1, 20);
  channels.idle(2);  // never sent a watermark: no longer waited for
  EXPECT_EQ(drain(gate), Seen{"W10"});
  channels.idle(0);
  EXPECT_EQ(drain(gate), Seen{"W20"});

  // Channel 2 is back (by an Active event) and channel 0 (by rows), both behind: the watermark
  // stays, and holds until they catch up.
  channels.active(2);
  channels.data(0, 1);
  channels.watermark(1, 50);
  EXPECT_EQ(drain(gate), Seen{"D0:1"});
  EXPECT_EQ(gate.watermark(), 20);
  channels.watermark(2, 35);
  EXPECT_EQ(drain(gate), Seen{});  // channel 0 is at 10 again
  channels.watermark(0, 40);
  EXPECT_EQ(drain(gate), Seen{"W35"});
  channels.watermark(0, 60);
  channels.watermark(2, 60);
  EXPECT_EQ(drain(gate), Seen{"W50"});
}

TEST(InputGate, IdleOnlyWhenEveryOpenChannelIsIdleThenActive) {
  InputGate gate({2}, 4);
  Channels channels(gate);
  channels.idle(0);
  EXPECT_EQ(drain(gate), Seen{});
  channels.idle(1);
  EXPECT_EQ(drain(gate), Seen{"Idle"});
  channels.idle(1);  // idle twice: reported once
  EXPECT_EQ(drain(gate), Seen{});
  channels.active(0);
  EXPECT_EQ(drain(gate), Seen{"Active"});
  channels.active(1);
  EXPECT_EQ(drain(gate), Seen{});
  channels.idle(0);
  channels.idle(1);
  EXPECT_EQ(drain(gate), Seen{"Idle"});
}

TEST(InputGate, RowsOnAnIdleGateReportActiveFirstAndAreDeliveredOnceInOrder) {
  InputGate gate({2}, 1);  // room for two batches
  Channels channels(gate);
  channels.idle(0);
  channels.idle(1);
  EXPECT_EQ(drain(gate), Seen{"Idle"});
  channels.data(1, 7);
  channels.data(1, 8);
  EXPECT_EQ(gate.next(0us).kind, Kind::Active);
  // The rows that woke the gate are still queued and still count against its capacity: a
  // third push has to wait until the consumer takes one.
  std::atomic<bool> cancelled{false};
  std::atomic<bool> pushed{false};
  std::thread producer([&] {
    gate.push(dataEvent(0, 9), cancelled);
    pushed = true;
  });
  std::this_thread::sleep_for(30ms);
  EXPECT_FALSE(pushed.load());
  InputGate::Next woke = gate.next(0us);
  ASSERT_EQ(woke.kind, Kind::Data);
  EXPECT_EQ(woke.batch->column(0).values<int64_t>()[0], 7);
  producer.join();
  EXPECT_TRUE(pushed.load());
  channels.end(0);
  channels.end(1);
  EXPECT_EQ(drain(gate), (Seen{"D0:8", "D0:9", kEndOfTime, "End"}));
}

TEST(InputGate, EndedChannelsDoNotHoldTheWatermarkBack) {
  InputGate gate({3}, 4);
  Channels channels(gate);
  channels.watermark(0, 5);
  channels.watermark(1, 10);
  channels.watermark(2, 15);
  EXPECT_EQ(drain(gate), Seen{"W5"});
  channels.end(0);  // ends without the end-of-time watermark
  EXPECT_EQ(drain(gate), Seen{"W10"});
  channels.watermark(2, 20);
  channels.end(1);
  EXPECT_EQ(drain(gate), Seen{"W20"});
  channels.end(2);  // every channel ended: event time is complete
  EXPECT_EQ(drain(gate), (Seen{kEndOfTime, "End"}));
}

// A finished bounded input must not release an unbounded one that is merely idle to the end of
// time: rows it sends later would all be late.
TEST(InputGate, AnEndedChannelDoesNotPushTheWatermarkToTheEndWhenTheOthersAreIdle) {
  InputGate gate({2}, 4);
  Channels channels(gate);
  channels.watermark(0, 5);
  channels.watermark(1, 5);
  EXPECT_EQ(drain(gate), Seen{"W5"});
  channels.watermark(0, INT64_MAX);  // what a finishing producer sends before its end
  channels.end(0);
  EXPECT_EQ(drain(gate), Seen{});
  channels.idle(1);
  EXPECT_EQ(drain(gate), Seen{"Idle"});
  EXPECT_EQ(gate.watermark(), 5);
  channels.data(1, 3);
  channels.watermark(1, 8);
  EXPECT_EQ(drain(gate), (Seen{"Active", "D0:3", "W8"}));
  channels.watermark(1, INT64_MAX);
  channels.end(1);
  EXPECT_EQ(drain(gate), (Seen{kEndOfTime, "End"}));
}

TEST(InputGate, AFinishingChannelDoesNotPushTheWatermarkToTheEndPastAnIdleOne) {
  InputGate gate({2}, 4);
  Channels channels(gate);
  channels.watermark(0, 5);
  channels.watermark(1, 5);
  channels.idle(1);
  EXPECT_EQ(drain(gate), Seen{"W5"});
  channels.watermark(0, INT64_MAX);
  EXPECT_EQ(drain(gate), Seen{});
  channels.end(0);
  EXPECT_EQ(drain(gate), Seen{"Idle"});
  EXPECT_EQ(gate.watermark(), 5);
}

TEST(InputGate, IdleWhenTheLastActiveChannelEnds) {
  InputGate gate({2}, 4);
  Channels channels(gate);
  channels.idle(0);
  channels.end(1);
  EXPECT_EQ(drain(gate), Seen{"Idle"});
  channels.end(0);
  EXPECT_EQ(drain(gate), (Seen{kEndOfTime, "End"}));
}

TEST(InputGate, EndComesAfterEveryQueuedBatch) {
  InputGate gate({3}, 8);
  Channels channels(gate);
  channels.data(0, 1);
  channels.end(0);
  channels.data(1, 2);
  channels.end(1);
  channels.data(2, 3);
  channels.data(2, 4);
  channels.end(2);
  EXPECT_EQ(drain(gate), (Seen{"D0:1", "D0:2", "D0:3", "D0:4", kEndOfTime, "End"}));
  EXPECT_EQ(gate.next(0us).kind, Kind::End);  // and stays ended
}

TEST(InputGate, WithoutChannelsItHasEnded) {
  InputGate gate({}, 4);
  EXPECT_EQ(gate.next(0us).kind, Kind::End);
}

TEST(InputGate, NextTimesOutWhenNothingArrives) {
  InputGate gate({1}, 4);
  const auto started = std::chrono::steady_clock::now();
  EXPECT_EQ(gate.next(5ms).kind, Kind::Timeout);
  EXPECT_GE(std::chrono::steady_clock::now() - started, 5ms);
}

TEST(InputGate, AFullGateHoldsItsProducerBackAndKeepsTheOrder) {
  InputGate gate({1}, 1);  // the smallest gate holds two batches
  std::atomic<bool> cancelled{false};
  constexpr int kBatches = 5;
  std::vector<int64_t> waited(kBatches, -1);
  std::atomic<int> pushes{0};
  std::thread producer([&] {
    for (int i = 0; i < kBatches; ++i) {
      waited[i] = gate.push(dataEvent(0, i), cancelled);
      ++pushes;
    }
    gate.push(controlEvent(ChannelEvent::Kind::End, 0), cancelled);
  });
  for (int i = 0; i < 2000 && pushes.load() < 2; ++i) std::this_thread::sleep_for(1ms);
  std::this_thread::sleep_for(50ms);
  EXPECT_EQ(pushes.load(), 2);  // the third waits for room
  std::vector<int64_t> tags;
  while (true) {
    InputGate::Next next = gate.next(2s);
    ASSERT_NE(next.kind, Kind::Timeout);
    if (next.kind == Kind::End) break;
    if (next.kind != Kind::Data) continue;
    tags.push_back(next.batch->column(0).values<int64_t>()[0]);
    std::this_thread::sleep_for(20ms);  // a slow consumer: the producer keeps waiting
  }
  producer.join();
  EXPECT_EQ(tags, (std::vector<int64_t>{0, 1, 2, 3, 4}));
  EXPECT_EQ(waited[0], 0);
  EXPECT_EQ(waited[1], 0);
  EXPECT_GE(waited[2], std::chrono::nanoseconds(10ms).count());  // until the first pop
  EXPECT_GT(waited[3], 0);
  EXPECT_GT(waited[4], 0);
}

TEST(InputGate, ControlEventsNeverWait) {
  InputGate gate({1}, 1);
  std::atomic<bool> cancelled{false};
  EXPECT_EQ(gate.push(dataEvent(0, 0), cancelled), 0);
  EXPECT_EQ(gate.push(dataEvent(0, 1), cancelled), 0);
  // Full: a watermark and the end still go in at once (the test would hang otherwise).
  EXPECT_EQ(gate.push(controlEvent(ChannelEvent::Kind::Watermark, 0, 3), cancelled), 0);
  EXPECT_EQ(gate.push(controlEvent(ChannelEvent::Kind::End, 0), cancelled), 0);
  EXPECT_EQ(drain(gate), (Seen{"D0:0", "D0:1", "W3", kEndOfTime, "End"}));
}

TEST(InputGate, AHugeBufferOptionDoesNotOverflowTheCapacity) {
  InputGate gate({4}, INT_MAX / 2);
  std::atomic<bool> cancelled{true};  // a push that would wait drops its batch instead
  for (int i = 0; i < 3; ++i) gate.push(dataEvent(0, i), cancelled);
  EXPECT_EQ(drain(gate), (Seen{"D0:0", "D0:1", "D0:2"}));
}

TEST(InputGate, ABlockedPushReturnsWhenCancelled) {
  InputGate gate({1}, 1);
  std::atomic<bool> cancelled{false};
  gate.push(dataEvent(0, 0), cancelled);
  gate.push(dataEvent(0, 1), cancelled);
  auto blocked =
      std::async(std::launch::async, [&] { return gate.push(dataEvent(0, 2), cancelled); });
  EXPECT_EQ(blocked.wait_for(30ms), std::future_status::timeout);
  cancelled = true;  // the consumer failed: it will never pop again
  ASSERT_EQ(blocked.wait_for(5s), std::future_status::ready);
  EXPECT_GT(blocked.get(), 0);
  EXPECT_EQ(drain(gate), (Seen{"D0:0", "D0:1"}));  // the cancelled batch was not queued
}

// ---- Exchange output ----

std::vector<DataType> keyTextTypes() {
  return {DataType::bigInt(), DataType::string()};
}

artifact::Node exchangeNode(artifact::Distribution distribution, std::vector<int> keys = {}) {
  artifact::Node node;
  node.kind = artifact::NodeKind::Exchange;
  node.schema = {{"k", DataType::bigInt()}, {"s", DataType::string()}};
  node.distribution = distribution;
  node.keys = std::move(keys);
  return node;
}

// One consumer instance per gate, each reading `producers` channels of one input.
struct Consumers {
  Consumers(int count, int producers, int bufferedBatches = 64) {
    for (int i = 0; i < count; ++i) {
      gates.push_back(std::make_unique<InputGate>(std::vector<int>{producers}, bufferedBatches));
    }
  }
  std::vector<ExchangeOutput::Target> targetsOf(int producer) const {
    std::vector<ExchangeOutput::Target> targets;
    for (const auto& gate : gates) targets.push_back({gate.get(), gate->channelOf(0, producer)});
    return targets;
  }
  std::vector<std::unique_ptr<InputGate>> gates;
};

struct Output {
  Output(const artifact::Node& node, const Consumers& consumers, int subtask, int batchSize,
         int64_t maxLatencyMicros = 1'000'000)
      : metrics(std::make_shared<OperatorMetrics>()),
        output(node, subtask, consumers.targetsOf(subtask), batchSize, maxLatencyMicros, metrics,
               cancelled) {}
  std::atomic<bool> cancelled{false};
  std::shared_ptr<OperatorMetrics> metrics;
  ExchangeOutput output;
};

struct ReceivedRow {
  int64_t key = 0;
  bool keyIsNull = false;
  std::string text;
  RowKind kind = RowKind::Insert;
};

// What one gate received: the rows of every batch, the batch sizes, and the other events.
struct Received {
  std::vector<ReceivedRow> rows;
  std::vector<int> batchSizes;
  Seen events;  // "D<rows>", "W<watermark>", "Idle", "Active", "End"
};

Received receive(InputGate& gate) {
  Received received;
  while (true) {
    InputGate::Next next = gate.next(0us);
    if (next.kind == Kind::Timeout) return received;
    switch (next.kind) {
      case Kind::Data: {
        const Batch& batch = *next.batch;
        received.batchSizes.push_back(batch.size());
        received.events.push_back("D" + std::to_string(batch.size()));
        for (int row = 0; row < batch.size(); ++row) {
          received.rows.push_back(
              {batch.column(0).values<int64_t>()[row], batch.column(0).isNull(row),
               std::string(batch.column(1).values<StringRef>()[row].view()), batch.rowKind(row)});
        }
        break;
      }
      case Kind::Watermark: received.events.push_back("W" + std::to_string(next.watermark)); break;
      case Kind::Idle: received.events.push_back("Idle"); break;
      case Kind::Active: received.events.push_back("Active"); break;
      case Kind::End: received.events.push_back("End"); return received;
      case Kind::Timeout: break;
    }
  }
}

// Row i: key keyOf(i), a text naming the row (long past the inline limit for odd rows), and a
// row kind cycling through all four.
std::string textOf(int row) {
  return row % 2 == 0 ? "r" + std::to_string(row) : "a long string for row " + std::to_string(row);
}

constexpr int64_t kNullKey = 424242;  // stands for NULL in the key column

BatchPtr makeRows(int first, int count, int64_t (*keyOf)(int)) {
  auto batch = std::make_unique<Batch>(keyTextTypes(), count);
  for (int k = 0; k < count; ++k) {
    const int row = first + k;
    const int64_t key = keyOf(row);
    batch->column(0).setNull(k, key == kNullKey);
    batch->column(0).values<int64_t>()[k] = key;
    batch->column(1).setNull(k, false);
    batch->column(1).values<StringRef>()[k] = batch->arena().copy(textOf(row));
    batch->rowKinds()[k] = static_cast<RowKind>(row % 4);
  }
  batch->setSize(count);
  return batch;
}

// 23 keys: the extremes, NULL and -8..11.
int64_t smallKeys(int row) {
  switch (row % 23) {
    case 0: return INT64_MIN;
    case 1: return INT64_MAX;
    case 2: return kNullKey;
    default: return row % 23 - 11;
  }
}

int rowOf(const std::string& text) {
  return std::stoi(text.substr(text.find_last_not_of("0123456789") + 1));
}

TEST(ExchangeOutput, HashSendsEveryRowOnceAndEveryRowOfAKeyToOneInstance) {
  Consumers consumers(4, 2);
  const artifact::Node node = exchangeNode(artifact::Distribution::Hash, {0});
  Output first(node, consumers, 0, 64);
  Output second(node, consumers, 1, 64);
  constexpr int kRows = 1000;
  // Two producers, several batches each; every source batch is gone before the rows are read.
  for (int start = 0; start < kRows; start += 250) {
    Output& producer = (start / 250) % 2 == 0 ? first : second;
    BatchPtr batch = makeRows(start, 250, smallKeys);
    producer.output.write(*batch);
    batch->clear();
    batch.reset();
  }
  first.output.finish();
  second.output.finish();

  std::vector<int> seenRows(kRows, 0);
  std::map<std::pair<bool, int64_t>, std::set<int>> instancesOfKey;
  for (int instance = 0; instance < 4; ++instance) {
    const Received received = receive(*consumers.gates[instance]);
    ASSERT_FALSE(received.events.empty());
    EXPECT_EQ(received.events.back(), "End");
    for (int size : received.batchSizes) EXPECT_LE(size, 64);
    for (const ReceivedRow& row : received.rows) {
      const int index = rowOf(row.text);
      ASSERT_GE(index, 0);
      ASSERT_LT(index, kRows);
      ++seenRows[index];
      EXPECT_EQ(row.text, textOf(index));
      EXPECT_EQ(row.kind, static_cast<RowKind>(index % 4));
      EXPECT_EQ(row.keyIsNull, smallKeys(index) == kNullKey);
      if (!row.keyIsNull) {
        EXPECT_EQ(row.key, smallKeys(index));
      }
      instancesOfKey[{row.keyIsNull, row.keyIsNull ? 0 : row.key}].insert(instance);
    }
  }
  for (int row = 0; row < kRows; ++row) EXPECT_EQ(seenRows[row], 1) << "row " << row;
  EXPECT_EQ(instancesOfKey.size(), 23u);
  std::set<int> used;
  for (const auto& [key, instances] : instancesOfKey) {
    EXPECT_EQ(instances.size(), 1u) << "key " << key.second << (key.first ? " (NULL)" : "");
    used.insert(instances.begin(), instances.end());
  }
  EXPECT_GT(used.size(), 1u);  // 23 keys over 4 instances do not all land on one
  EXPECT_EQ(first.metrics->rowsIn.load() + second.metrics->rowsIn.load(), kRows);
  EXPECT_EQ(first.metrics->rowsOut.load() + second.metrics->rowsOut.load(), kRows);
}

// Every producer instance of `consumers`, so that the gates can end.
std::vector<std::unique_ptr<Output>> producersOf(const artifact::Node& node,
                                                 const Consumers& consumers, int count,
                                                 int batchSize) {
  std::vector<std::unique_ptr<Output>> producers;
  producers.reserve(count);
  for (int subtask = 0; subtask < count; ++subtask) {
    producers.push_back(std::make_unique<Output>(node, consumers, subtask, batchSize));
  }
  return producers;
}

TEST(ExchangeOutput, ForwardSendsToTheSameInstanceIndex) {
  Consumers consumers(3, 3);
  const artifact::Node node = exchangeNode(artifact::Distribution::Forward);
  auto producers = producersOf(node, consumers, 3, 100);
  producers[1]->output.write(*makeRows(0, 10, smallKeys));
  for (auto& producer : producers) producer->output.finish();
  EXPECT_EQ(receive(*consumers.gates[0]).events, (Seen{kEndOfTime, "End"}));
  EXPECT_EQ(receive(*consumers.gates[1]).events, (Seen{"D10", kEndOfTime, "End"}));
  EXPECT_EQ(receive(*consumers.gates[2]).events, (Seen{kEndOfTime, "End"}));
}

TEST(ExchangeOutput, SingleSendsEverythingToInstanceZero) {
  Consumers consumers(3, 3);
  const artifact::Node node = exchangeNode(artifact::Distribution::Single);
  auto producers = producersOf(node, consumers, 3, 100);
  producers[2]->output.write(*makeRows(0, 10, smallKeys));
  producers[2]->output.write(*makeRows(10, 5, smallKeys));
  for (auto& producer : producers) producer->output.finish();
  EXPECT_EQ(receive(*consumers.gates[0]).events, (Seen{"D15", kEndOfTime, "End"}));
  EXPECT_EQ(receive(*consumers.gates[1]).events, (Seen{kEndOfTime, "End"}));
  EXPECT_EQ(receive(*consumers.gates[2]).events, (Seen{kEndOfTime, "End"}));
}

TEST(ExchangeOutput, RebalanceDealsBatchesRoundRobinFromTheSubtasksOwnStart) {
  Consumers consumers(3, 2);
  const artifact::Node node = exchangeNode(artifact::Distribution::Rebalance);
  auto producers = producersOf(node, consumers, 2, 100);
  for (int size = 1; size <= 4; ++size) {
    producers[1]->output.write(*makeRows(0, size, smallKeys));
    producers[1]->output.watermark(size);  // sends each batch on its own
  }
  for (auto& producer : producers) producer->output.finish();
  auto dataOf = [](const Received& received) {
    Seen data;
    for (const std::string& event : received.events) {
      if (event[0] == 'D') data.push_back(event);
    }
    return data;
  };
  EXPECT_EQ(dataOf(receive(*consumers.gates[0])), Seen{"D3"});
  EXPECT_EQ(dataOf(receive(*consumers.gates[1])), (Seen{"D1", "D4"}));
  EXPECT_EQ(dataOf(receive(*consumers.gates[2])), Seen{"D2"});
}

TEST(ExchangeOutput, BroadcastSendsEveryRowToEveryInstance) {
  Consumers consumers(3, 1);
  const artifact::Node node = exchangeNode(artifact::Distribution::Broadcast);
  Output producer(node, consumers, 0, 100);
  producer.output.write(*makeRows(0, 7, smallKeys));
  producer.output.finish();
  for (const auto& gate : consumers.gates) {
    const Received received = receive(*gate);
    EXPECT_EQ(received.events, (Seen{"D7", kEndOfTime, "End"}));
    for (int row = 0; row < 7; ++row) EXPECT_EQ(received.rows[row].text, textOf(row));
  }
}

TEST(ExchangeOutput, BatchesAreSentWhenFullAndTheRestAtFinish) {
  Consumers consumers(1, 1);
  const artifact::Node node = exchangeNode(artifact::Distribution::Forward);
  Output producer(node, consumers, 0, 4);
  producer.output.write(*makeRows(0, 10, smallKeys));
  EXPECT_EQ(receive(*consumers.gates[0]).events, (Seen{"D4", "D4"}));
  producer.output.write(*makeRows(10, 1, smallKeys));
  producer.output.finish();
  const Received rest = receive(*consumers.gates[0]);
  EXPECT_EQ(rest.events, (Seen{"D3", kEndOfTime, "End"}));
  EXPECT_EQ(rest.rows.back().text, textOf(10));
  EXPECT_EQ(producer.metrics->batches.load(), 3);
}

TEST(ExchangeOutput, APartialBatchIsSentOnlyAfterTheMaximumLatency) {
  Consumers consumers(1, 1);
  constexpr auto kLatency = 20ms;
  const artifact::Node node = exchangeNode(artifact::Distribution::Forward);
  Output producer(node, consumers, 0, 100, std::chrono::microseconds(kLatency).count());
  const auto written = std::chrono::steady_clock::now();
  producer.output.write(*makeRows(0, 3, smallKeys));
  producer.output.flushIfDue();
  const Received early = receive(*consumers.gates[0]);
  if (std::chrono::steady_clock::now() - written < kLatency) {
    EXPECT_EQ(early.events, Seen{});
  }
  std::this_thread::sleep_for(kLatency + 5ms);
  producer.output.flushIfDue();
  Seen events = early.events;
  for (const std::string& event : receive(*consumers.gates[0]).events) events.push_back(event);
  EXPECT_EQ(events, Seen{"D3"});
  producer.output.flushIfDue();  // nothing buffered: nothing sent
  EXPECT_EQ(receive(*consumers.gates[0]).events, Seen{});
}

TEST(ExchangeOutput, BufferedRowsGoBeforeTheWatermark) {
  Consumers consumers(2, 1);
  const artifact::Node node = exchangeNode(artifact::Distribution::Hash, {0});
  Output producer(node, consumers, 0, 1000);
  BatchPtr batch = makeRows(0, 40, smallKeys);
  producer.output.write(*batch);
  producer.output.watermark(100);
  producer.output.write(*batch);
  producer.output.watermark(200);
  // Per instance: the rows of the first write, W100, the rows of the second, W200.
  int rowsBefore100 = 0;
  int rowsBefore200 = 0;
  for (const auto& gate : consumers.gates) {
    const Received received = receive(*gate);
    int* rows = &rowsBefore100;
    Seen watermarks;
    for (const std::string& event : received.events) {
      if (event[0] == 'D') {
        *rows += std::stoi(event.substr(1));
        continue;
      }
      watermarks.push_back(event);
      rows = &rowsBefore200;
    }
    EXPECT_EQ(watermarks, (Seen{"W100", "W200"}));
    EXPECT_EQ(received.events.back(), "W200");
  }
  EXPECT_EQ(rowsBefore100, 40);
  EXPECT_EQ(rowsBefore200, 40);
  EXPECT_EQ(producer.metrics->watermarkMicros.load(), 200);
}

TEST(ExchangeOutput, IdleAndActiveReachEveryInstance) {
  Consumers consumers(2, 1);
  const artifact::Node node = exchangeNode(artifact::Distribution::Rebalance);
  Output producer(node, consumers, 0, 100);
  producer.output.idle(true);
  producer.output.idle(true);  // once is enough
  for (const auto& gate : consumers.gates) EXPECT_EQ(receive(*gate).events, Seen{"Idle"});
  producer.output.write(*makeRows(0, 2, smallKeys));  // rows make the producer active again
  producer.output.finish();
  EXPECT_EQ(receive(*consumers.gates[0]).events, (Seen{"Active", "D2", kEndOfTime, "End"}));
  EXPECT_EQ(receive(*consumers.gates[1]).events, (Seen{"Active", kEndOfTime, "End"}));
}

TEST(ExchangeOutput, FinishSendsTheEndToEveryInstance) {
  Consumers consumers(3, 2);
  const artifact::Node node = exchangeNode(artifact::Distribution::Hash, {0});
  Output first(node, consumers, 0, 100);
  Output second(node, consumers, 1, 100);
  first.output.finish();
  for (const auto& gate : consumers.gates) EXPECT_EQ(receive(*gate).events, Seen{});  // one left
  second.output.finish();
  for (const auto& gate : consumers.gates) {
    EXPECT_EQ(receive(*gate).events, (Seen{kEndOfTime, "End"}));
  }
}

// Producers and consumers on their own threads with small gates, so producers keep waiting for
// room: nothing is lost or duplicated, a key stays on one instance, each producer's rows reach
// an instance in the order they were written, watermarks only rise, and everything ends.
TEST(ExchangeOutput, ProducersAndConsumersOnTheirOwnThreads) {
  constexpr int kProducers = 3;
  constexpr int kConsumers = 4;
  constexpr int kRowsPerProducer = 34'000;
  constexpr int kBatch = 1000;
  constexpr int64_t kKeys = 997;
  const artifact::Node node = exchangeNode(artifact::Distribution::Hash, {0});
  Consumers consumers(kConsumers, kProducers, 2);
  std::atomic<bool> cancelled{false};

  struct Tally {
    int64_t rows = 0;
    std::map<int64_t, int64_t> rowsPerKey;
    bool ordered = true;
    bool watermarksRise = true;
    bool ended = false;
    int64_t lastWatermark = INT64_MIN;
  };
  std::vector<Tally> tallies(kConsumers);
  std::vector<std::thread> threads;
  threads.reserve(kConsumers + kProducers);
  for (int c = 0; c < kConsumers; ++c) {
    threads.emplace_back([&, c] {
      Tally& tally = tallies[c];
      std::vector<int64_t> lastSequence(kProducers, -1);
      while (!cancelled.load()) {
        InputGate::Next next = consumers.gates[c]->next(10ms);
        if (next.kind == Kind::End) {
          tally.ended = true;
          return;
        }
        if (next.kind == Kind::Watermark) {
          tally.watermarksRise = tally.watermarksRise && next.watermark > tally.lastWatermark;
          tally.lastWatermark = next.watermark;
        }
        if (next.kind != Kind::Data) continue;
        const Batch& batch = *next.batch;
        for (int row = 0; row < batch.size(); ++row) {
          ++tally.rows;
          ++tally.rowsPerKey[batch.column(0).values<int64_t>()[row]];
          // "<producer>:<sequence>", long enough to live in the producer's arena.
          const std::string text(batch.column(1).values<StringRef>()[row].view());
          const int producer = std::stoi(text.substr(0, text.find(':')));
          const int64_t sequence = std::stoll(text.substr(text.find(':') + 1));
          tally.ordered = tally.ordered && sequence > lastSequence[producer];
          lastSequence[producer] = sequence;
        }
      }
    });
  }
  for (int p = 0; p < kProducers; ++p) {
    threads.emplace_back([&, p] {
      auto metrics = std::make_shared<OperatorMetrics>();
      ExchangeOutput output(node, p, consumers.targetsOf(p), 256, 1000, metrics, cancelled);
      for (int start = 0; start < kRowsPerProducer && !cancelled.load(); start += kBatch) {
        Batch batch(keyTextTypes(), kBatch);
        for (int k = 0; k < kBatch; ++k) {
          const int64_t sequence = start + k;
          batch.column(0).setNull(k, false);
          batch.column(0).values<int64_t>()[k] = (sequence * 7919 + p) % kKeys;
          batch.column(1).setNull(k, false);
          batch.column(1).values<StringRef>()[k] = batch.arena().copy(
              std::to_string(p) + ":" + std::to_string(sequence) + " padding past inline");
        }
        batch.setSize(kBatch);
        output.write(batch);
        output.flushIfDue();
        output.watermark(start / kBatch * 10 + p);
      }
      output.finish();
    });
  }

  // A guard instead of a hang: on timeout, cancelling releases every waiting thread.
  auto allDone = std::async(std::launch::async, [&] {
    for (std::thread& thread : threads) thread.join();
  });
  if (allDone.wait_for(120s) != std::future_status::ready) {
    cancelled = true;
    allDone.wait();
    FAIL() << "producers and consumers did not finish within 120 s";
  }

  int64_t total = 0;
  std::map<int64_t, std::set<int>> instancesOfKey;
  std::map<int64_t, int64_t> rowsPerKey;
  for (int c = 0; c < kConsumers; ++c) {
    const Tally& tally = tallies[c];
    EXPECT_TRUE(tally.ended) << "consumer " << c;
    EXPECT_TRUE(tally.ordered) << "consumer " << c;
    EXPECT_TRUE(tally.watermarksRise) << "consumer " << c;
    total += tally.rows;
    for (const auto& [key, rows] : tally.rowsPerKey) {
      instancesOfKey[key].insert(c);
      rowsPerKey[key] += rows;
    }
  }
  EXPECT_EQ(total, int64_t{kProducers} * kRowsPerProducer);
  EXPECT_EQ(instancesOfKey.size(), static_cast<size_t>(kKeys));
  for (const auto& [key, instances] : instancesOfKey) EXPECT_EQ(instances.size(), 1u) << key;
  // Every producer writes each key the same number of times, give or take one.
  for (const auto& [key, rows] : rowsPerKey) {
    EXPECT_NEAR(rows, double(kProducers) * kRowsPerProducer / kKeys, kProducers) << key;
  }
}

}  // namespace
}  // namespace sluice::runtime
