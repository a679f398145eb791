// The OVER operator over updating input (over_updating_input.cpp) against a brute-force batch
// answer: random inserts, updates and deletes, with ties on the time and duplicate rows, for
// every frame kind; after each change the changelog sent so far must materialize to each
// current row with its aggregates over its frame among the current rows, ordered by (time,
// arrival). A retraction removes the earliest arrived of equal rows.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "runtime/data/value.h"
#include "runtime/operators/operator_factory.h"

namespace sluice::runtime {
namespace {

constexpr int64_t kSecond = 1'000'000;

// Output rows as text, counted: +I / +U add one, -U / -D remove one.
struct Materialize final : Output {
  std::map<std::string, int> rows;
  int changes = 0;
  void emit(Batch& batch) override {
    for (int r = 0; r < batch.size(); ++r) {
      std::string text;
      for (int c = 0; c < batch.columnCount(); ++c) {
        const Value v = readValue(batch.column(c), r);
        text += (v.isNull ? std::string("null") : std::to_string(v.integer)) + " ";
      }
      const RowKind kind = batch.rowKind(r);
      const bool adds = kind == RowKind::Insert || kind == RowKind::UpdateAfter;
      if ((rows[text] += adds ? 1 : -1) == 0) rows.erase(text);
      ++changes;
    }
  }
  void emitWatermark(int64_t) override {}
};

struct InputRow {
  int64_t key, price, seconds, sequence;
};

artifact::AggregateCall call(const std::string& function, std::vector<int> arguments) {
  artifact::AggregateCall c;
  c.function = function;
  c.arguments = std::move(arguments);
  c.type = DataType::bigInt();
  return c;
}

// An OverAggregate over updating (key BIGINT, price BIGINT, ts TIMESTAMP(3)) with SUM(price),
// COUNT(*), MIN(price), MAX(price) appended.
class UpdatingOverHarness {
 public:
  UpdatingOverHarness(bool eventTime, bool rows, int64_t bound) : rows_(rows), bound_(bound) {
    eventTime_ = eventTime;
    node_.kind = artifact::NodeKind::OverAggregate;
    node_.schema = {{"key", DataType::bigInt()},    {"price", DataType::bigInt()},
                    {"ts", DataType::timestamp(3)}, {"s", DataType::bigInt()},
                    {"n", DataType::bigInt()},      {"lo", DataType::bigInt()},
                    {"hi", DataType::bigInt()}};
    node_.keys = {0};
    node_.sortKeys = {artifact::SortKey{2, false, false}};
    node_.eventTime = eventTime;
    node_.rowsFrame = rows;
    node_.precedingBound = rows || bound < 0 ? bound : bound * kSecond;
    node_.inputUpdates = true;
    node_.aggregates = {call("SUM", {1}), call("COUNT", {}), call("MIN", {1}), call("MAX", {1})};
    OperatorContext context;
    context.plan = &plan_;
    context.inputTypes = {DataType::bigInt(), DataType::bigInt(), DataType::timestamp(3)};
    context.batchSize = 3;
    op_ = createStatefulOperator(node_, context);
  }

  void send(const InputRow& row, RowKind kind) {
    Batch batch({DataType::bigInt(), DataType::bigInt(), DataType::timestamp(3)}, 1);
    writeValue(batch.column(0), 0, Value::ofInteger(row.key), batch.arena());
    writeValue(batch.column(1), 0, Value::ofInteger(row.price), batch.arena());
    writeValue(batch.column(2), 0, Value::ofInteger(row.seconds * kSecond), batch.arena());
    batch.rowKinds()[0] = kind;
    batch.setSize(1);
    op_->processBatch(batch, 0, out);
  }

