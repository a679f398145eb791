#include "compiler/types/lookup_options.h"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "compiler/types/option_values.h"

namespace sluice {
namespace {

std::string lowerCase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// The WITH options of one table, found case-insensitively for Blink tables (declared with
// `type`), exactly otherwise.
class OptionReader {
 public:
  OptionReader(const std::map<std::string, std::string>& options, std::string& error)
      : options_(options), error_(error) {
    for (const auto& [key, value] : options) {
      if (lowerCase(key) == "type") blink_ = true;
    }
  }

  bool blink() const { return blink_; }

  const std::string* find(const std::string& key) const {
    if (!blink_) {
      auto it = options_.find(key);
      return it == options_.end() ? nullptr : &it->second;
    }
    const std::string wanted = lowerCase(key);
    for (const auto& [candidate, value] : options_) {
      if (lowerCase(candidate) == wanted) return &value;
    }
    return nullptr;
  }

  // A non-negative count; false (with the error set) for anything else.
  bool count(const std::string& key, int64_t& out) const {
    const std::string* text = find(key);
    if (text == nullptr) return true;
    int64_t value = 0;
    const char* end = text->data() + text->size();
    auto [ptr, ec] = std::from_chars(text->data(), end, value);
    if (ec != std::errc() || ptr != end || value < 0) {
      return fail(key, *text, "a non-negative integer");
    }
    out = value;
    return true;
  }

  // A duration in Flink's syntax ('10s', '1 min', '500': millis).
  bool duration(const std::string& key, int64_t& millis) const {
    const std::string* text = find(key);
    if (text == nullptr) return true;
    auto micros = parseDurationMicros(*text);
    if (!micros) return fail(key, *text, "a duration such as '10 s' or '1 min'");
    millis = *micros / 1000;
    return true;
  }

  bool flag(const std::string& key, bool& out) const {
    const std::string* text = find(key);
    if (text == nullptr) return true;
    const std::string value = lowerCase(*text);
    if (value != "true" && value != "false") return fail(key, *text, "'true' or 'false'");
    out = value == "true";
    return true;
  }

  bool fail(const std::string& key, const std::string& value,
            const std::string& expectation) const {
    error_ = "invalid value '" + value + "' for option '" + key + "': expected " + expectation;
    return false;
  }

