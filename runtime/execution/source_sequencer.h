// Replays the rows of a job's sources in one fixed global order (`sqlc.exec.source-order`), so a
// job over several inputs (a join of two tables, a union) produces the same changelog on every
// run. Without it each source runs on its own thread and their rows meet at an exchange in
// whatever order the threads reach it, which is right for a live job but makes a changelog
// impossible to check exactly, or to replay while debugging.
//
// The option lists table names, one per row, optionally with a count: 'orders:2,customers,orders'
// means two rows of `orders`, then one of `customers`, then one of `orders`. A table read by
// several source nodes (a self-join) gives each of them, in node order, a row per turn.
//
// A turn lasts until the job is quiet: the row, and everything it caused, has passed through every
// exchange and operator it reaches (exchanges flush at once under sequencing, and each gate counts
// the events it holds). Then the next turn starts. When the list runs out, the sources that still
// have rows take one long turn each, in node order; then each source ends (its end-of-time
// watermark and end travel on their own turn), in node order.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "compiler/artifact/job_plan.h"
#include "runtime/exchange/in_flight_events.h"

namespace sluice::runtime {

class SourceSequencer {
 public:
  // Null when the plan sets no order, or reads a single source. Throws JobFailure for a malformed option, an unknown table,
  // or a sequenced source with more than one instance.
  static std::unique_ptr<SourceSequencer> fromPlan(const artifact::JobPlan& plan);

  // True when `nodeId` is a source this sequencer orders.
  bool orders(int nodeId) const;
  InFlightEvents& inFlight() { return inFlight_; }

  // Blocks until `nodeId` may read one row; false when cancelled first.
  bool awaitRowTurn(int nodeId, const std::atomic<bool>& cancelled);
  // The row read on this turn has been pushed: waits for the job to be quiet, then moves on.
  bool endRowTurn(const std::atomic<bool>& cancelled);
  // `nodeId` has no more rows: gives up its remaining row turns and blocks until it may end.
  bool awaitEndTurn(int nodeId, const std::atomic<bool>& cancelled);
  // The source has ended (finish has run): waits for the job to be quiet, then moves on.
  bool endEndTurn(int nodeId, const std::atomic<bool>& cancelled);

 private:
  SourceSequencer(std::vector<int> turns, std::vector<int> nodes);

  // The node whose turn it is now; -1 when none (all ended). Under the lock.
  int currentNode() const;
  bool waitFor(std::unique_lock<std::mutex>& lock, int nodeId, const std::atomic<bool>& cancelled);

  std::vector<int> turns_;  // node ids, one per row, in order
  std::vector<int> nodes_;  // the sequenced source nodes, in id order
  std::mutex mutex_;
  std::condition_variable changed_;
  size_t nextTurn_ = 0;
  std::vector<int> drained_;  // nodes that read their last row
  std::vector<int> ended_;    // nodes that have ended
  InFlightEvents inFlight_;
};

}  // namespace sluice::runtime
