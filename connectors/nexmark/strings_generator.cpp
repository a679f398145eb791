#include "connectors/nexmark/strings_generator.h"

#include <bit>
#include <cmath>
#include <cstring>

namespace sluice::connectors::nexmark {

namespace {

constexpr int kMinStringLength = 3;

static_assert(std::endian::native == std::endian::little, "characters are packed lowest first");

// Eight draws at a time (GCC/Clang vector extensions: SSE2 registers, or AVX2 ones in the clone
// the loader picks on CPUs that have it). The draws are consecutive steps of the generator, so
// each lane jumps ahead from the string's first state on its own (`JavaRandom::jump`): no lane
// waits for another, and no draw goes through memory.
constexpr int kLanes = 8;
constexpr int kPerDraw = 6;                     // characters per draw: log_26(2^31)
constexpr int kBlockChars = kLanes * kPerDraw;  // 48
constexpr int kBlockWrite = kBlockChars + 4;    // storeBlock's stores reach 4 bytes further
using Lanes = uint32_t __attribute__((vector_size(4 * kLanes)));
using SignedLanes = int32_t __attribute__((vector_size(4 * kLanes)));
using States = uint64_t __attribute__((vector_size(8 * kLanes / 2)));  // half of a block's states
using Bytes = uint8_t __attribute__((vector_size(4 * kLanes)));
using HalfBytes = uint8_t __attribute__((vector_size(2 * kLanes)));

// A block's draws 1, 2, 5, 6 are in the first States and 3, 4, 7, 8 in the second, so that the
// draws' bits come out in order with one in-lane shuffle (see `drawsOf`).
constexpr int kFirstSteps[4] = {1, 2, 5, 6};
constexpr int kSecondSteps[4] = {3, 4, 7, 8};

// The helpers below pass vectors by value; they are always inlined, so no call has an ABI that
// the 32-byte vectors could change (GCC warns about it without AVX, at the end of the file).
#pragma GCC diagnostic ignored "-Wpsabi"

// Jumps of `steps` steps, as the values of one States.
struct LaneJumps {
  uint64_t multipliers[4];
  uint64_t addends[4];
};
constexpr LaneJumps jumpsOf(const int (&steps)[4]) {
  LaneJumps jumps{};
  for (int i = 0; i < 4; ++i) {
    jumps.multipliers[i] = JavaRandom::jump(steps[i]).multiplier;
    jumps.addends[i] = JavaRandom::jump(steps[i]).addend;
  }
  return jumps;
}
constexpr LaneJumps kFirstJumps = jumpsOf(kFirstSteps);
constexpr LaneJumps kSecondJumps = jumpsOf(kSecondSteps);

inline __attribute__((always_inline)) States statesAfter(uint64_t state, const LaneJumps& jumps) {
  const States multipliers = {jumps.multipliers[0], jumps.multipliers[1], jumps.multipliers[2],
                              jumps.multipliers[3]};
  const States addends = {jumps.addends[0], jumps.addends[1], jumps.addends[2], jumps.addends[3]};
  return (States{} + state) * multipliers + addends;
}

// Random.nextInt() of each state (bits 16 to 47), in the order of the draws. States stay
// unmasked: the low 48 bits of products and sums depend on the low 48 bits alone.
inline __attribute__((always_inline)) Lanes drawsOf(const States& first, const States& second) {
  const Lanes a = reinterpret_cast<Lanes>(first >> 16);
  const Lanes b = reinterpret_cast<Lanes>(second >> 16);
  return __builtin_shufflevector(a, b, 0, 2, 8, 10, 4, 6, 12, 14);
}

// Of each 16-byte half's four dwords (four characters, two characters and two unused bytes,
// twice), the twelve characters first.
inline __attribute__((always_inline)) Bytes packTwelve(const Bytes& v) {
  return __builtin_shufflevector(v, v, 0, 1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 13, 0, 0, 0, 0, 16, 17,
                                 18, 19, 20, 21, 24, 25, 26, 27, 28, 29, 16, 16, 16, 16);
}

// Multiplication by a 20165 and a shift: x / 26 for any x below 2^18 (20165 * 26 = 2^19 + 2).
inline __attribute__((always_inline)) Lanes divide26(const Lanes& x) {
  return (x * 20165u) >> 19;
}

// A block's 48 characters as four 16-byte parts, of which the first 12 bytes are characters
// 12p to 12p + 11 (the others are unused).
struct Block {
  HalfBytes parts[4];
};

// The six characters of each draw x (as Java's nextExactString takes them from one nextInt()):
// the base-26 digits d0..d5 of x, lowest first, each 'a' + (x / 26^k) % 26 under Java's
// truncating division. For a negative x every digit is negative ('a' - d: 'H' to '`'), so these
// are the digits of |x| added to or taken from 'a' by the sign. |x| = q * 26^3 + r; d0..d2 come
// from r and d3..d5 from q, by multiplications (`divide26`), and are packed into bytes by
// multiply-adds: d0 + 256 d1 + 65536 d2 = r + 230 t1 + 58880 t2 for t1 = r / 26, t2 = t1 / 26.
// Adding to (or taking from) 'a' in every byte at once never carries: a digit is at most 25.
inline __attribute__((always_inline)) Block charactersOf(const Lanes& draws) {
  const Lanes negative = reinterpret_cast<Lanes>(reinterpret_cast<SignedLanes>(draws) >> 31);
  const Lanes magnitude = (draws ^ negative) - negative;  // 2^31 for Integer.MIN_VALUE, as Java
  const Lanes q = magnitude / 17576u;                     // below 2^17
  const Lanes r = magnitude - q * 17576u;
  const Lanes t1 = divide26(r);
  const Lanes t2 = divide26(t1);
  const Lanes u1 = divide26(q);
  const Lanes u2 = divide26(u1);
  const Lanes u3 = divide26(u2);
  const Lanes low3 = r + t1 * 230u + t2 * 58880u;                   // d0, d1, d2
  const Lanes high3 = q + u1 * 230u + u2 * 58880u - u3 * 1703936u;  // d3, d4, d5 = u2 % 26
  const Lanes low = 0x61616161u + (((low3 | high3 << 24) ^ negative) - negative);
  const Lanes high = 0x6161u + (((high3 >> 8) ^ negative) - negative);
  // Each draw's four low and two high characters next to each other: draws 0, 1, 4, 5 in
  // `even` and 2, 3, 6, 7 in `odd`, twelve bytes per 16-byte half.
  const Bytes even = packTwelve(
      reinterpret_cast<Bytes>(__builtin_shufflevector(low, high, 0, 8, 1, 9, 4, 12, 5, 13)));
  const Bytes odd = packTwelve(
      reinterpret_cast<Bytes>(__builtin_shufflevector(low, high, 2, 10, 3, 11, 6, 14, 7, 15)));
  return Block{
      {__builtin_shufflevector(even, even, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15),
       __builtin_shufflevector(odd, odd, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15),
       __builtin_shufflevector(even, even, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
                               30, 31),
       __builtin_shufflevector(odd, odd, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30,
                               31)}};
}

// All 48 characters, 16-byte stores at 12-byte steps: 52 bytes written.
inline __attribute__((always_inline)) void storeBlock(const Block& block, char* out) {
  std::memcpy(out, &block.parts[0], 16);
  std::memcpy(out + 12, &block.parts[1], 16);
  std::memcpy(out + 24, &block.parts[2], 16);
  std::memcpy(out + 36, &block.parts[3], 16);
}

// The first `count` (1 to 48) characters, nothing after them: 16-byte stores while they fit,
// then the last part's characters by two overlapping stores (no call, no loop).
inline __attribute__((always_inline)) void storeBlockPrefix(const Block& block, int count,
                                                            char* out) {
  int part = 0;
  for (; count - part * 12 > 12; ++part) {
    if (part * 12 + 16 <= count) {
      std::memcpy(out + part * 12, &block.parts[part], 16);
    } else {  // 13 to 15 characters left: this part's twelve alone
      std::memcpy(out + part * 12, &block.parts[part], 8);
      std::memcpy(out + part * 12 + 8, reinterpret_cast<const char*>(&block.parts[part]) + 8, 4);
    }
  }
  const int rest = count - part * 12;  // 1 to 12
  char* at = out + part * 12;
  unsigned __int128 bits;
  std::memcpy(&bits, &block.parts[part], 16);
  const auto low = static_cast<uint64_t>(bits);
  if (rest >= 8) {
    const auto last = static_cast<uint64_t>(bits >> (8 * (rest - 8)));
    std::memcpy(at, &low, 8);
    std::memcpy(at + rest - 8, &last, 8);
  } else if (rest >= 4) {
    const auto first = static_cast<uint32_t>(low);
    const auto last = static_cast<uint32_t>(low >> (8 * (rest - 4)));
    std::memcpy(at, &first, 4);
    std::memcpy(at + rest - 4, &last, 4);
  } else {
    at[0] = static_cast<char>(low);
    if (rest >= 2) {
      const auto last = static_cast<uint16_t>(low >> (8 * (rest - 2)));
      std::memcpy(at + rest - 2, &last, 2);
    }
  }
}

}  // namespace

int writeRandomString(JavaRandom& shared, int maxLength, char special, char* out) {
  JavaRandom random = shared;  // kept out of memory while characters are stored, as above
  const int length = kMinStringLength + random.nextInt(maxLength - kMinStringLength);
  for (int i = 0; i < length; ++i) {
    out[i] = random.nextIntBelow<13>() == 0 ? special
                                            : static_cast<char>('a' + random.nextIntBelow<26>());
  }
  shared = random;
  // Java's trim(): only the special character can be a space; letters never are.
  int begin = 0;
  int end = length;
  while (begin < end && static_cast<unsigned char>(out[begin]) <= ' ') ++begin;
  while (end > begin && static_cast<unsigned char>(out[end - 1]) <= ' ') --end;
  if (begin > 0) {
    for (int i = begin; i < end; ++i) out[i - begin] = out[i];
  }
  return end - begin;
}

// Cloned for AVX2 where GCC can (the loader picks the clone the CPU runs best).
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
__attribute__((target_clones("avx2", "default")))
#endif
void writeExactString(JavaRandom& random, int length, char* out) {
  if (length <= 0) return;
  // Java takes ceil(length / 6) draws; the characters of the last one are a prefix of its six.
  const int draws = (length + kPerDraw - 1) / kPerDraw;
  const States blockMultiplier = States{} + JavaRandom::jump(kLanes).multiplier;
  const States blockAddend = States{} + JavaRandom::jump(kLanes).addend;
  States first = statesAfter(random.state(), kFirstJumps);
  States second = statesAfter(random.state(), kSecondJumps);
  int at = 0;
  // Whole blocks while all their stores stay inside `out`, then the last one or two blocks'
  // characters exactly.
  for (; at + kBlockWrite <= length; at += kBlockChars) {
    storeBlock(charactersOf(drawsOf(first, second)), out + at);
    first = first * blockMultiplier + blockAddend;
    second = second * blockMultiplier + blockAddend;
  }
  if (length - at > kBlockChars) {
    storeBlockPrefix(charactersOf(drawsOf(first, second)), kBlockChars, out + at);
    at += kBlockChars;
    first = first * blockMultiplier + blockAddend;
    second = second * blockMultiplier + blockAddend;
  }
  storeBlockPrefix(charactersOf(drawsOf(first, second)), length - at, out + at);
  // The generator continues after the last draw, which is lane (draws - 1) % 8 of the last block.
  const int last = (draws - 1) % kLanes;
  const States& half = (last & 2) == 0 ? first : second;
  random.setState(half[(last & 1) | (last >> 2) << 1]);
}

runtime::StringRef nextExtra(JavaRandom& random, int64_t currentSize, int64_t averageSize,
                             runtime::Arena& arena, IntBound* cache) {
  if (currentSize > averageSize) return {};
  const int64_t gap = averageSize - currentSize;
  // Java: (int) Math.round(gap * 0.2), Math.round being floor(x + 0.5).
  const int32_t delta = static_cast<int32_t>(std::floor(static_cast<double>(gap) * 0.2 + 0.5));
  const int64_t minimum = gap - delta;
  int64_t length = minimum;
  if (delta != 0 && cache != nullptr) {
    if (cache->value() != 2 * delta) *cache = IntBound(2 * delta);
    length += random.nextInt(*cache);
  } else if (delta != 0) {
    length += random.nextInt(2 * delta);
  }
  if (length <= 0) return {};
  const auto size = static_cast<uint32_t>(length);
  if (size <= runtime::StringRef::kInlineLimit) {
    char text[runtime::StringRef::kInlineLimit];
    writeExactString(random, static_cast<int>(size), text);
    return runtime::StringRef::of(text, size);
  }
  char* text = arena.allocate(size);
  writeExactString(random, static_cast<int>(size), text);
  return runtime::StringRef::of(text, size);
}

}  // namespace sluice::connectors::nexmark
