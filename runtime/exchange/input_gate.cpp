#include "runtime/exchange/input_gate.h"

#include <algorithm>
#include <climits>

#include "runtime/execution/task_clock.h"

namespace sluice::runtime {

InputGate::InputGate(std::vector<int> channelsPerInput, int bufferedBatches) {
  for (int input = 0; input < static_cast<int>(channelsPerInput.size()); ++input) {
    firstChannel_.push_back(static_cast<int>(channels_.size()));
    for (int i = 0; i < channelsPerInput[input]; ++i) channels_.push_back({input});
  }
  // In 64 bits: `bufferedBatches` is a user option, and the product overflowed int.
  const int64_t capacity = int64_t{bufferedBatches} * std::max(1, channelCount());
  capacity_ = static_cast<int>(std::clamp<int64_t>(capacity, 2, INT_MAX));
}

int64_t InputGate::push(ChannelEvent event, const std::atomic<bool>& cancelled) {
  std::unique_lock<std::mutex> lock(mutex_);
  int64_t waited = 0;
  if (event.kind == ChannelEvent::Kind::Data) {
    if (queuedBatches_ >= capacity_) {
      const int64_t started = steadyNanos();
      // Wakes up now and then to notice a failed or cancelled job.
      ++producersWaiting_;
      while (queuedBatches_ >= capacity_ && !cancelled.load(std::memory_order_relaxed)) {
        notFull_.wait_for(lock, std::chrono::milliseconds(50));
      }
      --producersWaiting_;
      waited = steadyNanos() - started;
      if (cancelled.load(std::memory_order_relaxed)) return waited;
    }
    ++queuedBatches_;
  }
  if (inFlight_) inFlight_->added(1);
  queue_.push_back(std::move(event));
  const bool wake = consumerWaiting_;
  lock.unlock();
  if (wake) notEmpty_.notify_one();
  return waited;
}

InputGate::Next InputGate::next(std::chrono::microseconds wait) {
  Next out;
  const auto deadline = std::chrono::steady_clock::now() + wait;
  while (true) {
    ChannelEvent event;
    bool wakeProducer = false;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      if (queue_.empty() && endedChannels_ == channelCount()) {
        out.kind = Next::Kind::End;
        return out;
      }
      consumerWaiting_ = true;
      const bool arrived = notEmpty_.wait_until(lock, deadline, [&] { return !queue_.empty(); });
      consumerWaiting_ = false;
      if (!arrived) {
        out.kind = Next::Kind::Timeout;
        return out;
      }
      const ChannelEvent& front = queue_.front();
      if (front.kind == ChannelEvent::Kind::Data && channels_[front.channel].idle) {
        // Rows on an idle channel make it active again, before they are processed: when the
        // gate had reported Idle, Active goes first and the rows stay queued for the next call.
        channels_[front.channel].idle = false;
        if (reportedIdle_) {
          reportedIdle_ = false;
          out.kind = Next::Kind::Active;
          return out;
        }
      }
      event = std::move(queue_.front());
      queue_.pop_front();
      ++takenSinceAcknowledged_;
      if (event.kind == ChannelEvent::Kind::Data) {
        --queuedBatches_;
        wakeProducer = producersWaiting_ > 0;
      }
    }
    if (wakeProducer) notFull_.notify_one();
    if (event.kind == ChannelEvent::Kind::Data) {
      const ChannelState& channel = channels_[event.channel];
      out.kind = Next::Kind::Data;
      out.input = channel.input;
      out.batch = std::move(event.batch);
      return out;
    }
    if (apply(event, out)) return out;
  }
}

void InputGate::acknowledge() {
  if (inFlight_) inFlight_->done(takenSinceAcknowledged_);
  takenSinceAcknowledged_ = 0;
}

bool InputGate::apply(const ChannelEvent& event, Next& out) {
  ChannelState& channel = channels_[event.channel];
  switch (event.kind) {
    case ChannelEvent::Kind::Data: return false;
    case ChannelEvent::Kind::Watermark:
      channel.watermark = std::max(channel.watermark, event.watermark);
      return advanceWatermark(out);
    case ChannelEvent::Kind::Idle:
      channel.idle = true;
      if (advanceWatermark(out)) return true;  // the idle channel no longer holds others back
      if (!reportedIdle_ && allIdle()) {
        reportedIdle_ = true;
        out.kind = Next::Kind::Idle;
        return true;
      }
      return false;
    case ChannelEvent::Kind::Active:
      channel.idle = false;
      if (reportedIdle_) {
        reportedIdle_ = false;
        out.kind = Next::Kind::Active;
        return true;
      }
      return false;
    case ChannelEvent::Kind::End:
      if (!channel.ended) {
        channel.ended = true;
        ++endedChannels_;
      }
      if (advanceWatermark(out)) return true;
      if (endedChannels_ == channelCount()) {
        out.kind = Next::Kind::End;
        return true;
      }
      // The channel that ended may have been the last one not idle.
      if (!reportedIdle_ && allIdle()) {
        reportedIdle_ = true;
        out.kind = Next::Kind::Idle;
        return true;
      }
      return false;
  }
  return false;
}

bool InputGate::allIdle() const {
  bool anyOpen = false;
  for (const ChannelState& channel : channels_) {
    if (channel.ended) continue;
    anyOpen = true;
    if (!channel.idle) return false;
  }
  return anyOpen;
}

bool InputGate::advanceWatermark(Next& out) {
  int64_t combined = INT64_MAX;
  bool anyActive = false;
  for (const ChannelState& channel : channels_) {
    // A channel that ended or reached the end of time (what a finishing producer sends before
    // its end) never holds the minimum. Nor does it count as active: when every other channel
    // is idle the watermark waits for them instead of jumping to the end of time, which made
    // every later row of an idle unbounded input late once a bounded input beside it finished.
    if (channel.idle || channel.ended || channel.watermark == INT64_MAX) continue;
    anyActive = true;
    combined = std::min(combined, channel.watermark);
  }
  // Once every channel has ended, event time is complete.
  if (!anyActive && endedChannels_ < channelCount()) return false;
  if (combined <= emittedWatermark_) return false;
  emittedWatermark_ = combined;
  out.kind = Next::Kind::Watermark;
  out.watermark = combined;
  return true;
}

}  // namespace sluice::runtime
