#include "runtime/operators/window_slices.h"

#include <climits>
#include <stdexcept>

namespace sluice::runtime {

WindowSlices::WindowSlices(const artifact::Window& window, const std::string& timeZone)
    : window_(window) {
  if (window.localTime && timeZone != "UTC") {
    zone_ = TimeZone::forName(timeZone);
    if (!zone_) throw std::invalid_argument("unknown time zone '" + timeZone + "'");
  }
  switch (window.kind) {
    case artifact::WindowKind::Tumble: sliceSize_ = window.sizeMicros; break;
    case artifact::WindowKind::Hop:
    case artifact::WindowKind::Cumulate: sliceSize_ = window.slideMicros; break;
    case artifact::WindowKind::Session:
      throw std::invalid_argument("session windows are not sliced");
  }
  if (sliceSize_ <= 0 || window.sizeMicros <= 0 || window.sizeMicros % sliceSize_ != 0) {
    throw std::invalid_argument("window " + window.digest() + " has no valid slice size");
  }
}

int64_t WindowSlices::toClock(int64_t instant) const {
  return zone_ ? zone_->localMicrosFromUtc(instant) : instant;
}

int64_t WindowSlices::fromClock(int64_t clock) const {
  return zone_ ? zone_->utcMicrosFromLocal(clock) : clock;
}

int64_t WindowSlices::alignedStart(int64_t clock, int64_t size) const {
  return clock - floorMod(clock - window_.offsetMicros, size);
}

int64_t WindowSlices::sliceEnd(int64_t timestamp) const {
  return alignedStart(toClock(timestamp), sliceSize_) + sliceSize_;
}

void WindowSlices::windowEnds(int64_t sliceEnd, std::vector<int64_t>& ends) const {
  // Every slice end is a window end (HOP windows end at every slide, CUMULATE ones at every
  // step); the windows holding a slice end from its own end through the last one.
  ends.clear();
  const int64_t last = lastWindowEnd(sliceEnd);
  for (int64_t end = sliceEnd; end <= last; end += sliceSize_) ends.push_back(end);
}

int64_t WindowSlices::lastWindowEnd(int64_t sliceEnd) const {
  switch (window_.kind) {
    case artifact::WindowKind::Hop: return sliceEnd - sliceSize_ + window_.sizeMicros;
    case artifact::WindowKind::Cumulate:
      return alignedStart(sliceEnd - 1, window_.sizeMicros) + window_.sizeMicros;
    default: return sliceEnd;
  }
}

int64_t WindowSlices::windowStart(int64_t windowEnd) const {
  switch (window_.kind) {
    case artifact::WindowKind::Cumulate: return alignedStart(windowEnd - 1, window_.sizeMicros);
    default: return windowEnd - window_.sizeMicros;
  }
}

void WindowSlices::slicesOf(int64_t windowEnd, std::vector<int64_t>& sliceEnds) const {
  sliceEnds.clear();
  for (int64_t end = windowStart(windowEnd) + sliceSize_; end <= windowEnd; end += sliceSize_) {
    sliceEnds.push_back(end);
  }
}

int64_t WindowSlices::expiredThrough(int64_t windowEnd) const {
  switch (window_.kind) {
    case artifact::WindowKind::Hop:
      // The window's first slice is in no later window.
      return windowEnd - window_.sizeMicros + sliceSize_;
    case artifact::WindowKind::Cumulate:
      // Slices serve every window up to the cumulation's end.
      return windowEnd == lastWindowEnd(windowEnd) ? windowEnd : INT64_MIN;
    default: return windowEnd;
  }
}

}  // namespace sluice::runtime
