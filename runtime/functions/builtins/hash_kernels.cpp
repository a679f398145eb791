// Flink's hash functions: MD5, SHA1, SHA224, SHA256, SHA384, SHA512 and SHA2 digest the UTF-8
// bytes of a string into lower-case hex (OpenSSL's EVP digests); HASH_CODE is Flink's
// Math.abs(String.hashCode()) of a string, Java's hashCode of a number or a boolean. Blink's MURMUR_HASH is commons-codec's MurmurHash3 (x86, 32 bits,
// seed 104729): hash32x86 of a string's UTF-8 bytes, hash32(long) of a number's bits (FLOAT by
// Float.floatToIntBits widened to long, which Blink's documented examples confirm; integers by
// their value and DOUBLE by Double.doubleToLongBits, by analogy).
#include <openssl/evp.h>

#include <bit>
#include <cmath>

#include "runtime/functions/builtins/builtin_library.h"
#include "runtime/functions/builtins/string_kernel_utf8.h"

namespace sluice::runtime::builtins {
namespace {

StringRef hexDigest(FunctionCall& call, const EVP_MD* algorithm, StringRef text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (EVP_Digest(text.data(), text.size(), digest, &size, algorithm, nullptr) != 1) {
    call.fail("digest computation failed");
    return {};
  }
  static constexpr char kHex[] = "0123456789abcdef";
  char* out = call.arena().allocate(size_t{size} * 2);
  for (size_t i = 0; i < size; ++i) {
    out[2 * i] = kHex[digest[i] >> 4];
    out[2 * i + 1] = kHex[digest[i] & 0xF];
  }
  return StringRef::of(out, static_cast<uint32_t>(size * 2));
}

template <const EVP_MD* (*Algorithm)()>
StringRef digestOf(FunctionCall& call, StringRef text) {
  return hexDigest(call, Algorithm(), text);
}

// The digest Flink's SHA2 gets from MessageDigest.getInstance("SHA-" + bits): 224, 256, 384 and
// 512, and (a Java quirk) 1 for SHA-1; nullptr for other lengths.
const EVP_MD* sha2Algorithm(int64_t bits) {
  switch (bits) {
    case 1: return EVP_sha1();
    case 224: return EVP_sha224();
    case 256: return EVP_sha256();
    case 384: return EVP_sha384();
    case 512: return EVP_sha512();
    default: return nullptr;
  }
}

std::string unsupportedLength(int64_t bits) {
  return "unsupported hash length " + std::to_string(bits) + " (expected 224, 256, 384 or 512)";
}

// SHA2(s, bits); an unsupported length fails the job, as Flink's NoSuchAlgorithmException does.
template <typename Bits>
StringRef sha2(FunctionCall& call, StringRef text, Bits bits) {
  const EVP_MD* algorithm = sha2Algorithm(bits);
  if (algorithm == nullptr) {
    call.fail(unsupportedLength(bits));
    return {};
  }
  return hexDigest(call, algorithm, text);
}

// A constant length is checked once, when the call is bound.
std::string bindSha2(CallSite& site) {
  if (site.constants.size() < 2 || !site.constants[1] || site.constants[1]->isNull) return {};
  const int64_t bits = site.constants[1]->integer;
  return sha2Algorithm(bits) == nullptr ? site.function + ": " + unsupportedLength(bits)
                                        : std::string();
}

// HASH_CODE(s): Math.abs of Java's String.hashCode (31-polynomial over UTF-16 code units), so
// Integer.MIN_VALUE stays negative.
int32_t hashCode(FunctionCall&, StringRef text) {
  const std::string_view in = text.view();
  uint32_t hash = 0;
  for (size_t at = 0; at < in.size(); at = utf8::next(in, at)) {
    const char32_t cp = utf8::decode(in, at);
    if (cp >= 0x10000) {  // a surrogate pair in UTF-16
      hash = hash * 31 + static_cast<uint32_t>(0xD800 + ((cp - 0x10000) >> 10));
      hash = hash * 31 + static_cast<uint32_t>(0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
      hash = hash * 31 + static_cast<uint32_t>(cp);
    }
  }
  const auto value = static_cast<int32_t>(hash);
  return value == INT32_MIN ? value : (value < 0 ? -value : value);
}

// HASH_CODE of a number or a boolean: Java's hashCode of its boxed value, as Flink's generated
// code computes it (Integer/Short/Byte: the value; Long: the two halves xor-ed; Float and Double
// by their canonical bits; Boolean 1231 or 1237).
int32_t javaLongHash(int64_t value) {
  const auto bits = static_cast<uint64_t>(value);
  return static_cast<int32_t>(static_cast<uint32_t>(bits ^ (bits >> 32)));
}

template <typename Integer>
int32_t hashCodeOfInteger(FunctionCall&, Integer value) {
  if constexpr (sizeof(Integer) == 8) return javaLongHash(value);
  return static_cast<int32_t>(value);
}

int32_t hashCodeOfFloat(FunctionCall&, float value) {
  return std::isnan(value) ? 0x7fc00000 : std::bit_cast<int32_t>(value);
}

int32_t hashCodeOfDouble(FunctionCall&, double value) {
  return javaLongHash(std::isnan(value) ? int64_t{0x7ff8000000000000}
                                        : std::bit_cast<int64_t>(value));
}

int32_t hashCodeOfBoolean(FunctionCall&, bool value) { return value ? 1231 : 1237; }

constexpr uint32_t kMurmurSeed = 104729;

uint32_t murmurScramble(uint32_t k) {
  k *= 0xcc9e2d51;
  k = std::rotl(k, 15);
  return k * 0x1b873593;
}

// MurmurHash3_x86_32, reading 4-byte blocks little-endian.
int32_t murmur3(const unsigned char* bytes, size_t size) {
  uint32_t h = kMurmurSeed;
  size_t at = 0;
  for (; at + 4 <= size; at += 4) {
    const uint32_t block = bytes[at] | bytes[at + 1] << 8 | bytes[at + 2] << 16 |
                           static_cast<uint32_t>(bytes[at + 3]) << 24;
    h ^= murmurScramble(block);
    h = std::rotl(h, 13) * 5 + 0xe6546b64;
  }
  uint32_t tail = 0;
  switch (size - at) {
    case 3: tail ^= bytes[at + 2] << 16; [[fallthrough]];
    case 2: tail ^= bytes[at + 1] << 8; [[fallthrough]];
    case 1:
      tail ^= bytes[at];
      h ^= murmurScramble(tail);
      break;
    default: break;
  }
  h ^= static_cast<uint32_t>(size);
  h ^= h >> 16;
  h *= 0x85ebca6b;
  h ^= h >> 13;
  h *= 0xc2b2ae35;
  h ^= h >> 16;
  return static_cast<int32_t>(h);
}

int32_t murmurOfString(FunctionCall&, StringRef text) {
  return murmur3(reinterpret_cast<const unsigned char*>(text.data()), text.size());
}

// commons-codec's hash32(long): the hash of the value's eight big-endian bytes.
int32_t murmurOfLong(int64_t value) {
  unsigned char bytes[8];
  for (int i = 0; i < 8; ++i) bytes[i] = static_cast<unsigned char>(value >> (56 - 8 * i));
  return murmur3(bytes, sizeof bytes);
}

template <typename Integer>
int32_t murmurOfInteger(FunctionCall&, Integer value) {
  return murmurOfLong(value);
}

// Java's floatToIntBits / doubleToLongBits: one canonical NaN.
int32_t murmurOfFloat(FunctionCall&, float value) {
  const int32_t bits = std::isnan(value) ? 0x7fc00000 : std::bit_cast<int32_t>(value);
  return murmurOfLong(bits);
}

int32_t murmurOfDouble(FunctionCall&, double value) {
  const int64_t bits =
      std::isnan(value) ? int64_t{0x7ff8000000000000} : std::bit_cast<int64_t>(value);
  return murmurOfLong(bits);
}

}  // namespace

void registerHashing(ScalarFunctionRegistry& registry) {
  const Accepts strings = Accepts::strings();
  registry.add(scalarKernel<&digestOf<&EVP_md5>>("MD5", {strings}, strings));
  registry.add(scalarKernel<&digestOf<&EVP_sha1>>("SHA1", {strings}, strings));
  registry.add(scalarKernel<&digestOf<&EVP_sha224>>("SHA224", {strings}, strings));
  registry.add(scalarKernel<&digestOf<&EVP_sha256>>("SHA256", {strings}, strings));
  registry.add(scalarKernel<&digestOf<&EVP_sha384>>("SHA384", {strings}, strings));
  registry.add(scalarKernel<&digestOf<&EVP_sha512>>("SHA512", {strings}, strings));
  forEachIntegerType([&](auto type) {
    using Bits = typename decltype(type)::type;
    ScalarKernel kernel =
        scalarKernel<&sha2<Bits>>("SHA2", {strings, Accepts::integers()}, strings);
    kernel.bind = &bindSha2;
    registry.add(std::move(kernel));
  });
  const Accepts integer = Accepts::kind(TypeKind::Int);
  registry.add(scalarKernel<&hashCode>("HASH_CODE", {strings}, integer));
  registry.add(scalarKernel<&murmurOfString>("MURMUR_HASH", {strings}, integer));
  forEachIntegerType([&](auto type) {
    using Integer = typename decltype(type)::type;
    registry.add(
        scalarKernel<&hashCodeOfInteger<Integer>>("HASH_CODE", {Accepts::integers()}, integer));
  });
  registry.add(
      scalarKernel<&hashCodeOfFloat>("HASH_CODE", {Accepts::kind(TypeKind::Float)}, integer));
  registry.add(
      scalarKernel<&hashCodeOfDouble>("HASH_CODE", {Accepts::kind(TypeKind::Double)}, integer));
  registry.add(
      scalarKernel<&hashCodeOfBoolean>("HASH_CODE", {Accepts::kind(TypeKind::Boolean)}, integer));
  forEachIntegerType([&](auto type) {
    using Integer = typename decltype(type)::type;
    registry.add(
        scalarKernel<&murmurOfInteger<Integer>>("MURMUR_HASH", {Accepts::integers()}, integer));
  });
  registry.add(
      scalarKernel<&murmurOfFloat>("MURMUR_HASH", {Accepts::kind(TypeKind::Float)}, integer));
  registry.add(
      scalarKernel<&murmurOfDouble>("MURMUR_HASH", {Accepts::kind(TypeKind::Double)}, integer));
}

}  // namespace sluice::runtime::builtins
