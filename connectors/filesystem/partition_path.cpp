#include "connectors/filesystem/partition_path.h"

#include <cctype>
#include <string_view>

namespace sluice::connectors {

namespace {

// The characters Flink's PartitionPathUtils escapes: controls, DEL, and those a path or Hive
// gives a meaning to.
bool needsEscape(unsigned char c) {
  if (c < 0x20 || c == 0x7F) return true;
  switch (c) {
    case '"': case '#': case '%': case '\'': case '*': case '/': case ':': case '=': case '?':
    case '\\': case '{': case '[': case ']': case '^':
      return true;
    default:
      return false;
  }
}

bool blank(const std::string& text) {
  for (char c : text) {
    if (!std::isspace(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
int64_t daysFromCivil(int64_t year, int64_t month, int64_t day) {
  year -= month <= 2 ? 1 : 0;
  const int64_t era = (year >= 0 ? year : year - 399) / 400;
  const int64_t yearOfEra = year - era * 400;
  const int64_t dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int64_t dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

bool leapYear(int64_t year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int daysInMonth(int64_t year, int64_t month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && leapYear(year) ? 29 : kDays[month - 1];
}

struct Fields {
  int64_t year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0, micros = 0;
};

std::optional<int64_t> toMicros(const Fields& f) {
  if (f.month < 1 || f.month > 12 || f.day < 1 || f.day > daysInMonth(f.year, f.month) ||
      f.hour > 23 || f.minute > 59 || f.second > 59) {
    return std::nullopt;
  }
  const int64_t seconds =
      daysFromCivil(f.year, f.month, f.day) * 86400 + f.hour * 3600 + f.minute * 60 + f.second;
  return seconds * 1'000'000 + f.micros;
}

// Reads minDigits..maxDigits decimal digits at `at`.
bool readNumber(std::string_view text, size_t& at, size_t minDigits, size_t maxDigits,
                int64_t& out) {
  size_t digits = 0;
  out = 0;
  while (at < text.size() && digits < maxDigits && std::isdigit(static_cast<unsigned char>(text[at]))) {
    out = out * 10 + (text[at] - '0');
    ++at;
    ++digits;
  }
  return digits >= minDigits;
}

bool expect(std::string_view text, size_t& at, char c) {
  if (at >= text.size() || text[at] != c) return false;
  ++at;
  return true;
}

}  // namespace

std::string escapePartitionValue(const std::string& value) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    const auto byte = static_cast<unsigned char>(c);
    if (!needsEscape(byte)) {
      out += c;
      continue;
    }
    out += '%';
    out += kHex[byte >> 4];
    out += kHex[byte & 0xF];
  }
  return out;
}

std::string partitionDirectory(const std::vector<std::string>& keys,
                               const std::vector<std::optional<std::string>>& values,
                               const std::string& defaultName) {
  std::string path;
  for (size_t i = 0; i < keys.size(); ++i) {
    if (i > 0) path += '/';
    const std::optional<std::string>& value = values[i];
    path += escapePartitionValue(keys[i]);
    path += '=';
    path += !value || blank(*value) ? escapePartitionValue(defaultName)
                                    : escapePartitionValue(*value);
  }
  return path;
}

PartitionTimeExtractor::PartitionTimeExtractor(std::vector<std::string> keys, std::string pattern,
                                               std::string formatter)
    : keys_(std::move(keys)), pattern_(std::move(pattern)), formatter_(std::move(formatter)) {}

// Each '$key' replaced in the order of the keys, as Flink's DefaultPartTimeExtractor does.
std::string PartitionTimeExtractor::timestampText(const std::vector<std::string>& values) const {
  if (pattern_.empty()) return values.empty() ? std::string() : values[0];
  std::string text = pattern_;
  for (size_t i = 0; i < keys_.size() && i < values.size(); ++i) {
    const std::string placeholder = "$" + keys_[i];
    for (size_t at = text.find(placeholder); at != std::string::npos;
         at = text.find(placeholder, at + values[i].size())) {
      text.replace(at, placeholder.size(), values[i]);
    }
  }
  return text;
}

std::optional<int64_t> PartitionTimeExtractor::extract(
    const std::vector<std::string>& values) const {
  const std::string text = timestampText(values);
  return formatter_.empty() ? parseLocalTimestamp(text) : parseLocalTimestamp(text, formatter_);
}

std::optional<int64_t> parseLocalTimestamp(const std::string& text) {
  const std::string_view view(text);
  size_t at = 0;
  Fields f;
  if (!readNumber(view, at, 1, 10, f.year) || !expect(view, at, '-') ||
      !readNumber(view, at, 1, 2, f.month) || !expect(view, at, '-') ||
      !readNumber(view, at, 1, 2, f.day)) {
    return std::nullopt;
  }
  if (at < view.size()) {
    if (!expect(view, at, ' ') || !readNumber(view, at, 1, 2, f.hour) || !expect(view, at, ':') ||
        !readNumber(view, at, 1, 2, f.minute) || !expect(view, at, ':') ||
        !readNumber(view, at, 1, 2, f.second)) {
      return std::nullopt;
    }
    if (at < view.size()) {
      if (!expect(view, at, '.')) return std::nullopt;
      const size_t start = at;
      int64_t fraction = 0;
      if (!readNumber(view, at, 0, 9, fraction)) return std::nullopt;
      for (size_t digits = at - start; digits < 9; ++digits) fraction *= 10;
      f.micros = fraction / 1000;
    }
  }
  if (at != view.size()) return std::nullopt;
  return toMicros(f);
}

std::optional<int64_t> parseLocalTimestamp(const std::string& text, const std::string& formatter) {
  const std::string_view view(text);
  size_t at = 0;
  Fields f;
  for (size_t i = 0; i < formatter.size();) {
    const char letter = formatter[i];
    size_t run = 1;
    while (i + run < formatter.size() && formatter[i + run] == letter) ++run;
    int64_t* field = nullptr;
    switch (letter) {
      case 'y': case 'u': field = &f.year; break;
      case 'M': field = &f.month; break;
      case 'd': field = &f.day; break;
      case 'H': field = &f.hour; break;
      case 'm': field = &f.minute; break;
      case 's': field = &f.second; break;
      default: break;
    }
    if (field != nullptr) {
      // A run of n letters reads exactly n digits, except a year of 4 or more letters not
      // followed by another field (up to 10 digits), as java.time's adjacent value parsing.
      const bool adjacent = i + run < formatter.size() &&
                            std::isalpha(static_cast<unsigned char>(formatter[i + run]));
      const bool year = field == &f.year && run >= 4 && !adjacent;
      if (!readNumber(view, at, run, year ? 10 : run, *field)) return std::nullopt;
    } else if (std::isalpha(static_cast<unsigned char>(letter))) {
      return std::nullopt;  // a pattern letter this reader does not know
    } else {
      for (size_t k = 0; k < run; ++k) {
        if (!expect(view, at, letter)) return std::nullopt;
      }
    }
    i += run;
  }
  if (at != view.size()) return std::nullopt;
  return toMicros(f);
}

}  // namespace sluice::connectors
