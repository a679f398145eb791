// Flink's string functions (docs: "String Functions"), with Flink's runtime semantics: positions
// and lengths count characters (code points), NULL arguments give NULL unless noted. This file
// registers the family and holds the small ones; the rest live in string_kernels_*.cpp.
//
// Where Flink works on java.lang.String (LPAD, REPLACE, SPLIT_INDEX, ...) it counts UTF-16 code
// units; these kernels count code points, which differs only for characters outside the BMP.
#include <cstring>
#include <random>

#include "runtime/functions/builtins/builtin_library.h"
#include "runtime/functions/builtins/string_kernel_utf8.h"

namespace sluice::runtime::builtins {
namespace {

// CONCAT(s1, ..., sn): NULL when any argument is NULL. Also used for BYTES.
StringRef concat(FunctionCall& call, const StringRef* values, const uint8_t* valid, int32_t count) {
  size_t total = 0;
  for (int32_t i = 0; i < count; ++i) {
    if (!valid[i]) {
      call.setNull();
      return {};
    }
    total += values[i].size();
  }
  char* out = call.arena().allocate(total);
  size_t at = 0;
  for (int32_t i = 0; i < count; ++i) {
    std::memcpy(out + at, values[i].data(), values[i].size());
    at += values[i].size();
  }
  return StringRef::of(out, static_cast<uint32_t>(total));
}

// CONCAT_WS(separator, s1, ..., sn): NULL separator gives NULL; NULL strings are skipped, empty
// strings are not ('a', NULL, '', 'c' joined by '~' is 'a~~c').
StringRef concatWithSeparator(FunctionCall& call, const StringRef* values, const uint8_t* valid,
                              int32_t count) {
  if (count == 0 || !valid[0]) {
    call.setNull();
    return {};
  }
  const std::string_view separator = values[0].view();
  std::string joined;
  bool first = true;
  for (int32_t i = 1; i < count; ++i) {
    if (!valid[i]) continue;
    if (!first) joined += separator;
    joined += values[i].view();
    first = false;
  }
  return resultString(call, joined);
}

// s1 || s2 (strings or bytes).
StringRef concatOperator(FunctionCall& call, StringRef left, StringRef right) {
  const StringRef values[] = {left, right};
  const uint8_t valid[] = {1, 1};
  return concat(call, values, valid, 2);
}

int32_t charLength(FunctionCall&, StringRef text) {
  return static_cast<int32_t>(utf8::length(text.view()));
}

// REPEAT(s, n): empty for n <= 0.
template <typename Integer>
StringRef repeat(FunctionCall& call, StringRef text, Integer times) {
  if (times <= 0 || text.size() == 0) return {};
  const uint64_t total = static_cast<uint64_t>(text.size()) * static_cast<uint64_t>(times);
  if (total > static_cast<uint64_t>(INT32_MAX)) {
    call.fail("result of REPEAT is too large (" + std::to_string(total) + " bytes)");
    return {};
  }
  char* out = call.arena().allocate(total);
  for (uint64_t at = 0; at < total; at += text.size()) {
    std::memcpy(out + at, text.data(), text.size());
  }
  return StringRef::of(out, static_cast<uint32_t>(total));
}

// REVERSE(s): the characters in reverse order (each UTF-8 sequence kept intact).
StringRef reverse(FunctionCall& call, StringRef text) {
  const std::string_view in = text.view();
  char* out = call.arena().allocate(in.size());
  for (size_t at = 0; at < in.size();) {
    const size_t next = utf8::next(in, at);
    std::memcpy(out + in.size() - next, in.data() + at, next - at);
    at = next;
  }
  return StringRef::of(out, static_cast<uint32_t>(in.size()));
}

// ASCII(s): the first byte as a signed Java byte (so non-ASCII leads are negative); 0 for ''.
int32_t ascii(FunctionCall&, StringRef text) {
  if (text.size() == 0) return 0;
  return static_cast<int32_t>(static_cast<int8_t>(text.data()[0]));
}

// CHR(n): the character with code n & 0xFF (so CHR(353) is 'a'); '' for negative n.
template <typename Integer>
StringRef chr(FunctionCall& call, Integer code) {
  if (code < 0) return {};
  std::string out;
  utf8::append(out, static_cast<char32_t>(static_cast<int64_t>(code) & 0xFF));
  return resultString(call, out);
}

// UUID(): a random (version 4) UUID in Java's lower-case 8-4-4-4-12 form.
StringRef uuid(FunctionCall& call) {
  thread_local std::mt19937_64 generator{std::random_device{}()};
  uint64_t high = generator();
  uint64_t low = generator();
  high = (high & ~uint64_t{0xF000}) | 0x4000;                    // version 4
  low = (low & ~(uint64_t{0xC} << 60)) | (uint64_t{0x8} << 60);  // IETF variant
  static constexpr char kHex[] = "0123456789abcdef";
  char text[36];
  int at = 0;
  for (int nibble = 0; nibble < 32; ++nibble) {
    if (nibble == 8 || nibble == 12 || nibble == 16 || nibble == 20) text[at++] = '-';
    const uint64_t word = nibble < 16 ? high : low;
    text[at++] = kHex[(word >> (60 - 4 * (nibble % 16))) & 0xF];
  }
  return resultString(call, std::string_view(text, sizeof(text)));
}

}  // namespace

void registerStrings(ScalarFunctionRegistry& registry) {
  registerStringBasics(registry);
  registerStringCase(registry);
  registerStringSlicing(registry);
  registerStringTrimming(registry);
  registerStringSearch(registry);
  registerStringLike(registry);
  registerStringUrl(registry);
  registerStringEncoding(registry);
  registerStringCharsets(registry);
  registerStringTranslate(registry);
  registerStringPrintf(registry);
  registerStringSplitting(registry);
}

void registerStringBasics(ScalarFunctionRegistry& registry) {
  const Accepts strings = Accepts::strings();
  const Accepts integer = Accepts::kind(TypeKind::Int);
  registry.add(variadicKernel<&concat>("CONCAT", strings, strings));
  registry.add(variadicKernel<&concat>("CONCAT", Accepts::binaries(), Accepts::binaries()));
  registry.add(variadicKernel<&concatWithSeparator>("CONCAT_WS", strings, strings));
  registry.add(scalarKernel<&concatOperator>("||", {strings, strings}, strings));
  registry.add(scalarKernel<&concatOperator>("||", {Accepts::binaries(), Accepts::binaries()},
                                             Accepts::binaries()));
  for (const char* name : {"CHAR_LENGTH", "CHARACTER_LENGTH"}) {
    registry.add(scalarKernel<&charLength>(name, {strings}, integer));
  }
  registry.add(scalarKernel<&reverse>("REVERSE", {strings}, strings));
  registry.add(scalarKernel<&ascii>("ASCII", {strings}, integer));
  forEachIntegerType([&](auto type) {
    using Integer = typename decltype(type)::type;
    registry.add(scalarKernel<&repeat<Integer>>("REPEAT", {strings, Accepts::integers()}, strings));
    registry.add(scalarKernel<&chr<Integer>>("CHR", {Accepts::integers()}, strings));
  });
  ScalarKernel random = scalarKernel<&uuid>("UUID", {}, strings);
  random.deterministic = false;
  registry.add(std::move(random));
}

}  // namespace sluice::runtime::builtins
