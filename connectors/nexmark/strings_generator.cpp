#include "connectors/nexmark/strings_generator.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>

namespace sluice::connectors::nexmark {

namespace {

constexpr int kMinStringLength = 3;

static_assert(std::endian::native == std::endian::little, "characters are packed lowest first");

// Eight 32-bit lanes (GCC/Clang vector extensions; two SSE2 registers, or one AVX2 register in
// the clone the loader picks on CPUs that have it).
constexpr int kLanes = 8;
using Lanes = uint32_t __attribute__((vector_size(4 * kLanes)));

// The six characters of each of `count` draws (as Java's nextExactString takes them from one
// nextInt() x): the base-26 digits of x, lowest first, each 'a' + (x / 26^k) % 26 under Java's
// truncating division. For a negative x every digit is negative ('a' - d: 'H' to '`'), so these
// are the digits of |x| added to or taken from 'a' by the sign. Truncating division composes
// (x / a / b == x / (a * b)), so every digit comes from |x| directly, with no chain of
// divisions; the compilers turn the divisions by constants into multiplications.
// Inlined into writeExactString (and so into each of its clones).
inline __attribute__((always_inline)) void writeDrawCharacters(const Lanes& draws, int count,
                                                               char* out) {
  const Lanes negative = -(draws >> 31);                  // all ones in the lanes of negative draws
  const Lanes magnitude = (draws ^ negative) - negative;  // 2^31 for Integer.MIN_VALUE, as Java
  const Lanes q1 = magnitude / 26u;
  const Lanes q2 = magnitude / 676u;
  const Lanes q3 = magnitude / 17576u;
  const Lanes q4 = magnitude / 456976u;
  const Lanes q5 = magnitude / 11881376u;
  // Digits d as characters 'a' + d, or 'a' - d in negative lanes.
  const Lanes a = Lanes{} + static_cast<uint32_t>('a');
  const Lanes c0 = a + (((magnitude - q1 * 26u) ^ negative) - negative);
  const Lanes c1 = a + (((q1 - q2 * 26u) ^ negative) - negative);
  const Lanes c2 = a + (((q2 - q3 * 26u) ^ negative) - negative);
  const Lanes c3 = a + (((q3 - q4 * 26u) ^ negative) - negative);
  const Lanes c4 = a + (((q4 - q5 * 26u) ^ negative) - negative);
  const Lanes c5 = a + (((q5 % 26u) ^ negative) - negative);
  const Lanes low = c0 | c1 << 8 | c2 << 16 | c3 << 24;
  const Lanes high = c4 | c5 << 8;
  for (int lane = 0; lane < count; ++lane) {
    const uint32_t first = low[lane];
    const uint32_t last = high[lane];
    std::memcpy(out + lane * 6, &first, 4);  // the lowest byte first (little-endian)
    std::memcpy(out + lane * 6 + 4, &last, 2);
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
void writeExactString(JavaRandom& shared, int length, char* out) {
  // A local copy: the generator's state would otherwise go through memory after every store of
  // a character, which may alias it.
  JavaRandom random = shared;
  constexpr int kPerDraw = 6;  // log_26(2^31)
  const int groups = length / kPerDraw;
  // Up to eight draws at a time in vector lanes: this loop is half of the generator's time.
  for (int group = 0; group < groups; group += kLanes) {
    const int count = std::min(kLanes, groups - group);
    Lanes draws = {};
    for (int lane = 0; lane < count; ++lane) draws[lane] = static_cast<uint32_t>(random.nextInt());
    writeDrawCharacters(draws, count, out + group * kPerDraw);
  }
  int i = groups * kPerDraw;
  if (i < length) {
    int32_t bits = random.nextInt();
    for (; i < length; ++i) {
      out[i] = static_cast<char>('a' + bits % 26);
      bits /= 26;
    }
  }
  shared = random;
}

runtime::StringRef nextExtra(JavaRandom& random, int64_t currentSize, int64_t averageSize,
                             runtime::Arena& arena) {
  if (currentSize > averageSize) return {};
  const int64_t gap = averageSize - currentSize;
  // Java: (int) Math.round(gap * 0.2), Math.round being floor(x + 0.5).
  const int32_t delta = static_cast<int32_t>(std::floor(static_cast<double>(gap) * 0.2 + 0.5));
  const int64_t minimum = gap - delta;
  const int64_t length = minimum + (delta == 0 ? 0 : random.nextInt(2 * delta));
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
