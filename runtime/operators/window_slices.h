// Which windows a timestamp falls in, as Flink's slice assigners compute it. TUMBLE, HOP and
// CUMULATE windows are cut into slices (a TUMBLE window is one slice; HOP slices are one slide
// long; CUMULATE slices one step): every row belongs to exactly one slice, each slice keeps one
// partial aggregate per key, and a window's result merges the partials of its slices, so a row
// is aggregated once however many windows overlap it. Times are microseconds; a window
// [start, end) fires when the watermark reaches end - 1 ms (Flink's window.maxTimestamp()).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "compiler/artifact/job_plan.h"
#include "runtime/data/time_zone.h"

namespace sluice::runtime {

constexpr int64_t kWindowTimePrecisionMicros = 1'000;  // window_time = window_end - 1 ms

class WindowSlices {
 public:
  // `window` must be TUMBLE, HOP or CUMULATE with positive sizes (the binder checks that HOP's
  // size and CUMULATE's max size are multiples of the slide or step). A window over local time
  // aligns on the wall clock of `timeZone` (table.local-time-zone).
  WindowSlices(const artifact::Window& window, const std::string& timeZone);

  // The window's clock: the local wall-clock time of an instant (as microseconds since the epoch
  // read as UTC) for a local-time window, the instant itself otherwise; and back, a time in a
  // daylight-saving gap moving forward by the gap, an ambiguous one taking the earlier instant.
  // Slice and window bounds below are times on this clock, as Flink computes windows on
  // "shifted" timestamps: a day window is 23 or 25 hours long across a daylight-saving change
  // and ends at local midnight. Compare a bound with a watermark or output it through
  // fromClock.
  int64_t toClock(int64_t instant) const;
  int64_t fromClock(int64_t clock) const;
  // Whether the clock differs from instants (a local-time window outside UTC).
  bool local() const { return zone_.has_value(); }

  // The end of the slice holding the instant `timestamp`; slices are sliceSize() long.
  int64_t sliceEnd(int64_t timestamp) const;
  int64_t sliceSize() const { return sliceSize_; }
  // The ends of the windows a slice belongs to, ascending.
  void windowEnds(int64_t sliceEnd, std::vector<int64_t>& ends) const;
  // The last of them: once it has fired, rows of the slice are late.
  int64_t lastWindowEnd(int64_t sliceEnd) const;
  int64_t windowStart(int64_t windowEnd) const;
  // The slices of the window ending at `windowEnd`, ascending.
  void slicesOf(int64_t windowEnd, std::vector<int64_t>& sliceEnds) const;
  // After the window ending at `windowEnd` fired, slices ending at or before the returned time
  // belong to no window still to fire (INT64_MIN: none yet).
  int64_t expiredThrough(int64_t windowEnd) const;

 private:
  // The start of the window of `size` holding `clock`, aligned on the epoch plus the offset.
  int64_t alignedStart(int64_t clock, int64_t size) const;

  artifact::Window window_;
  int64_t sliceSize_ = 0;
  std::optional<TimeZone> zone_;  // set for a local-time window outside UTC
};

// Flink's floor modulo: the remainder with the divisor's sign.
constexpr int64_t floorMod(int64_t value, int64_t divisor) {
  const int64_t r = value % divisor;
  return r != 0 && ((r < 0) != (divisor < 0)) ? r + divisor : r;
}

}  // namespace sluice::runtime
