// The column forms of the state value codec write and read the same bytes as the boxed forms:
// a join stores rows with encodeCell and a snapshot taken before reads back with decodeCell.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/data/arena.h"
#include "runtime/data/batch.h"
#include "runtime/state/keyed_state.h"
#include "runtime/state/value_codec.h"

namespace sluice::runtime {
namespace {

// Rows 0..n-1 of one column of `type`, written from boxed values.
Batch columnOf(const DataType& type, const std::vector<Value>& values) {
  Batch batch({type}, static_cast<int>(values.size()));
  for (size_t i = 0; i < values.size(); ++i) {
    writeValue(batch.column(0), static_cast<int>(i), values[i], batch.arena());
  }
  batch.setSize(static_cast<int>(values.size()));
  return batch;
}

struct Case {
  DataType type;
  std::vector<Value> values;
};

std::vector<Case> cases() {
  const double negativeZero = -0.0;
  return {
      {DataType::boolean(), {Value::null(), Value::ofInteger(0), Value::ofInteger(1)}},
      {DataType::integer(),
       {Value::null(), Value::ofInteger(0), Value::ofInteger(-7),
        Value::ofInteger(std::numeric_limits<int32_t>::max())}},
      {DataType::bigInt(),
       {Value::ofInteger(std::numeric_limits<int64_t>::min()), Value::ofInteger(0),
        Value::null()}},
      {DataType::doubleType(),
       {Value::ofReal(0), Value::ofReal(negativeZero), Value::ofReal(2.5), Value::null()}},
      {DataType::floatType(), {Value::ofReal(-1.5), Value::ofReal(0), Value::null()}},
      {DataType::string(),
       {Value::ofBytes(""), Value::ofBytes("short"), Value::ofBytes(std::string(40, 'x')),
        Value::ofBytes(std::string("a\0b", 3)), Value::null()}},
      {DataType::timestamp(3), {Value::ofInteger(1'700'000'000'123), Value::null()}},
      {DataType::row({{"id", DataType::bigInt()}, {"name", DataType::string()}}),
       {Value::ofChildren({Value::ofInteger(3), Value::ofBytes("a longer name than twelve")}),
        Value::null()}},
  };
}

TEST(ValueCodecTest, EncodeCellWritesTheBytesOfTheBoxedValue) {
  for (const Case& c : cases()) {
    const Batch batch = columnOf(c.type, c.values);
    for (int row = 0; row < batch.size(); ++row) {
      std::string boxed;
      encodeValue(readValue(batch.column(0), row), boxed);
      std::string cell;
      encodeCell(batch.column(0), row, cell);
      EXPECT_EQ(cell, boxed) << c.type.toString() << " row " << row;
    }
  }
}

TEST(ValueCodecTest, DecodeCellReadsWhatEitherFormWrote) {
  for (const Case& c : cases()) {
    const Batch source = columnOf(c.type, c.values);
    std::string bytes;
    for (int row = 0; row < source.size(); ++row) encodeCell(source.column(0), row, bytes);
    Batch target({c.type}, source.size());
    Arena arena;
    std::string_view in = bytes;
    for (int row = 0; row < source.size(); ++row) decodeCell(in, target.column(0), row, arena);
    EXPECT_TRUE(in.empty()) << c.type.toString();
    for (int row = 0; row < source.size(); ++row) {
      EXPECT_EQ(readValue(target.column(0), row), readValue(source.column(0), row))
          << c.type.toString() << " row " << row;
    }
  }
}

TEST(ValueCodecTest, DecodeCellKeepsNegativeZeroAndRefusesTruncatedBytes) {
  const Batch source = columnOf(DataType::doubleType(), {Value::ofReal(-0.0)});
  std::string bytes;
  encodeCell(source.column(0), 0, bytes);
  Batch target({DataType::doubleType()}, 1);
  Arena arena;
  std::string_view in = bytes;
  decodeCell(in, target.column(0), 0, arena);
  EXPECT_TRUE(std::signbit(target.column(0).values<double>()[0]));

  const Batch text = columnOf(DataType::string(), {Value::ofBytes(std::string(30, 'y'))});
  std::string textBytes;
  encodeCell(text.column(0), 0, textBytes);
  std::string_view truncated = std::string_view(textBytes).substr(0, textBytes.size() - 1);
  Batch stringTarget({DataType::string()}, 1);
  EXPECT_THROW(decodeCell(truncated, stringTarget.column(0), 0, arena), StateError);
}

}  // namespace
}  // namespace sluice::runtime
