// What an operator author relies on from keyed state: each key sees only its own data, sorted
// maps iterate in SQL order and cut ranges cleanly, TTL hides and drops old entries, the
// statistics follow the data, and a snapshot restores everything.
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "runtime/state/in_memory_state_backend.h"
#include "runtime/state/key_encoding.h"
#include "runtime/state/state_backend_factory.h"
#include "runtime/state/timer_service.h"

namespace sluice::runtime {
namespace {

std::string timeKey(int64_t timestamp) {
  return KeyEncoder().appendInt64(timestamp).take();
}

int64_t timeOf(std::string_view key) {
  return KeyDecoder(key).readInt64();
}

std::vector<std::pair<std::string, std::string>> entriesOf(MapState& state) {
  std::vector<std::pair<std::string, std::string>> entries;
  state.forEach([&](std::string_view userKey, std::string_view value) {
    entries.emplace_back(userKey, value);
    return Visit::Continue;
  });
  std::sort(entries.begin(), entries.end());
  return entries;
}

std::vector<int64_t> timestampsOf(SortedMapState& state) {
  std::vector<int64_t> timestamps;
  state.forEach([&](std::string_view userKey, std::string_view) {
    timestamps.push_back(timeOf(userKey));
    return Visit::Continue;
  });
  return timestamps;
}

std::vector<std::string> sorted(std::vector<std::string> values) {
  std::sort(values.begin(), values.end());
  return values;
}

// A backend with a clock the test moves by hand.
struct ManualClockBackend {
  int64_t now = 1'000;
  InMemoryStateBackend backend{[this] { return now; }};
};

TEST(KeyedState, ValueStateIsIsolatedPerKey) {
  InMemoryStateBackend backend;
  ValueState& count = backend.valueState("count");
  backend.setCurrentKey("alice");
  EXPECT_FALSE(count.get().has_value());
  count.put("1");
  backend.setCurrentKey("bob");
  EXPECT_FALSE(count.get().has_value());
  count.put("7");
  backend.setCurrentKey("alice");
  EXPECT_EQ(count.get(), "1");
  count.put("2");
  count.clear();
  EXPECT_FALSE(count.get().has_value());
  backend.setCurrentKey("bob");
  EXPECT_EQ(count.get(), "7");
  EXPECT_EQ(count.keys(), std::vector<std::string>{"bob"});
}

TEST(KeyedState, SameNameReturnsTheSameStateAndAnotherKindIsRefused) {
  InMemoryStateBackend backend;
  ValueState& first = backend.valueState("acc");
  EXPECT_EQ(&first, &backend.valueState("acc"));
  EXPECT_NE(static_cast<KeyedState*>(&first), &backend.mapState("other"));
  try {
    backend.mapState("acc");
    FAIL() << "expected a StateError";
  } catch (const StateError& error) {
    EXPECT_STREQ(error.what(), "state 'acc' is a ValueState, not a MapState");
  }
}

TEST(KeyedState, MapStateGetPutRemoveAndIterateTheCurrentKeyOnly) {
  InMemoryStateBackend backend;
  MapState& rows = backend.mapState("rows");
  backend.setCurrentKey("k1");
  EXPECT_TRUE(rows.isEmpty());
  rows.put("r1", "x");
  rows.put("r2", "y");
  rows.put("r1", "x2");
  backend.setCurrentKey("k2");
  rows.put("r9", "z");
  EXPECT_FALSE(rows.contains("r1"));

  backend.setCurrentKey("k1");
  EXPECT_TRUE(rows.contains("r1"));
  EXPECT_EQ(rows.get("r1"), "x2");
  EXPECT_FALSE(rows.get("r9").has_value());
  using Entries = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(entriesOf(rows), (Entries{{"r1", "x2"}, {"r2", "y"}}));
  rows.remove("r1");
  rows.remove("missing");
  EXPECT_EQ(entriesOf(rows), (Entries{{"r2", "y"}}));
  rows.clear();
  EXPECT_TRUE(rows.isEmpty());
  EXPECT_EQ(rows.keys(), std::vector<std::string>{"k2"});
  backend.setCurrentKey("k2");
  EXPECT_EQ(entriesOf(rows), (Entries{{"r9", "z"}}));
}

TEST(KeyedState, KeysCanBeWalkedWhileTheStateIsModified) {
  InMemoryStateBackend backend;
  ValueState& last = backend.valueState("last");
  for (const char* key : {"a", "b", "c"}) {
    backend.setCurrentKey(key);
    last.put(key);
  }
  EXPECT_EQ(sorted(last.keys()), (std::vector<std::string>{"a", "b", "c"}));
  // A global cleanup: visit every key and clear it.
  for (const std::string& key : last.keys()) {
    backend.setCurrentKey(key);
    last.clear();
  }
  EXPECT_TRUE(last.keys().empty());
}

TEST(SortedMapState, IteratesInSqlOrderOfEncodedKeys) {
  InMemoryStateBackend backend;
  SortedMapState& buffer = backend.sortedMapState("buffer");
  backend.setCurrentKey("k");
  for (int64_t ts : {5, -3, 1'000, 0, -1'000'000, 42}) buffer.put(timeKey(ts), "row");
  EXPECT_EQ(timestampsOf(buffer), (std::vector<int64_t>{-1'000'000, -3, 0, 5, 42, 1'000}));
  EXPECT_EQ(timeOf(buffer.firstEntry()->userKey), -1'000'000);
  EXPECT_EQ(timeOf(buffer.lastEntry()->userKey), 1'000);

  SortedMapState& names = backend.sortedMapState("names");
  for (const char* name : {"bob", "al", "alice", "", "Zed"}) {
    names.put(KeyEncoder().appendString(name).take(), name);
  }
  std::vector<std::string> order;
  names.forEach([&](std::string_view, std::string_view value) {
    order.emplace_back(value);
    return Visit::Continue;
  });
  EXPECT_EQ(order, (std::vector<std::string>{"", "Zed", "al", "alice", "bob"}));
}

TEST(SortedMapState, RangeScanStopsEarlyAndRespectsBounds) {
  InMemoryStateBackend backend;
  SortedMapState& buffer = backend.sortedMapState("buffer");
  backend.setCurrentKey("k");
  for (int64_t ts = -5; ts <= 5; ++ts) buffer.put(timeKey(ts), std::to_string(ts));

  std::vector<std::string> seen;
  buffer.forEachInRange(timeKey(-2), timeKey(3), [&](std::string_view, std::string_view value) {
    seen.emplace_back(value);
    return Visit::Continue;
  });
  EXPECT_EQ(seen, (std::vector<std::string>{"-2", "-1", "0", "1", "2"}));

  seen.clear();
  buffer.forEachInRange(timeKey(4), std::nullopt, [&](std::string_view, std::string_view value) {
    seen.emplace_back(value);
    return Visit::Continue;
  });
  EXPECT_EQ(seen, (std::vector<std::string>{"4", "5"}));

  seen.clear();  // TopN: the first three only
  buffer.forEach([&](std::string_view, std::string_view value) {
    seen.emplace_back(value);
    return seen.size() == 3 ? Visit::Stop : Visit::Continue;
  });
  EXPECT_EQ(seen, (std::vector<std::string>{"-5", "-4", "-3"}));

  seen.clear();
  buffer.forEachInRange(timeKey(3), timeKey(3), [&](std::string_view, std::string_view value) {
    seen.emplace_back(value);
    return Visit::Continue;
  });
  EXPECT_TRUE(seen.empty());
}

TEST(SortedMapState, RemovesRangesAndEverythingBeforeABound) {
  InMemoryStateBackend backend;
  SortedMapState& buffer = backend.sortedMapState("buffer");
  backend.setCurrentKey("k");
  // Composite user keys (timestamp, sequence), as a multiset of rows per timestamp.
  int64_t sequence = 0;
  for (int64_t ts : {-10, -1, 0, 7, 7, 20}) {
    buffer.put(KeyEncoder().appendInt64(ts).appendInt64(sequence++).take(), "row");
  }
  // The watermark reached 0: drop every row with ts <= 0.
  buffer.removeBefore(timeKey(1));
  EXPECT_EQ(timestampsOf(buffer), (std::vector<int64_t>{7, 7, 20}));

  buffer.removeRange(timeKey(7), timeKey(8));
  EXPECT_EQ(timestampsOf(buffer), (std::vector<int64_t>{20}));

  buffer.removeRange({}, std::nullopt);
  EXPECT_TRUE(buffer.isEmpty());
  EXPECT_FALSE(buffer.firstEntry().has_value());
  EXPECT_TRUE(buffer.keys().empty());
  EXPECT_EQ(buffer.statistics().entries, 0);
  EXPECT_EQ(buffer.statistics().keys, 0);
}

TEST(StateTtl, ExpiredEntriesReadAsAbsentAndWritesRefreshTheirTtl) {
  ManualClockBackend clocked;
  InMemoryStateBackend& backend = clocked.backend;
  ValueState& last = backend.valueState("last", /*ttlMillis=*/100);
  backend.setCurrentKey("k");
  last.put("v1");  // expires at 1100
  clocked.now = 1'050;
  last.put("v2");  // a write refreshes: expires at 1150
  clocked.now = 1'149;
  EXPECT_EQ(last.get(), "v2");  // a read does not refresh
  clocked.now = 1'150;
  EXPECT_FALSE(last.get().has_value());
  EXPECT_EQ(last.statistics().entries, 0);  // dropped when read
  EXPECT_TRUE(last.keys().empty());
}

TEST(StateTtl, MapEntriesExpireOneByOneAndAreSkippedByIteration) {
  ManualClockBackend clocked;
  InMemoryStateBackend& backend = clocked.backend;
  SortedMapState& buffer = backend.sortedMapState("buffer", /*ttlMillis=*/10);
  backend.setCurrentKey("k");
  buffer.put(timeKey(1), "old");
  clocked.now += 5;
  buffer.put(timeKey(2), "new");
  clocked.now += 5;  // "old" expires now, "new" in 5 ms
  EXPECT_FALSE(buffer.contains(timeKey(1)));
  EXPECT_EQ(timestampsOf(buffer), std::vector<int64_t>{2});
  EXPECT_EQ(timeOf(buffer.firstEntry()->userKey), 2);
  EXPECT_FALSE(buffer.isEmpty());
  clocked.now += 5;
  EXPECT_FALSE(buffer.lastEntry().has_value());
  EXPECT_TRUE(buffer.isEmpty());
}

TEST(StateTtl, PurgeDropsExpiredEntriesOfKeysNeverReadAgain) {
  ManualClockBackend clocked;
  InMemoryStateBackend& backend = clocked.backend;
  MapState& seen = backend.mapState("seen", /*ttlMillis=*/60'000);
  ValueState& kept = backend.valueState("kept");  // no TTL
  for (int i = 0; i < 10; ++i) {
    backend.setCurrentKey("key" + std::to_string(i));
    seen.put("x", "1");
    kept.put("1");
  }
  EXPECT_EQ(seen.statistics().entries, 10);
  clocked.now += 60'000;
  EXPECT_TRUE(seen.keys().empty());  // expired already reads as absent
  backend.purgeExpired();
  EXPECT_EQ(seen.statistics().entries, 0);
  EXPECT_EQ(seen.statistics().keys, 0);
  EXPECT_EQ(seen.statistics().approximateBytes, 0);
  EXPECT_EQ(kept.statistics().entries, 10);
}

TEST(StateStatistics, FollowPutsOverwritesAndRemovals) {
  InMemoryStateBackend backend;
  MapState& rows = backend.mapState("rows");
  ValueState& count = backend.valueState("count");
  backend.setCurrentKey("k1");
  rows.put("a", "1");
  rows.put("b", "22");
  const int64_t twoEntries = rows.statistics().approximateBytes;
  rows.put("b", "2222");
  EXPECT_EQ(rows.statistics().approximateBytes, twoEntries + 2);
  backend.setCurrentKey("k2");
  rows.put("a", "1");
  count.put("5");

  const std::vector<StateStatistics> all = backend.statistics();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].name, "count");
  EXPECT_EQ(all[0].kind, StateKind::Value);
  EXPECT_EQ(all[0].keys, 1);
  EXPECT_EQ(all[0].entries, 1);
  EXPECT_EQ(all[1].name, "rows");
  EXPECT_EQ(all[1].keys, 2);
  EXPECT_EQ(all[1].entries, 3);
  EXPECT_GT(all[1].approximateBytes, all[0].approximateBytes);

  rows.clear();
  backend.setCurrentKey("k1");
  rows.remove("a");
  rows.remove("b");
  count.clear();  // nothing for k1: no change
  EXPECT_EQ(rows.statistics().keys, 0);
  EXPECT_EQ(rows.statistics().entries, 0);
  EXPECT_EQ(rows.statistics().approximateBytes, 0);
  EXPECT_EQ(count.statistics().entries, 1);
}

TEST(StateSnapshot, RoundTripRestoresStatesTtlAndTimers) {
  ManualClockBackend original;
  InMemoryStateBackend& backend = original.backend;
  ValueState& count = backend.valueState("count");
  MapState& rows = backend.mapState("rows", /*ttlMillis=*/500);
  SortedMapState& buffer = backend.sortedMapState("buffer");
  for (const std::string& key : std::vector<std::string>{"a", std::string("b\0b", 3), ""}) {
    backend.setCurrentKey(key);
    count.put("n:" + key);
    rows.put("r-" + key, std::string(300, 'x'));
    buffer.put(timeKey(-7), "first");
    buffer.put(timeKey(3), "second");
    backend.timers().registerEventTimeTimer(100, "window");
    backend.timers().registerProcessingTimeTimer(2'000);
  }
  const std::string snapshot = backend.snapshot();

  ManualClockBackend copy;
  copy.now = original.now;
  copy.backend.restore(snapshot);
  copy.backend.setCurrentKey(std::string("b\0b", 3));
  EXPECT_EQ(copy.backend.valueState("count").get(), std::string("n:b\0b", 5));
  MapState& restoredRows = copy.backend.mapState("rows", 500);
  EXPECT_EQ(restoredRows.get(std::string("r-b\0b", 5)), std::string(300, 'x'));
  SortedMapState& restoredBuffer = copy.backend.sortedMapState("buffer");
  EXPECT_EQ(timestampsOf(restoredBuffer), (std::vector<int64_t>{-7, 3}));
  EXPECT_EQ(sorted(restoredBuffer.keys()), sorted(buffer.keys()));

  const auto before = backend.statistics();
  const auto after = copy.backend.statistics();
  ASSERT_EQ(after.size(), before.size());
  for (size_t i = 0; i < before.size(); ++i) {
    EXPECT_EQ(after[i].name, before[i].name);
    EXPECT_EQ(after[i].keys, before[i].keys);
    EXPECT_EQ(after[i].entries, before[i].entries);
    EXPECT_EQ(after[i].approximateBytes, before[i].approximateBytes);
  }

  EXPECT_EQ(copy.backend.timers().eventTimeTimerCount(), 3u);
  EXPECT_EQ(copy.backend.timers().nextProcessingTime(), 2'000);
  std::vector<std::string> fired;
  copy.backend.timers().advanceWatermark(100, [&](const Timer& timer) {
    EXPECT_EQ(timer.ns, "window");
    fired.push_back(timer.key);
  });
  EXPECT_EQ(fired, (std::vector<std::string>{"", "a", std::string("b\0b", 3)}));

  // Expiry times are absolute: the restored entries still expire 500 ms after their write.
  copy.now += 500;
  copy.backend.setCurrentKey("a");
  EXPECT_FALSE(restoredRows.get("r-a").has_value());
}

TEST(StateSnapshot, RestoreKeepsHandlesAndReplacesTheirContents) {
  InMemoryStateBackend source;
  source.setCurrentKey("k");
  source.valueState("count").put("from snapshot");
  const std::string snapshot = source.snapshot();

  InMemoryStateBackend target;
  ValueState& count = target.valueState("count");
  MapState& unrelated = target.mapState("unrelated");
  target.setCurrentKey("k");
  count.put("stale");
  unrelated.put("x", "y");
  target.setCurrentKey("other");
  count.put("stale too");

  target.restore(snapshot);
  target.setCurrentKey("k");
  EXPECT_EQ(count.get(), "from snapshot");
  EXPECT_TRUE(unrelated.isEmpty());
  EXPECT_EQ(count.keys(), std::vector<std::string>{"k"});
  EXPECT_EQ(unrelated.statistics().entries, 0);
}

TEST(StateSnapshot, CorruptOrIncompatibleSnapshotsThrowAndChangeNothing) {
  InMemoryStateBackend source;
  source.setCurrentKey("k");
  source.mapState("acc").put("x", "1");
  source.timers().registerEventTimeTimer(5);
  const std::string snapshot = source.snapshot();

  InMemoryStateBackend target;
  target.setCurrentKey("k");
  MapState& acc = target.mapState("acc");
  acc.put("mine", "2");
  for (size_t cut : {size_t{0}, size_t{3}, size_t{9}, snapshot.size() / 2, snapshot.size() - 1}) {
    EXPECT_THROW(target.restore(snapshot.substr(0, cut)), StateError) << "cut at " << cut;
  }
  EXPECT_THROW(target.restore(snapshot + "x"), StateError);
  EXPECT_EQ(acc.get("mine"), "2");
  EXPECT_EQ(target.timers().eventTimeTimerCount(), 0u);

  InMemoryStateBackend otherKind;
  otherKind.valueState("acc");
  try {
    otherKind.restore(snapshot);
    FAIL() << "expected a StateError";
  } catch (const StateError& error) {
    EXPECT_STREQ(error.what(),
                 "state 'acc' of the snapshot is a MapState, but the operator uses a ValueState");
  }
}

TEST(StateBackendFactory, MakesTheConfiguredBackend) {
  EXPECT_NE(dynamic_cast<InMemoryStateBackend*>(createStateBackend("hashmap").get()), nullptr);
  EXPECT_NE(dynamic_cast<InMemoryStateBackend*>(createStateBackend("HashMap").get()), nullptr);
  EXPECT_NE(createStateBackend(std::map<std::string, std::string>{}), nullptr);
  const std::map<std::string, std::string> legacy = {{"state.backend", "hashmap"}};
  EXPECT_NE(createStateBackend(legacy), nullptr);

  try {
    createStateBackend(std::map<std::string, std::string>{{"state.backend.type", "rocksdb"}});
    FAIL() << "expected a StateError";
  } catch (const StateError& error) {
    EXPECT_STREQ(error.what(), "state.backend.type 'rocksdb' is not available yet");
  }
  try {
    createStateBackend("heap");
    FAIL() << "expected a StateError";
  } catch (const StateError& error) {
    EXPECT_STREQ(error.what(),
                 "unknown state.backend.type 'heap' (expected 'hashmap' or 'rocksdb')");
  }
}

}  // namespace
}  // namespace sluice::runtime
