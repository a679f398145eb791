#include "runtime/operators/join_condition.h"

namespace sluice::runtime {
namespace {

constexpr int kChunkRows = 1024;

std::vector<DataType> concatenated(const std::vector<DataType>& left,
                                   const std::vector<DataType>& right) {
  std::vector<DataType> types = left;
  types.insert(types.end(), right.begin(), right.end());
  return types;
}

}  // namespace

JoinCondition::JoinCondition(const artifact::Node& join, const std::vector<DataType>& leftTypes,
                             const std::vector<DataType>& rightTypes,
                             const ScalarFunctionRegistry& registry, const std::string& timeZone)
    : leftTypes_(leftTypes),
      rightTypes_(rightTypes),
      joined_(concatenated(leftTypes, rightTypes), kChunkRows),
      result_({DataType::boolean()}, kChunkRows) {
  if (!join.condition) return;
  calc_.kind = artifact::NodeKind::Calc;
  calc_.location = join.location;
  calc_.projections = {*join.condition};
  calc_.schema = {{"joins", DataType::boolean()}};
  task_.timeZone = timeZone;
  program_ = std::make_unique<InterpretedCalc>(calc_, registry, task_);
}

void JoinCondition::evaluate(const std::vector<Value>& row, bool rowIsLeft,
                             const std::vector<JoinRecord>& others, std::vector<uint8_t>& joins) {
  evaluate(row, rowIsLeft, others.data(), others.size(), joins);
}

void JoinCondition::evaluate(const std::vector<Value>& row, bool rowIsLeft,
                             const JoinRecord* others, size_t count,
                             std::vector<uint8_t>& joins) {
  joins.assign(count, 1);
  if (!program_) return;
  const int leftWidth = static_cast<int>(leftTypes_.size());
  const int rowOffset = rowIsLeft ? 0 : leftWidth;
  const int otherOffset = rowIsLeft ? leftWidth : 0;
  for (size_t start = 0; start < count; start += kChunkRows) {
    const size_t end = std::min(count, start + kChunkRows);
    joined_.clear();
    for (size_t i = start; i < end; ++i) {
      const int at = static_cast<int>(i - start);
      for (size_t c = 0; c < row.size(); ++c) {
        writeValue(joined_.column(rowOffset + static_cast<int>(c)), at, row[c], joined_.arena());
      }
      const std::vector<Value>& other = others[i].row;
      for (size_t c = 0; c < other.size(); ++c) {
        writeValue(joined_.column(otherOffset + static_cast<int>(c)), at, other[c],
                   joined_.arena());
      }
      joined_.rowKinds()[at] = RowKind::Insert;
    }
    joined_.setSize(static_cast<int>(end - start));
    result_.clear();
    program_->process(joined_, result_);
    const Vector& verdict = result_.column(0);
    for (size_t i = start; i < end; ++i) {
      const int at = static_cast<int>(i - start);
      joins[i] = !verdict.isNull(at) && verdict.values<uint8_t>()[at] != 0;
    }
  }
}

void JoinCondition::evaluate(Batch& joined, std::vector<uint8_t>& joins) {
  joins.assign(static_cast<size_t>(joined.size()), 1);
  if (!program_ || joined.size() == 0) return;
  result_.clear();
  result_.reserve(joined.size());
  program_->process(joined, result_);
  const Vector& verdict = result_.column(0);
  for (int i = 0; i < joined.size(); ++i) {
    joins[static_cast<size_t>(i)] = !verdict.isNull(i) && verdict.values<uint8_t>()[i] != 0;
  }
  result_.clear();  // lets go of `joined`'s arenas, so that its clear() can reuse its own
}

}  // namespace sluice::runtime