 private:
  const std::map<std::string, std::string>& options_;
  std::string& error_;
  bool blink_ = false;
};

bool readFlinkCache(const OptionReader& reader, LookupCacheOptions& cache) {
  const std::string* kind = reader.find("lookup.cache");
  const bool deprecated = reader.find("lookup.cache.max-rows") || reader.find("lookup.cache.ttl");
  if (kind != nullptr) {
    const std::string lower = lowerCase(*kind);
    if (lower == "none") {
      cache.kind = LookupCacheKind::None;
    } else if (lower == "partial") {
      cache.kind = LookupCacheKind::Partial;
    } else if (lower == "full") {
      cache.kind = LookupCacheKind::Full;
    } else {
      return reader.fail("lookup.cache", *kind, "'NONE', 'PARTIAL' or 'FULL'");
    }
  } else if (deprecated) {
    cache.kind = LookupCacheKind::Partial;
  }
  return reader.count("lookup.cache.max-rows", cache.maxRows) &&
         reader.duration("lookup.cache.ttl", cache.expireAfterWriteMillis) &&
         reader.count("lookup.partial-cache.max-rows", cache.maxRows) &&
         reader.duration("lookup.partial-cache.expire-after-write", cache.expireAfterWriteMillis) &&
         reader.duration("lookup.partial-cache.expire-after-access",
                         cache.expireAfterAccessMillis) &&
         reader.flag("lookup.partial-cache.cache-missing-key", cache.cacheMissingKey) &&
         reader.duration("lookup.full-cache.periodic-reload.interval", cache.reloadIntervalMillis);
}

bool readBlinkCache(const OptionReader& reader, LookupCacheOptions& cache) {
  const std::string* kind = reader.find("cache");
  if (kind == nullptr) return true;
  const std::string lower = lowerCase(*kind);
  int64_t ttl = -1;
  if (!reader.count("cacheTTLMs", ttl)) return false;
  if (lower == "none") {
    cache.kind = LookupCacheKind::None;
  } else if (lower == "lru") {
    cache.kind = LookupCacheKind::Partial;
    cache.maxRows = 10000;
    if (!reader.count("cacheSize", cache.maxRows)) return false;
    cache.expireAfterWriteMillis = std::max<int64_t>(ttl, 0);
  } else if (lower == "all") {
    cache.kind = LookupCacheKind::Full;
    cache.reloadIntervalMillis = ttl;
  } else {
    return reader.fail("cache", *kind, "'None', 'LRU' or 'ALL'");
  }
  return true;
}

}  // namespace

std::optional<LookupCacheOptions> parseLookupCacheOptions(
    const std::map<std::string, std::string>& options, std::string& error) {
  OptionReader reader(options, error);
  LookupCacheOptions cache;
  const bool ok = reader.blink() ? readBlinkCache(reader, cache) : readFlinkCache(reader, cache);
  if (!ok) return std::nullopt;
  return cache;
}

std::optional<LookupHintOptions> parseLookupHint(
    const std::vector<std::pair<std::string, std::string>>& options, std::string& error) {
  LookupHintOptions hint;
  std::map<std::string, std::string> given;
  for (const auto& [key, value] : options) given[key] = value;
  auto bad = [&](const std::string& key,
                 const std::string& expectation) -> std::optional<LookupHintOptions> {
    error = "invalid value '" + given[key] + "' for LOOKUP hint option '" + key + "': expected " +
            expectation;
    return std::nullopt;
  };
  for (const auto& [key, value] : given) {
    const std::string lower = lowerCase(value);
    if (key == "table") {
      hint.table = value;
    } else if (key == "async") {
      if (lower != "true" && lower != "false") return bad(key, "'true' or 'false'");
      hint.async = lower == "true";
    } else if (key == "output-mode") {
      if (lower != "ordered" && lower != "allow_unordered") {
        return bad(key, "'ordered' or 'allow_unordered'");
      }
      hint.orderedOutput = lower == "ordered";
    } else if (key == "capacity" || key == "max-attempts") {
      int64_t parsed = 0;
      auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), parsed);
      if (ec != std::errc() || ptr != value.data() + value.size() || parsed <= 0) {
        return bad(key, "a positive integer");
      }
      (key == "capacity" ? hint.capacity : hint.maxAttempts) = parsed;
    } else if (key == "timeout" || key == "fixed-delay") {
      auto micros = parseDurationMicros(value);
      if (!micros) return bad(key, "a duration such as '10s' or '500 ms'");
      (key == "timeout" ? hint.timeoutMillis : hint.fixedDelayMillis) = *micros / 1000;
    } else if (key == "retry-predicate") {
      if (lower != "lookup_miss") return bad(key, "'lookup_miss'");
      hint.retryOnMiss = true;
    } else if (key == "retry-strategy") {
      if (lower != "fixed_delay") return bad(key, "'fixed_delay'");
    } else {
      error = "unknown LOOKUP hint option '" + key + "'";
      return std::nullopt;
    }
  }
  const bool anyRetry = given.count("retry-predicate") || given.count("retry-strategy") ||
                        given.count("fixed-delay") || given.count("max-attempts");
  if (anyRetry) {
    for (const char* key : {"retry-predicate", "retry-strategy", "fixed-delay", "max-attempts"}) {
      if (!given.count(key)) {
        error = std::string(
                    "a LOOKUP hint with a retry needs 'retry-predicate', "
                    "'retry-strategy', 'fixed-delay' and 'max-attempts'; '") +
                key + "' is missing";
        return std::nullopt;
      }
    }
  }
  if (hint.table.empty()) {
    error = "LOOKUP needs the 'table' option";
    return std::nullopt;
  }
  return hint;
}

}  // namespace sluice
