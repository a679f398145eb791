#include "compiler/catalog/optimizer_options.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>

namespace sluice {
namespace {

bool isBoolean(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text == "true" || text == "false";
}

// Flink's bucket-num is an Integer, and the buckets are MOD(HASH_CODE(x), n): n must be positive.
bool isPositiveInt(const std::string& text) {
  int32_t value = 0;
  const char* end = text.data() + text.size();
  const auto [at, error] = std::from_chars(text.data(), end, value);
  return error == std::errc() && at == end && value > 0;
}

}  // namespace

std::optional<std::string> optimizerOptionError(const std::string& key, const std::string& value) {
  const bool flag =
      key == kDistinctSplitEnabled || key == kReuseSourceEnabled || key == kReuseSubPlanEnabled;
  if (flag && !isBoolean(value)) {
    return "option '" + key + "' must be true or false, not '" + value + "'";
  }
  if (key == kDistinctSplitBuckets && !isPositiveInt(value)) {
    return "option '" + key + "' must be a positive integer, not '" + value + "'";
  }
  return std::nullopt;
}

}  // namespace sluice
