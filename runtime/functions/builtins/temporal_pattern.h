// Date-time patterns as Java writes them, for DATE_FORMAT, TO_TIMESTAMP, UNIX_TIMESTAMP,
// FROM_UNIXTIME and TO_DATE. Flink uses two Java classes, and the dialects differ in a few
// letters: java.time's DateTimeFormatter (DATE_FORMAT of a timestamp, TO_TIMESTAMP with a format)
// reads S as a fraction of the second and u as the year; java.text's SimpleDateFormat (the rest)
// reads S as milliseconds and u as the ISO day of the week, and ignores text after a match.
//
// Letters: G y u Y M L d D Q q E e c F W w a h H k K m s S A n N z Z X x O V, 'quoted text',
// '' for a quote, [optional sections] (java.time only). Names are English (Locale.US), week
// fields use the US week (starting Sunday, week 1 holding January 1st). Zone names are not kept:
// z and V print the offset as GMT+08:00 (UTC when zero). Two-digit years read as 20yy.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/data/datetime.h"

namespace sluice::runtime::builtins {

enum class PatternDialect : uint8_t { JavaTime, SimpleDateFormat };

// English names (Locale.US), shared by formatting and parsing.
inline constexpr std::string_view kMonthNames[] = {"January",   "February", "March",    "April",
                                                   "May",       "June",     "July",     "August",
                                                   "September", "October",  "November", "December"};
inline constexpr std::string_view kDayNames[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                 "Thursday", "Friday", "Saturday"};

class DateTimePattern {
 public:
  // The compiled pattern, or nullopt with `error` set ("unknown pattern letter 'b'").
  static std::optional<DateTimePattern> compile(std::string_view pattern, PatternDialect dialect,
                                                std::string& error);

  // Appends `local` (a local date-time) as the pattern writes it; zone letters print
  // `offsetSeconds`.
  void format(std::string& out, const CivilDateTime& local, int32_t offsetSeconds) const;
  // How long what `format` writes stays the same at a fixed offset: a day for a date pattern
  // ('yyyy-MM-dd'), an hour, a minute or a second for the finest time field, aligned on local
  // time; 0 when it may change every microsecond (fractions, milliseconds of the day).
  int64_t steadyMicros() const { return steadyMicros_; }
  // Tells compiled patterns apart (copies share it): a cache of formatted text keys on it.
  uint64_t id() const { return id_; }

  struct Parsed {
    CivilDateTime local;
    std::optional<int32_t> offsetSeconds;  // when the text carried one (X, Z, x, O, z)
  };
  // Fields the pattern lacks default to 1970-01-01 00:00:00, as Flink's parsing does.
  std::optional<Parsed> parse(std::string_view text) const;

 private:
  struct Part {
    enum class Kind : uint8_t { Literal, Field, OptionalStart, OptionalEnd };
    Kind kind = Kind::Literal;
    char letter = 0;
    int count = 0;
    std::string literal;
  };
  struct ParseState;

  bool parseRange(std::string_view text, size_t& pos, size_t first, size_t last,
                  ParseState& state) const;
  bool parseField(std::string_view text, size_t& pos, size_t index, ParseState& state) const;
  size_t matchingOptionalEnd(size_t start) const;

  std::vector<Part> parts_;
  PatternDialect dialect_ = PatternDialect::JavaTime;
  int64_t steadyMicros_ = 0;
  uint64_t id_ = 0;
};

}  // namespace sluice::runtime::builtins
