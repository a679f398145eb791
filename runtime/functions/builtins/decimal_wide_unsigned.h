// A fixed-width multi-word unsigned integer for the DECIMAL intermediates that outgrow 128 bits
// (internal to decimal_arithmetic.cpp): exact products of two 38-digit values, sums aligned to a
// scale 38 digits apart, and dividends scaled up for a division.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>

namespace sluice::runtime::decimal {

using uint128_t = unsigned __int128;

inline constexpr int kWordDigits = 19;  // 10^19 is the largest power of ten in a 64-bit word
inline constexpr std::array<uint64_t, kWordDigits + 1> kWordPowersOfTen = [] {
  std::array<uint64_t, kWordDigits + 1> powers{};
  powers[0] = 1;
  for (size_t i = 1; i < powers.size(); ++i) powers[i] = powers[i - 1] * 10;
  return powers;
}();

// A little-endian multi-word unsigned integer for the intermediates that outgrow 128 bits. 640
// bits hold a 38-digit value times 10^116, the widest intermediate (in a division).
class WideUnsigned {
 public:
  static constexpr int kWords = 10;

  WideUnsigned() = default;
  explicit WideUnsigned(uint128_t value) {
    words_[0] = static_cast<uint64_t>(value);
    words_[1] = static_cast<uint64_t>(value >> 64);
  }

  static WideUnsigned product(uint128_t a, uint128_t b) {
    WideUnsigned low(a);
    low.multiplyWord(static_cast<uint64_t>(b));
    WideUnsigned high(a);
    high.multiplyWord(static_cast<uint64_t>(b >> 64));
    for (int i = kWords - 1; i > 0; --i) high.words_[i] = high.words_[i - 1];
    high.words_[0] = 0;
    low.add(high);
    return low;
  }

  bool isZero() const {
    return std::all_of(std::begin(words_), std::end(words_), [](uint64_t w) { return w == 0; });
  }
  bool fits128() const {
    return std::all_of(words_ + 2, words_ + kWords, [](uint64_t w) { return w == 0; });
  }
  uint128_t low128() const { return (static_cast<uint128_t>(words_[1]) << 64) | words_[0]; }

  void multiplyWord(uint64_t factor) {
    uint64_t carry = 0;
    for (uint64_t& word : words_) {
      const uint128_t step = static_cast<uint128_t>(word) * factor + carry;
      word = static_cast<uint64_t>(step);
      carry = static_cast<uint64_t>(step >> 64);
    }
  }
  void multiplyPowerOfTen(int64_t exponent) {
    for (; exponent > 0; exponent -= kWordDigits) {
      multiplyWord(kWordPowersOfTen[std::min<int64_t>(exponent, kWordDigits)]);
    }
  }
  // Divides in place and returns the remainder.
  uint64_t divideWord(uint64_t divisor) {
    uint64_t remainder = 0;
    for (int i = kWords - 1; i >= 0; --i) {
      const uint128_t current = (static_cast<uint128_t>(remainder) << 64) | words_[i];
      words_[i] = static_cast<uint64_t>(current / divisor);
      remainder = static_cast<uint64_t>(current % divisor);
    }
    return remainder;
  }

  void add(const WideUnsigned& other) {
    uint64_t carry = 0;
    for (int i = 0; i < kWords; ++i) {
      const uint128_t sum = static_cast<uint128_t>(words_[i]) + other.words_[i] + carry;
      words_[i] = static_cast<uint64_t>(sum);
      carry = static_cast<uint64_t>(sum >> 64);
    }
  }
  // Requires other <= *this.
  void subtract(const WideUnsigned& other) {
    uint64_t borrow = 0;
    for (int i = 0; i < kWords; ++i) {
      const uint64_t subtrahend = other.words_[i] + borrow;
      const bool wraps = subtrahend < borrow || words_[i] < subtrahend;
      words_[i] -= subtrahend;
      borrow = wraps ? 1 : 0;
    }
  }
  int compare(const WideUnsigned& other) const {
    for (int i = kWords - 1; i >= 0; --i) {
      if (words_[i] != other.words_[i]) return words_[i] < other.words_[i] ? -1 : 1;
    }
    return 0;
  }

  // Bitwise long division: slow, but only the rare intermediates past 128 bits come here.
  static void divide(const WideUnsigned& dividend, const WideUnsigned& divisor,
                     WideUnsigned& quotient, WideUnsigned& remainder) {
    quotient = WideUnsigned();
    remainder = WideUnsigned();
    for (int bit = kWords * 64 - 1; bit >= 0; --bit) {
      remainder.shiftLeftOne();
      remainder.words_[0] |= (dividend.words_[bit / 64] >> (bit % 64)) & 1;
      if (remainder.compare(divisor) >= 0) {
        remainder.subtract(divisor);
        quotient.words_[bit / 64] |= uint64_t{1} << (bit % 64);
      }
    }
  }

  int decimalDigits() const {
    WideUnsigned rest = *this;
    int digits = 0;
    while (!rest.fits128() || rest.words_[1] != 0 || rest.words_[0] >= kWordPowersOfTen[19]) {
      rest.divideWord(kWordPowersOfTen[kWordDigits]);
      digits += kWordDigits;
    }
    for (uint64_t last = rest.words_[0]; last != 0; last /= 10) ++digits;
    return digits;
  }

 private:
  void shiftLeftOne() {
    for (int i = kWords - 1; i > 0; --i) words_[i] = (words_[i] << 1) | (words_[i - 1] >> 63);
    words_[0] <<= 1;
  }

  uint64_t words_[kWords] = {};
};

}  // namespace sluice::runtime::decimal
