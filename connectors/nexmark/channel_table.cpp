#include "connectors/nexmark/channel_table.h"

#include <cassert>
#include <cstdint>
#include <cstring>
#include <string>

#include "connectors/nexmark/java_random.h"
#include "connectors/nexmark/strings_generator.h"

namespace sluice::connectors::nexmark {

namespace {

// Seeds of the hot channels' URLs, after the regular channels' (seeded with their numbers).
constexpr int64_t kHotUrlSeed = kChannelCount;

// BidGenerator.getBaseUrl: three words of 3-4 characters, '_' as the special character.
std::string baseUrl(JavaRandom& random) {
  std::string url = "https://www.nexmark.com/";
  char word[8];
  for (int i = 0; i < 3; ++i) {
    url.append(word, static_cast<size_t>(writeRandomString(random, 5, '_', word)));
    url += '/';
  }
  return url + "item.htm?query=1";
}

// Java's Math.abs(Integer.reverse(n)): the bits of n reversed, as a signed int made positive,
// except that Integer.MIN_VALUE (channel 1) stays negative.
int64_t reversedChannelId(int number) {
  uint32_t bits = static_cast<uint32_t>(number);
  uint32_t reversed = 0;
  for (int i = 0; i < 32; ++i, bits >>= 1) reversed = (reversed << 1) | (bits & 1);
  const auto value = static_cast<int64_t>(static_cast<int32_t>(reversed));
  if (value == INT32_MIN) return value;
  return value < 0 ? -value : value;
}

}  // namespace

const ChannelTable& ChannelTable::instance() {
  // Leaked on purpose: batches may still point at its URLs while the process exits.
  static const ChannelTable* const table = new ChannelTable();
  return *table;
}

runtime::StringRef ChannelTable::regularName(int number) {
  assert(number >= 0 && number < kChannelCount && "four digits at most");
  // 'chan' is the prefix; the 8 inline bytes are 'nel-' and the digits, most significant first
  // (the lowest byte first in memory), without leading zeros, then zero bytes.
  const auto n = static_cast<uint32_t>(number);
  const int digits = 1 + (n >= 10) + (n >= 100) + (n >= 1000);
  const uint32_t all = (n / 1000) | (n / 100 % 10) << 8 | (n / 10 % 10) << 16 | (n % 10) << 24;
  const uint32_t text = (all + 0x30303030u) >> (8 * (4 - digits));
  runtime::StringRef name;
  name.length = static_cast<uint32_t>(8 + digits);
  std::memcpy(name.prefix, "chan", 4);
  std::memcpy(name.rest.inlined, "nel-", 4);
  std::memcpy(name.rest.inlined + 4, &text, 4);
  return name;
}

ChannelTable::UrlPlace ChannelTable::keep(const std::string& url) {
  const UrlPlace place{static_cast<uint32_t>(text_.size()), static_cast<uint32_t>(url.size())};
  text_ += url;
  return place;
}

ChannelTable::ChannelTable() {
  static const char* const kHotNames[kHotChannelCount] = {"Google", "Facebook", "Baidu", "Apple"};
  for (int i = 0; i < kHotChannelCount; ++i) {
    JavaRandom random(kHotUrlSeed + i);
    hotNames_[i] = runtime::StringRef::of(kHotNames[i]);  // inline: all are short
    hotUrls_[i] = keep(baseUrl(random));
  }
  for (int n = 0; n < kChannelCount; ++n) {
    JavaRandom random(n);
    std::string url = baseUrl(random);
    if (random.nextInt(10) > 0) url += "&channel_id=" + std::to_string(reversedChannelId(n));
    regularUrls_[n] = keep(url);
  }
  text_.shrink_to_fit();  // views point into it from now on
  for (const UrlPlace& place : regularUrls_) {
    assert(place.length > runtime::StringRef::kInlineLimit &&
           text_.compare(place.offset, 4, "http") == 0 && "url() relies on the URL shape");
    (void)place;
  }
}

}  // namespace sluice::connectors::nexmark
