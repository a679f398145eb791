#include "runtime/operators/window_table_function.h"
#include "runtime/operators/operator_support.h"

#include "runtime/data/vector_copy.h"
#include "runtime/execution/task_clock.h"
#include "runtime/operators/window_slices.h"

namespace sluice::runtime {
namespace {


}  // namespace

WindowTableFunctionOperator::WindowTableFunctionOperator(const artifact::Node& node,
                                                         const OperatorContext& context)
    : node_(node),
      aligner_(node.window, context.timeZone),
      inputWidth_(static_cast<int>(context.inputTypes.size())),
      output_(nodeTypes(node), context.batchSize) {}

// Flink's window assigners: windows in the order they list them (HOP: latest start first). The
// bounds are computed on the window's clock from the row's own time, then turned into instants,
// so that a window over local time starts and ends on the local wall clock even when a
// daylight-saving change makes it shorter or longer than its size.
void WindowTableFunctionOperator::assign(int64_t timestamp, std::vector<Window>& windows) const {
  const artifact::Window& w = node_.window;
  const int64_t clock = aligner_.toClock(timestamp);
  auto alignedStart = [&](int64_t size) { return clock - floorMod(clock - w.offsetMicros, size); };
  auto window = [&](int64_t start, int64_t end) {
    windows.push_back({aligner_.fromClock(start), aligner_.fromClock(end)});
  };
  switch (w.kind) {
    case artifact::WindowKind::Tumble: {
      const int64_t start = alignedStart(w.sizeMicros);
      window(start, start + w.sizeMicros);
      break;
    }
    case artifact::WindowKind::Hop:
      for (int64_t start = alignedStart(w.slideMicros); start > clock - w.sizeMicros;
           start -= w.slideMicros) {
        window(start, start + w.sizeMicros);
      }
      break;
    case artifact::WindowKind::Cumulate: {
      const int64_t start = alignedStart(w.sizeMicros);
      for (int64_t end = alignedStart(w.slideMicros) + w.slideMicros; end <= start + w.sizeMicros;
           end += w.slideMicros) {
        window(start, end);
      }
      break;
    }
    case artifact::WindowKind::Session: break;  // refused by the planner
  }
}

void WindowTableFunctionOperator::processBatch(Batch& batch, int /*input*/, Output& out) {
  const bool eventTime = node_.window.eventTime;
  const Vector* time = eventTime ? &batch.column(node_.window.timeColumn) : nullptr;
  const int64_t now = eventTime ? 0 : wallClockMicros();
  std::vector<Window> windows;
  for (int row = 0; row < batch.size(); ++row) {
    if (eventTime && time->isNull(row)) {
      ++dropped_;
      continue;
    }
    windows.clear();
    assign(eventTime ? time->values<int64_t>()[row] : now, windows);
    for (const Window& window : windows) {
      rows_.push_back(row);
      windows_.push_back(window);
      if (static_cast<int>(rows_.size()) == output_.capacity()) emit(batch, out);
    }
  }
  emit(batch, out);
}

void WindowTableFunctionOperator::emit(const Batch& input, Output& out) {
  if (rows_.empty()) return;
  output_.clear();
  output_.shareArenasOf(input);
  const int count = static_cast<int>(rows_.size());
  for (int c = 0; c < inputWidth_; ++c) {
    gatherRows(input.column(c), rows_.data(), count, output_.column(c), 0);
  }
  for (int i = 0; i < count; ++i) output_.rowKinds()[i] = input.rowKind(rows_[i]);
  for (size_t p = 0; p < node_.windowProperties.size(); ++p) {
    Vector& column = output_.column(inputWidth_ + static_cast<int>(p));
    auto* values = column.values<int64_t>();
    for (int i = 0; i < count; ++i) {
      switch (node_.windowProperties[p]) {
        case artifact::WindowProperty::Start: values[i] = windows_[i].start; break;
        case artifact::WindowProperty::End: values[i] = windows_[i].end; break;
        default: values[i] = windows_[i].end - kWindowTimePrecisionMicros; break;
      }
    }
    column.setAllValid(count);
  }
  output_.setSize(count);
  out.emit(output_);
  rows_.clear();
  windows_.clear();
}

std::unique_ptr<StreamOperator> makeWindowTableFunctionOperator(const artifact::Node& node,
                                                                const OperatorContext& context) {
  return std::make_unique<WindowTableFunctionOperator>(node, context);
}

}  // namespace sluice::runtime