  // The batch answer over `current`, as Materialize counts it.
  std::map<std::string, int> expected(const std::vector<InputRow>& current) const {
    std::map<std::string, int> rows;
    std::map<int64_t, std::vector<InputRow>> partitions;
    for (const InputRow& row : current) partitions[row.key].push_back(row);
    for (auto& [key, part] : partitions) {
      std::sort(part.begin(), part.end(), [&](const InputRow& a, const InputRow& b) {
        const int64_t ta = eventTime_ ? a.seconds : 0, tb = eventTime_ ? b.seconds : 0;
        return ta != tb ? ta < tb : a.sequence < b.sequence;
      });
      for (size_t i = 0; i < part.size(); ++i) {
        int64_t sum = 0, count = 0, lo = INT64_MAX, hi = INT64_MIN;
        for (size_t j = 0; j < part.size(); ++j) {
          bool in;
          if (rows_ || !eventTime_) {
            in = j <= i && (bound_ < 0 || i - j <= static_cast<size_t>(bound_));
          } else {
            in = part[j].seconds <= part[i].seconds &&
                 (bound_ < 0 || part[j].seconds >= part[i].seconds - bound_);
          }
          if (!in) continue;
          sum += part[j].price;
          ++count;
          lo = std::min(lo, part[j].price);
          hi = std::max(hi, part[j].price);
        }
        const InputRow& r = part[i];
        ++rows[std::to_string(r.key) + " " + std::to_string(r.price) + " " +
               std::to_string(r.seconds * kSecond) + " " + std::to_string(sum) + " " +
               std::to_string(count) + " " + std::to_string(lo) + " " + std::to_string(hi) + " "];
      }
    }
    return rows;
  }

  Materialize out;

 private:
  bool rows_;
  int64_t bound_;
  bool eventTime_ = true;
  artifact::JobPlan plan_;
  artifact::Node node_;
  std::unique_ptr<StreamOperator> op_;
};

struct Frame {
  bool eventTime;
  bool rows;
  int64_t bound;  // rows or seconds; -1: UNBOUNDED
};

class UpdatingOverTest : public ::testing::TestWithParam<Frame> {};

TEST_P(UpdatingOverTest, ConvergesToTheBatchAnswerAfterEveryChange) {
  const Frame frame = GetParam();
  UpdatingOverHarness over(frame.eventTime, frame.rows, frame.bound);
  std::mt19937 random(42);
  std::vector<InputRow> current;
  int64_t sequence = 0;
  auto fresh = [&](int64_t key) {
    return InputRow{key, static_cast<int64_t>(random() % 6), static_cast<int64_t>(random() % 8),
                    sequence++};
  };
  for (int step = 0; step < 400; ++step) {
    const unsigned choice = random() % 4;  // the input grows: inserts are twice as likely
    if (current.empty() || choice <= 1) {
      const InputRow row = fresh(static_cast<int64_t>(random() % 3));
      current.push_back(row);
      over.send(row, RowKind::Insert);
    } else {
      // The earliest arrived row equal to a random current one leaves.
      const InputRow picked = current[random() % current.size()];
      auto earliest = current.end();
      for (auto it = current.begin(); it != current.end(); ++it) {
        if (it->key == picked.key && it->price == picked.price && it->seconds == picked.seconds &&
            (earliest == current.end() || it->sequence < earliest->sequence)) {
          earliest = it;
        }
      }
      const InputRow removed = *earliest;
      current.erase(earliest);
      if (choice == 2) {
        over.send(removed, RowKind::Delete);
      } else {  // an update: -U, then +U of a new row of the key
        over.send(removed, RowKind::UpdateBefore);
        const InputRow row = fresh(removed.key);
        current.push_back(row);
        over.send(row, RowKind::UpdateAfter);
      }
    }
    ASSERT_EQ(over.out.rows, over.expected(current)) << "after step " << step;
  }
  EXPECT_GT(current.size(), 10u);
  EXPECT_GT(over.out.changes, 400);
}

INSTANTIATE_TEST_SUITE_P(Frames, UpdatingOverTest,
                         ::testing::Values(Frame{true, true, 2}, Frame{true, true, 0},
                                           Frame{true, true, -1}, Frame{true, false, 2},
                                           Frame{true, false, -1}, Frame{false, true, 3},
                                           Frame{false, true, -1}),
                         [](const ::testing::TestParamInfo<Frame>& info) {
                           const Frame& f = info.param;
                           return std::string(f.eventTime ? "EventTime" : "ProcessingTime") +
                                  (f.rows ? "Rows" : "Range") +
                                  (f.bound < 0 ? "Unbounded" : std::to_string(f.bound));
                         });

}  // namespace
}  // namespace sluice::runtime
