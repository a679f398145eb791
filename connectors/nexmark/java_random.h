// java.util.Random's algorithm (a 48-bit linear congruential generator, as its Javadoc specifies
// it), so that an event seeded with its id draws the same numbers as the Java generator would
// from `new Random(eventId)`. The bodies are inline on purpose: every generated field draws from
// here, and a call per draw would cost more than the draw.
#pragma once

#include <bit>
#include <cstdint>

namespace sluice::connectors::nexmark {

// A bound of Random.nextInt(bound) with its remainder prepared as a multiplication, for bounds
// that stay the same over many draws (a division costs several times a multiplication).
class IntBound {
 public:
  IntBound() = default;
  explicit IntBound(int32_t bound) : bound_(bound) {
    const int32_t m = bound - 1;
    if (bound <= 0 || (bound & m) == 0) return;  // powers of two take the top bits
    // floor(u / bound) = (u * multiplier) >> shift for every u below 2^31 (Granlund and
    // Montgomery: multiplier * bound lies in [2^shift, 2^shift + 2^l] with 2^l >= bound).
    const int l = 32 - std::countl_zero(static_cast<uint32_t>(m));
    shift_ = 31 + l;
    multiplier_ = ((uint64_t{1} << shift_) / static_cast<uint64_t>(bound)) + 1;
  }
  int32_t value() const { return bound_; }

 private:
  friend class JavaRandom;
  int32_t bound_ = 0;
  uint64_t multiplier_ = 0;  // 0 for a power of two
  int shift_ = 0;
};

class JavaRandom {
 public:
  static constexpr uint64_t kMultiplier = 0x5DEECE66DULL;
  static constexpr uint64_t kAddend = 0xBULL;
  static constexpr uint64_t kMask = (uint64_t{1} << 48) - 1;

  explicit JavaRandom(int64_t seed) { setSeed(seed); }

  // As Random.setSeed: the seed scrambled with the multiplier, kept to 48 bits.
  void setSeed(int64_t seed) { state_ = (static_cast<uint64_t>(seed) ^ kMultiplier) & kMask; }

  // Random.nextInt(): 32 random bits, signed.
  int32_t nextInt() { return next(32); }

  // Random.nextInt(bound) for a bound > 0: the top bits scaled for a power of two, else a
  // remainder with Java's rejection of the last partial range (the check wraps as Java's int).
  int32_t nextInt(int32_t bound) {
    int32_t r = next(31);
    const int32_t m = bound - 1;
    if ((bound & m) == 0) return static_cast<int32_t>((bound * static_cast<int64_t>(r)) >> 31);
    for (int32_t u = r;; u = next(31)) {
      r = u % bound;
      if (static_cast<int32_t>(static_cast<uint32_t>(u) - static_cast<uint32_t>(r) +
                               static_cast<uint32_t>(m)) >= 0) {
        return r;
      }
    }
  }

  // nextInt(bound.value()), the remainder by multiplication.
  int32_t nextInt(const IntBound& bound) {
    int32_t r = next(31);
    const int32_t d = bound.bound_;
    if (bound.multiplier_ == 0) return static_cast<int32_t>((d * static_cast<int64_t>(r)) >> 31);
    for (int32_t u = r;; u = next(31)) {
      const auto quotient =
          static_cast<int32_t>((static_cast<uint64_t>(u) * bound.multiplier_) >> bound.shift_);
      r = u - quotient * d;
      if (static_cast<int32_t>(static_cast<uint32_t>(u) - static_cast<uint32_t>(r) +
                               static_cast<uint32_t>(d - 1)) >= 0) {
        return r;
      }
    }
  }

  // nextInt(Bound) with the bound known at compile time, so the remainder is a multiplication.
  template <int32_t Bound>
  int32_t nextIntBelow() {
    static_assert(Bound > 0, "Random.nextInt needs a positive bound");
    int32_t r = next(31);
    constexpr int32_t m = Bound - 1;
    if constexpr ((Bound & m) == 0) {
      return static_cast<int32_t>((Bound * static_cast<int64_t>(r)) >> 31);
    } else {
      for (int32_t u = r;; u = next(31)) {
        r = u % Bound;
        if (static_cast<int32_t>(static_cast<uint32_t>(u) - static_cast<uint32_t>(r) +
                                 static_cast<uint32_t>(m)) >= 0) {
          return r;
        }
      }
    }
  }

  // Random.nextLong(): two 32-bit draws, the second added as a signed int.
  int64_t nextLong() {
    const int64_t high = static_cast<int64_t>(static_cast<uint64_t>(next(32)) << 32);
    return static_cast<int64_t>(static_cast<uint64_t>(high) +
                                static_cast<uint64_t>(static_cast<int64_t>(next(32))));
  }

  // The 48-bit state, for code that draws many numbers at once (see `Jump`).
  uint64_t state() const { return state_ & kMask; }
  void setState(uint64_t state) { state_ = state & kMask; }

  // k steps of the generator as one: state_k = (multiplier * state + addend) mod 2^48.
  struct Jump {
    uint64_t multiplier;
    uint64_t addend;
  };
  static constexpr Jump jump(int steps) {
    Jump total{1, 0};
    for (int i = 0; i < steps; ++i) {
      total = {(total.multiplier * kMultiplier) & kMask,
               (total.addend * kMultiplier + kAddend) & kMask};
    }
    return total;
  }

  // Random.nextDouble(): 53 random bits in [0, 1).
  double nextDouble() {
    const int64_t high = static_cast<int64_t>(next(26)) << 27;
    return static_cast<double>(high + next(27)) * 0x1.0p-53;
  }

 private:
  // Random.next(bits): the top `bits` of the advanced 48-bit state, as a signed int. The state
  // is kept unmasked (its low 48 bits are Java's), so a step is one multiply-add long.
  int32_t next(int bits) {
    state_ = state_ * kMultiplier + kAddend;
    return static_cast<int32_t>(static_cast<uint32_t>((state_ & kMask) >> (48 - bits)));
  }

  uint64_t state_ = 0;  // bits above the 48th are garbage
};

}  // namespace sluice::connectors::nexmark
