// The receiving end of the exchanges a pipeline instance reads: one bounded queue that every
// producer instance of every input exchange pushes into, and the event-time bookkeeping over
// those channels. A producer that finds the queue full waits (back-pressure), so a slow consumer
// slows its producers down to its pace instead of buffering without bound.
//
// Event time: each channel (one producer instance of one input) carries its own watermark; the
// gate's watermark is the minimum over channels that are neither idle nor ended, and it only
// moves forward. A channel marked idle (its source saw no rows for
// `table.exec.source.idle-timeout`) stops holding the minimum back until it sends rows again.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <vector>

#include "runtime/data/batch.h"
#include "runtime/exchange/in_flight_events.h"

namespace sluice::runtime {

// What travels through an exchange channel.
struct ChannelEvent {
  enum class Kind : uint8_t { Data, Watermark, Idle, Active, End };
  Kind kind = Kind::Data;
  int channel = 0;  // the sender's index in the receiving gate
  BatchPtr batch;   // Data
  int64_t watermark = 0;  // Watermark
};

class InputGate {
 public:
  // channelsPerInput[p]: the producer instances of input p (the head's p-th input exchange).
  // `bufferedBatches`: how many data batches per channel the queue holds before producers wait.
  InputGate(std::vector<int> channelsPerInput, int bufferedBatches);

  int channelCount() const { return static_cast<int>(channels_.size()); }
  // The channel of producer instance `subtask` of input `input`.
  int channelOf(int input, int subtask) const { return firstChannel_[input] + subtask; }

  // Producer side: enqueues an event, waiting while the queue is full (data only: control
  // events never wait, so a watermark or the end cannot deadlock). Returns the nanoseconds
  // spent waiting; gives up when `cancelled` is set.
  int64_t push(ChannelEvent event, const std::atomic<bool>& cancelled);

  // Consumer side: the next thing to act on.
  struct Next {
    enum class Kind : uint8_t {
      Data,       // `batch` of input `input`
      Watermark,  // the combined watermark advanced to `watermark`
      Idle,       // every channel that has not ended is idle
      Active,     // some channel is active again after Idle
      End,        // every channel has ended
      Timeout,    // nothing arrived within the wait
    };
    Kind kind = Kind::Timeout;
    int input = 0;
    BatchPtr batch;
    int64_t watermark = 0;
  };
  Next next(std::chrono::microseconds wait);

  int64_t watermark() const { return emittedWatermark_; }

  // Under `sqlc.exec.source-order`: every event pushed counts as in flight until the consumer
  // acknowledges that it has acted on the events its calls to next() took.
  void countInFlight(InFlightEvents* inFlight) { inFlight_ = inFlight; }
  void acknowledge();

 private:
  struct ChannelState {
    int input = 0;
    int64_t watermark = INT64_MIN;
    bool idle = false;
    bool ended = false;
  };

  // Queue, shared with producers.
  std::mutex mutex_;
  std::condition_variable notEmpty_;
  std::condition_variable notFull_;
  std::deque<ChannelEvent> queue_;
  int queuedBatches_ = 0;
  // Who sleeps on the condition variables: a notify goes out (after the lock is released) only
  // when someone waits. Notifying under the lock on every batch woke the consumer straight into
  // the producer's mutex: futex wakes were 7 % of q19's CPU.
  bool consumerWaiting_ = false;
  int producersWaiting_ = 0;
  int capacity_ = 1;
  InFlightEvents* inFlight_ = nullptr;
  int64_t takenSinceAcknowledged_ = 0;  // consumer-only

  // Consumer-only bookkeeping.
  std::vector<ChannelState> channels_;
  std::vector<int> firstChannel_;
  int endedChannels_ = 0;
  bool reportedIdle_ = false;
  int64_t emittedWatermark_ = INT64_MIN;

  // Applies a control event; fills `out` and returns true when the consumer must act.
  bool apply(const ChannelEvent& event, Next& out);
  bool allIdle() const;
  bool advanceWatermark(Next& out);
};

}  // namespace sluice::runtime
