#include "compiler/binder/interval_value.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <vector>

namespace sluice {

static int64_t unitMillis(const std::string& unit) {
  if (unit == "WEEK") return 7 * 86400000LL;
  if (unit == "DAY") return 86400000LL;
  if (unit == "HOUR") return 3600000LL;
  if (unit == "MINUTE") return 60000LL;
  if (unit == "SECOND") return 1000LL;
  if (unit == "MILLISECOND") return 1LL;
  return 0;  // MICROSECOND, NANOSECOND: below millisecond resolution
}

static const std::vector<std::string>& dayTimeUnits() {
  static const std::vector<std::string> kUnits = {"DAY", "HOUR", "MINUTE", "SECOND"};
  return kUnits;
}

Result<IntervalValue> parseIntervalLiteral(const ast::Literal& literal) {
  IntervalValue value;
  const std::string& from = literal.intervalFrom;
  const std::string& to = literal.intervalTo;
  std::string text = literal.text;
  while (!text.empty() && text.front() == ' ') text.erase(text.begin());
  while (!text.empty() && text.back() == ' ') text.pop_back();
  bool negative = literal.negative;
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
    negative = negative != (text[0] == '-');
    text = text.substr(1);
  }
  value.digest = "INTERVAL '" + std::string(literal.negative ? "-" : "") + literal.text + "' " +
                 from + (to.empty() ? "" : " TO " + to);
  auto invalid = [&]() {
    return fail("invalid interval literal '" + literal.text + "' for " + from +
                (to.empty() ? "" : " TO " + to));
  };
  if (from == "YEAR" || from == "MONTH" || from == "QUARTER") {
    value.yearMonth = true;
    if (to.empty()) {
      char* end = nullptr;
      long long n = std::strtoll(text.c_str(), &end, 10);
      if (end == text.c_str() || *end != '\0') return invalid();
      value.months = n * (from == "YEAR" ? 12 : from == "QUARTER" ? 3 : 1);
    } else {
      auto dash = text.find('-');
      if (to != "MONTH" || dash == std::string::npos) return invalid();
      value.months = std::atoll(text.substr(0, dash).c_str()) * 12 +
                     std::atoll(text.substr(dash + 1).c_str());
    }
    if (negative) value.months = -value.months;
    return value;
  }
  if (to.empty()) {
    char* end = nullptr;
    double n = std::strtod(text.c_str(), &end);
    if (end == text.c_str() || *end != '\0') return invalid();
    value.millis = static_cast<int64_t>(std::llround(n * static_cast<double>(unitMillis(from))));
  } else {
    // DAY TO SECOND '1 10:20:30.5': fields in order of the units between `from` and `to`.
    const auto& units = dayTimeUnits();
    auto first = std::find(units.begin(), units.end(), from);
    auto last = std::find(units.begin(), units.end(), to);
    if (first == units.end() || last == units.end() || last <= first) return invalid();
    std::vector<std::string> parts;
    std::string current;
    for (char c : text) {
      if (c == ' ' || c == ':') {
        parts.push_back(current);
        current.clear();
      } else {
        current += c;
      }
    }
    parts.push_back(current);
    if (parts.size() != static_cast<size_t>(last - first + 1)) return invalid();
    for (size_t i = 0; i < parts.size(); ++i) {
      char* end = nullptr;
      double n = std::strtod(parts[i].c_str(), &end);
      if (parts[i].empty() || *end != '\0') return invalid();
      value.millis += static_cast<int64_t>(std::llround(n * static_cast<double>(unitMillis(*(first + static_cast<long>(i))))));
    }
  }
  if (negative) value.millis = -value.millis;
  return value;
}

}  // namespace sluice
