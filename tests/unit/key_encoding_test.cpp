// The key encodings sorted states rely on: byte order equals SQL order (negatives, -0.0, NaN,
// strings with zero bytes, composite keys, DESC, NULLs), and every value decodes back.
#include "runtime/state/key_encoding.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <vector>

namespace sluice::runtime {
namespace {

std::string int64Key(int64_t value, SortOrder order = SortOrder::Ascending) {
  return KeyEncoder().appendInt64(value, order).take();
}

std::string doubleKey(double value) {
  return KeyEncoder().appendDouble(value).take();
}

std::string stringKey(std::string_view value, SortOrder order = SortOrder::Ascending) {
  return KeyEncoder().appendString(value, order).take();
}

template <class T, class Encode>
std::vector<std::string> encodeEach(const std::vector<T>& values, Encode encode) {
  std::vector<std::string> encoded;
  encoded.reserve(values.size() + 1);
  for (const T& value : values) encoded.push_back(encode(value));
  return encoded;
}

// Asserts that keys encoded from values listed in SQL order are strictly increasing.
void expectIncreasing(const std::vector<std::string>& encoded) {
  for (size_t i = 1; i < encoded.size(); ++i) {
    EXPECT_LT(encoded[i - 1], encoded[i]) << "at position " << i;
  }
}

TEST(KeyEncoding, Int64BytesOrderLikeNumbersIncludingNegatives) {
  constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  const std::vector<int64_t> values = {kMin, -1'000'000, -256, -1, 0, 1, 255, 256, 1LL << 60, kMax};
  const std::vector<std::string> encoded =
      encodeEach(values, [](int64_t value) { return int64Key(value); });
  expectIncreasing(encoded);
  for (size_t i = 0; i < values.size(); ++i) {
    EXPECT_EQ(encoded[i].size(), 8u);
    EXPECT_EQ(KeyDecoder(encoded[i]).readInt64(), values[i]);
  }
}

TEST(KeyEncoding, DoublesOrderLikeSqlWithNegativeZeroEqualAndNanLast) {
  const double inf = std::numeric_limits<double>::infinity();
  const std::vector<double> values = {-inf, -1e300, -1.5, -1e-300, 0.0, 1e-300, 1.5, 1e300, inf};
  std::vector<std::string> encoded = encodeEach(values, doubleKey);
  encoded.push_back(doubleKey(std::numeric_limits<double>::quiet_NaN()));
  expectIncreasing(encoded);
  for (size_t i = 0; i < values.size(); ++i) {
    EXPECT_EQ(KeyDecoder(encoded[i]).readDouble(), values[i]);
  }
  // Equal SQL values must be equal keys, or a GROUP BY would split one group in two.
  EXPECT_EQ(doubleKey(-0.0), doubleKey(0.0));
  EXPECT_EQ(doubleKey(std::nan("1")), doubleKey(-std::nan("2")));
  EXPECT_TRUE(std::isnan(KeyDecoder(encoded.back()).readDouble()));
}

TEST(KeyEncoding, StringsOrderByUnsignedBytesAndKeepZeroBytes) {
  using namespace std::string_literals;
  const std::vector<std::string> values = {""s,     "\0"s,    "\0\0"s, "\x01"s, "a"s,   "a\0"s,
                                           "a\0b"s, "a\x01"s, "ab"s,   "b"s,    "\xff"s};
  const std::vector<std::string> encoded =
      encodeEach(values, [](const std::string& value) { return stringKey(value); });
  expectIncreasing(encoded);
  for (size_t i = 0; i < values.size(); ++i) {
    EXPECT_EQ(KeyDecoder(encoded[i]).readString(), values[i]);
  }
}

TEST(KeyEncoding, CompositeKeysOrderByFirstValueThenNext) {
  // With a bare length prefix or bare bytes, ("a", 9) vs ("ab", 0) would compare the second
  // value's bytes against 'b'; the terminator makes the first value decide.
  const auto key = [](std::string_view text, int64_t number) {
    return KeyEncoder().appendString(text).appendInt64(number).take();
  };
  expectIncreasing(
      {key("a", -5), key("a", 9), key("ab", std::numeric_limits<int64_t>::min()), key("b", 0)});

  const std::string encoded = key("ab", -42);
  KeyDecoder decoder(encoded);
  EXPECT_EQ(decoder.readString(), "ab");
  EXPECT_EQ(decoder.readInt64(), -42);
  EXPECT_TRUE(decoder.atEnd());
}

TEST(KeyEncoding, DescendingReversesTheOrderAndStillDecodes) {
  expectIncreasing({int64Key(10, SortOrder::Descending), int64Key(-3, SortOrder::Descending),
                    int64Key(std::numeric_limits<int64_t>::min(), SortOrder::Descending)});
  // Longer strings with the same prefix come first in descending order.
  expectIncreasing({stringKey("b", SortOrder::Descending), stringKey("ab", SortOrder::Descending),
                    stringKey("a", SortOrder::Descending), stringKey("", SortOrder::Descending)});
  // A mixed ORDER BY score DESC, name ASC, as TopN would encode it.
  const auto key = [](int64_t score, std::string_view name) {
    return KeyEncoder().appendInt64(score, SortOrder::Descending).appendString(name).take();
  };
  expectIncreasing({key(100, "x"), key(7, "a"), key(7, "b"), key(-1, "a")});

  const std::string encoded = KeyEncoder()
                                  .appendString(std::string("z\0y", 3), SortOrder::Descending)
                                  .appendDouble(-2.5, SortOrder::Descending)
                                  .take();
  KeyDecoder decoder(encoded);
  EXPECT_EQ(decoder.readString(SortOrder::Descending), std::string("z\0y", 3));
  EXPECT_EQ(decoder.readDouble(SortOrder::Descending), -2.5);
  EXPECT_TRUE(decoder.atEnd());
}

TEST(KeyEncoding, NullsSortFirstAscendingAndLastDescending) {
  const auto nullable = [](std::optional<int64_t> value, SortOrder order) {
    KeyEncoder encoder;
    encoder.appendNullMarker(!value.has_value(), order);
    if (value) encoder.appendInt64(*value, order);
    return encoder.take();
  };
  const auto asc = SortOrder::Ascending;
  const auto desc = SortOrder::Descending;
  expectIncreasing({nullable(std::nullopt, asc), nullable(std::numeric_limits<int64_t>::min(), asc),
                    nullable(0, asc)});
  expectIncreasing({nullable(5, desc), nullable(std::numeric_limits<int64_t>::min(), desc),
                    nullable(std::nullopt, desc)});

  const std::string encoded = nullable(std::nullopt, desc) + nullable(3, desc);
  KeyDecoder decoder(encoded);
  EXPECT_TRUE(decoder.readNullMarker(desc));
  EXPECT_FALSE(decoder.readNullMarker(desc));
  EXPECT_EQ(decoder.readInt64(desc), 3);
  EXPECT_TRUE(decoder.atEnd());
}

TEST(KeyEncoding, EncoderIsReusableAcrossRows) {
  KeyEncoder encoder;
  encoder.appendInt64(1);
  const std::string first = encoder.take();
  encoder.appendInt64(2);
  EXPECT_EQ(encoder.bytes(), int64Key(2));
  encoder.clear();
  encoder.appendString("x");
  EXPECT_EQ(encoder.bytes(), stringKey("x"));
  EXPECT_EQ(first, int64Key(1));
}

TEST(KeyEncoding, MalformedInputThrowsInsteadOfReadingPastTheEnd) {
  EXPECT_THROW(KeyDecoder(std::string_view("\x80\x00\x00", 3)).readInt64(), KeyDecodingError);
  EXPECT_THROW(KeyDecoder("abc").readString(), KeyDecodingError);
  EXPECT_THROW(KeyDecoder(std::string_view("a\0\x07", 3)).readString(), KeyDecodingError);
  EXPECT_THROW(KeyDecoder("").readNullMarker(), KeyDecodingError);
  EXPECT_THROW(KeyDecoder("\x05").readNullMarker(), KeyDecodingError);
}

}  // namespace
}  // namespace sluice::runtime
