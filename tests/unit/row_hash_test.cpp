// What hash exchanges and hash tables rely on from row hashes: keys that GROUP BY treats as equal
// (NULL and NULL, -0.0 and 0.0, any two NaNs, the same string bytes wherever they live) hash
// equally in every batch, the BIGINT fast path agrees with the per-value path, and only the key
// columns count.
#include "runtime/data/row_hash.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace sluice::runtime {
namespace {

std::vector<uint64_t> hashesOf(const Batch& batch, const std::vector<int>& keys = {}) {
  std::vector<uint64_t> hashes(batch.size());
  hashRows(batch, keys, hashes.data());
  return hashes;
}

// A one-column batch of BIGINT values (nullopt: NULL).
Batch bigints(const std::vector<std::optional<int64_t>>& values) {
  Batch batch({DataType::bigInt()}, static_cast<int>(values.size()));
  Vector& column = batch.column(0);
  for (int row = 0; row < static_cast<int>(values.size()); ++row) {
    column.setNull(row, !values[row]);
    column.values<int64_t>()[row] = values[row].value_or(0);
  }
  batch.setSize(static_cast<int>(values.size()));
  return batch;
}

template <typename T>
Batch floats(const DataType& type, const std::vector<T>& values) {
  Batch batch({type}, static_cast<int>(values.size()));
  for (int row = 0; row < static_cast<int>(values.size()); ++row) {
    batch.column(0).setNull(row, false);
    batch.column(0).values<T>()[row] = values[row];
  }
  batch.setSize(static_cast<int>(values.size()));
  return batch;
}

// A one-column STRING batch whose long strings live in the batch's own arena.
Batch strings(const std::vector<std::string>& values) {
  Batch batch({DataType::string()}, static_cast<int>(values.size()));
  for (int row = 0; row < static_cast<int>(values.size()); ++row) {
    batch.column(0).setNull(row, false);
    batch.column(0).values<StringRef>()[row] = batch.arena().copy(values[row]);
  }
  batch.setSize(static_cast<int>(values.size()));
  return batch;
}

TEST(RowHash, EqualKeysHashEquallyInDifferentBatchesAndPositions) {
  const std::vector<std::string> names = {"a", "a much longer name than twelve", "b", ""};
  const std::vector<int64_t> ids = {7, -3, INT64_MIN, INT64_MAX};
  auto build = [&](const std::vector<int>& order, int capacity) {
    Batch batch({DataType::bigInt(), DataType::string()}, capacity);
    for (int row = 0; row < static_cast<int>(order.size()); ++row) {
      batch.column(0).setNull(row, false);
      batch.column(0).values<int64_t>()[row] = ids[order[row]];
      batch.column(1).setNull(row, false);
      batch.column(1).values<StringRef>()[row] = batch.arena().copy(names[order[row]]);
    }
    batch.setSize(static_cast<int>(order.size()));
    return batch;
  };
  const Batch first = build({0, 1, 2, 3}, 4);
  const Batch second = build({3, 2, 1, 0, 1}, 1024);
  const std::vector<uint64_t> a = hashesOf(first);
  const std::vector<uint64_t> b = hashesOf(second);
  EXPECT_EQ(a[0], b[3]);
  EXPECT_EQ(a[1], b[2]);
  EXPECT_EQ(a[1], b[4]);
  EXPECT_EQ(a[2], b[1]);
  EXPECT_EQ(a[3], b[0]);
  EXPECT_NE(a[0], a[1]);
  EXPECT_NE(a[2], a[3]);
}

TEST(RowHash, NullEqualsNullWhateverTheGarbageUnderIt) {
  Batch batch = bigints({std::nullopt, std::nullopt, 0});
  batch.column(0).values<int64_t>()[1] = 12345;  // a NULL slot's value is not part of the key
  const std::vector<uint64_t> hashes = hashesOf(batch);
  EXPECT_EQ(hashes[0], hashes[1]);
  EXPECT_NE(hashes[0], hashes[2]);

  Batch text = strings({"x", "y", "x"});
  text.column(0).setNull(0, true);
  text.column(0).setNull(1, true);
  const std::vector<uint64_t> textHashes = hashesOf(text);
  EXPECT_EQ(textHashes[0], textHashes[1]);
  EXPECT_NE(textHashes[0], textHashes[2]);

  Batch doubles = floats<double>(DataType::doubleType(), {1.5, 2.5});
  doubles.column(0).setNull(0, true);
  doubles.column(0).setNull(1, true);
  const std::vector<uint64_t> doubleHashes = hashesOf(doubles);
  EXPECT_EQ(doubleHashes[0], doubleHashes[1]);
}

TEST(RowHash, NegativeZeroEqualsZero) {
  const std::vector<uint64_t> doubles =
      hashesOf(floats<double>(DataType::doubleType(), {0.0, -0.0, 1.0}));
  EXPECT_EQ(doubles[0], doubles[1]);
  EXPECT_NE(doubles[0], doubles[2]);
  const std::vector<uint64_t> singles =
      hashesOf(floats<float>(DataType::floatType(), {0.0f, -0.0f}));
  EXPECT_EQ(singles[0], singles[1]);
}

TEST(RowHash, EveryNaNHashesTheSame) {
  uint64_t payloadBits = 0x7ff0000000000001ULL;  // a signalling NaN with a payload
  double payloadNaN;
  std::memcpy(&payloadNaN, &payloadBits, sizeof payloadNaN);
  const double quiet = std::numeric_limits<double>::quiet_NaN();
  const std::vector<uint64_t> doubles =
      hashesOf(floats<double>(DataType::doubleType(), {quiet, -quiet, payloadNaN,
                                                       std::numeric_limits<double>::infinity()}));
  EXPECT_EQ(doubles[0], doubles[1]);
  EXPECT_EQ(doubles[0], doubles[2]);
  EXPECT_NE(doubles[0], doubles[3]);

  uint32_t floatBits = 0xffc00123U;  // a negative NaN with a payload
  float payloadFloat;
  std::memcpy(&payloadFloat, &floatBits, sizeof payloadFloat);
  const std::vector<uint64_t> singles = hashesOf(floats<float>(
      DataType::floatType(), {std::numeric_limits<float>::quiet_NaN(), payloadFloat}));
  EXPECT_EQ(singles[0], singles[1]);
}

TEST(RowHash, StringsHashByContentInlineOrLong) {
  const std::string inlineText = "twelve bytes";  // exactly the inline limit
  const std::string longText = "thirteen byte";   // one past it: lives in an arena
  ASSERT_EQ(inlineText.size(), StringRef::kInlineLimit);
  ASSERT_EQ(longText.size(), StringRef::kInlineLimit + 1);
  const std::vector<std::string> values = {"",   "abc", inlineText, longText, std::string(300, 'z'),
                                           "abd"};
  const Batch first = strings(values);
  const Batch second = strings(values);  // same bytes at different addresses
  ASSERT_NE(first.column(0).values<StringRef>()[3].data(),
            second.column(0).values<StringRef>()[3].data());
  const std::vector<uint64_t> a = hashesOf(first);
  const std::vector<uint64_t> b = hashesOf(second);
  EXPECT_EQ(a, b);
  for (size_t i = 0; i < a.size(); ++i) {
    for (size_t j = i + 1; j < a.size(); ++j)
      EXPECT_NE(a[i], a[j]) << values[i] << " / " << values[j];
  }

  // Bytes past an inline string's length are not part of it.
  Batch padded = strings({"abc"});
  StringRef& ref = padded.column(0).values<StringRef>()[0];
  std::memset(ref.rest.inlined, 'q', sizeof ref.rest.inlined);
  EXPECT_EQ(hashesOf(padded)[0], a[1]);
}

TEST(RowHash, BigintFastPathAgreesWithHashValue) {
  const Batch batch = bigints({0, 1, -1, INT64_MIN, INT64_MAX, std::nullopt, 42});
  const std::vector<uint64_t> hashes = hashesOf(batch);
  for (int row = 0; row < batch.size(); ++row) {
    EXPECT_EQ(hashes[row], hashValue(batch.column(0), row, 0)) << "row " << row;
  }
  EXPECT_NE(hashes[3], hashes[4]);  // INT64_MIN and INT64_MAX
  EXPECT_NE(hashes[0], hashes[5]);  // 0 and NULL

  // The fast path chains into the next key column the same way hashValue does.
  Batch twoKeys({DataType::string(), DataType::bigInt()}, 2);
  for (int row = 0; row < 2; ++row) {
    twoKeys.column(0).setNull(row, false);
    twoKeys.column(0).values<StringRef>()[row] =
        twoKeys.arena().copy("key number " + std::to_string(row));
    twoKeys.column(1).setNull(row, row == 1);
    twoKeys.column(1).values<int64_t>()[row] = INT64_MIN;
  }
  twoKeys.setSize(2);
  const std::vector<uint64_t> chained = hashesOf(twoKeys);
  for (int row = 0; row < 2; ++row) {
    const uint64_t expected =
        hashValue(twoKeys.column(1), row, hashValue(twoKeys.column(0), row, 0));
    EXPECT_EQ(chained[row], expected) << "row " << row;
  }
}

TEST(RowHash, OnlyTheKeyColumnsCountInTheirOrder) {
  Batch batch({DataType::bigInt(), DataType::string(), DataType::integer()}, 3);
  for (int row = 0; row < 3; ++row) {
    for (int c = 0; c < 3; ++c) batch.column(c).setNull(row, false);
    batch.column(0).values<int64_t>()[row] = int64_t{row} * 10;
    batch.column(1).values<StringRef>()[row] = StringRef::of("other " + std::to_string(row));
    batch.column(2).values<int32_t>()[row] = row;
  }
  batch.setSize(3);
  const std::vector<uint64_t> keyed = hashesOf(batch, {2, 0});

  // A batch of just the key columns, in key order, hashes the same.
  Batch keysOnly({DataType::integer(), DataType::bigInt()}, 3);
  for (int row = 0; row < 3; ++row) {
    keysOnly.column(0).setNull(row, false);
    keysOnly.column(0).values<int32_t>()[row] = row;
    keysOnly.column(1).setNull(row, false);
    keysOnly.column(1).values<int64_t>()[row] = int64_t{row} * 10;
  }
  keysOnly.setSize(3);
  EXPECT_EQ(keyed, hashesOf(keysOnly));

  // Changing a column that is not a key changes nothing; the same keys in another order do.
  batch.column(1).values<StringRef>()[0] = StringRef::of("changed");
  EXPECT_EQ(keyed, hashesOf(batch, {2, 0}));
  EXPECT_NE(keyed, hashesOf(batch, {0, 2}));
  // No keys: every column, in column order.
  EXPECT_EQ(hashesOf(batch), hashesOf(batch, {0, 1, 2}));
}

TEST(RowHash, ArraysHashByElementsWhereverTheyAreStored) {
  Batch batch({DataType::array(DataType::bigInt())}, 3);
  Vector& column = batch.column(0);
  Vector& elements = column.children()[0];
  const std::vector<std::vector<int64_t>> arrays = {{5, 6}, {1, 2, 3}, {5, 6}};
  for (int row = 0; row < 3; ++row) {
    const int size = static_cast<int>(arrays[row].size());
    const int first = column.appendChildRows(size);
    column.setNull(row, false);
    column.offsets()[row] = first;
    column.sizes()[row] = size;
    for (int i = 0; i < size; ++i) {
      elements.setNull(first + i, false);
      elements.values<int64_t>()[first + i] = arrays[row][i];
    }
  }
  batch.setSize(3);
  const std::vector<uint64_t> hashes = hashesOf(batch);
  EXPECT_EQ(hashes[0], hashes[2]);
  EXPECT_NE(hashes[0], hashes[1]);
}

}  // namespace
}  // namespace sluice::runtime
