#include "connectors/nexmark/nexmark_source.h"

#include <chrono>

namespace sluice::connectors::nexmark {

namespace {

int64_t wallClockMillis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

int NexmarkSourceReader::eventsDue(int limit) {
  const int64_t now = wallClockMillis();
  if (!wallClockStartMillis_) wallClockStartMillis_ = now;
  const int64_t elapsed = now - *wallClockStartMillis_;
  const int64_t firstTimestamp =
      generator_.share().timestampForEvent(generator_.share().eventNumber(0));
  // Event times grow with the event number, so the due events are a prefix.
  int due = 0;
  while (due < limit && generator_.timestampAhead(due) - firstTimestamp <= elapsed) ++due;
  return due;
}

runtime::ReadStatus NexmarkSourceReader::read(runtime::Batch& batch) {
  if (!generator_.hasNext()) {
    return generator_.share().settings().keepAlive ? runtime::ReadStatus::Idle
                                                   : runtime::ReadStatus::End;
  }
  int count = batch.capacity() - batch.size();
  if (!generator_.share().settings().maxEmitSpeed) count = eventsDue(count);
  if (count == 0) return runtime::ReadStatus::Idle;
  generator_.generate(batch, count);
  return runtime::ReadStatus::Data;
}

}  // namespace sluice::connectors::nexmark
