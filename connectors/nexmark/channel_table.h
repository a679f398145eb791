// The channels of bids (BidGenerator's): four hot ones (Google, Facebook, Baidu, Apple) and
// 10 000 others named 'channel-<n>', each with a URL of the shape
// https://www.nexmark.com/<w>/<w>/<w>/item.htm?query=1, nine in ten of the others followed by
// '&channel_id=<abs(Integer.reverse(n))>'. Java draws the URLs' words from unseeded randoms (so
// they differ per JVM and per thread); here each URL is drawn from a Random seeded with its
// channel, so every instance and every run agrees. The table is built once and never changes.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <string>

#include "runtime/data/string_ref.h"

namespace sluice::connectors::nexmark {

constexpr int kHotChannelCount = 4;
constexpr int kChannelCount = 10000;

class ChannelTable {
 public:
  // The process-wide table, built on first use (thread-safe) and never destroyed, so views of
  // its URLs stay valid in any batch.
  static const ChannelTable& instance();

  runtime::StringRef hotName(int index) const { return hotNames_[index]; }
  runtime::StringRef hotUrl(int index) const { return url(hotUrls_[index]); }
  // 'channel-<n>', at most 12 bytes, so inline in the view.
  static runtime::StringRef regularName(int number);
  runtime::StringRef regularUrl(int number) const { return url(regularUrls_[number]); }

 private:
  // A URL as a place in `text_`: 8 bytes rather than a 16-byte view, so that the table of the
  // regular channels, read at random, stays small enough for the cache.
  struct UrlPlace {
    uint32_t offset;
    uint32_t length;
  };

  ChannelTable();
  UrlPlace keep(const std::string& url);
  // The view built without reading the URL's bytes (StringRef::of would read its prefix, a
  // cache miss per bid): every URL is longer than the inline limit and starts with "http".
  runtime::StringRef url(UrlPlace place) const {
    runtime::StringRef view;
    view.length = place.length;
    std::memcpy(view.prefix, "http", 4);
    view.rest.pointer = text_.data() + place.offset;
    return view;
  }

  std::array<runtime::StringRef, kHotChannelCount> hotNames_;
  std::array<UrlPlace, kHotChannelCount> hotUrls_;
  std::array<UrlPlace, kChannelCount> regularUrls_;
  std::string text_;  // every URL, one after the other; not resized once built
};

}  // namespace sluice::connectors::nexmark
