#include "compiler/types/identifier_case.h"

#include <algorithm>
#include <cctype>

namespace sluice {

static char upper(char c) { return static_cast<char>(std::toupper(static_cast<unsigned char>(c))); }
static char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (upper(a[i]) != upper(b[i])) return false;
  }
  return true;
}

std::string toUpperAscii(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), upper);
  return out;
}

std::string toLowerAscii(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), lower);
  return out;
}

size_t editDistanceIgnoreCase(std::string_view a, std::string_view b) {
  std::vector<size_t> previous(b.size() + 1), current(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t substitution = previous[j - 1] + (upper(a[i - 1]) == upper(b[j - 1]) ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
    }
    std::swap(previous, current);
  }
  return previous[b.size()];
}

std::string nearestName(std::string_view name, const std::vector<std::string>& candidates) {
  std::string best;
  size_t bestDistance = static_cast<size_t>(-1);
  for (const auto& candidate : candidates) {
    size_t d = editDistanceIgnoreCase(name, candidate);
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  // A plausible typo: at most a third of the name wrong, and at least one character right.
  size_t limit = std::max<size_t>(1, name.size() / 3);
  return bestDistance <= limit && bestDistance < name.size() ? best : "";
}

}  // namespace sluice
