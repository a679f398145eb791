#include "runtime/execution/precomputed_calls.h"

#include <cstring>

#include "runtime/functions/nested_values.h"

namespace sluice::runtime {
namespace {

bool anyNullIn(const Vector& vector, int rows) {
  return rows > 0 && std::memchr(vector.validity(), 0, static_cast<size_t>(rows)) != nullptr;
}

constexpr uint64_t kEightValid = 0x0101010101010101ULL;

// valid[r] &= other[r], eight rows per step (validity bytes are 0 or 1).
void andValidity(uint8_t* valid, const uint8_t* other, int rows) {
  int r = 0;
  for (; r + 8 <= rows; r += 8) {
    uint64_t a = 0;
    uint64_t b = 0;
    std::memcpy(&a, valid + r, 8);
    std::memcpy(&b, other + r, 8);
    a &= b;
    std::memcpy(valid + r, &a, 8);
  }
  for (; r < rows; ++r) valid[r] &= other[r];
}

// Writes the valid rows' numbers to `selected` (room for `rows`) and returns their count. Runs of
// eight valid rows, the common case, are written without looking at each byte; the others
// branch-free.
int32_t selectValid(const uint8_t* valid, int rows, int32_t* selected) {
  int32_t count = 0;
  int32_t r = 0;
  for (; r + 8 <= rows; r += 8) {
    uint64_t word = 0;
    std::memcpy(&word, valid + r, 8);
    if (word == kEightValid) {
      for (int32_t j = 0; j < 8; ++j) selected[count + j] = r + j;
      count += 8;
      continue;
    }
    for (int32_t j = 0; j < 8; ++j) {
      selected[count] = r + j;
      count += valid[r + j];
    }
  }
  for (; r < rows; ++r) {
    selected[count] = r;
    count += valid[r];
  }
  return count;
}

}  // namespace

PrecomputedCalls::PrecomputedCalls(const CompiledCalcCode& code, std::vector<FunctionCall>& calls) {
  for (const PrecomputedCall& precomputed : code.precomputed) {
    Call& call = calls_.emplace_back();
    call.call = &precomputed;
    call.function = &calls[static_cast<size_t>(precomputed.site)];
    const CallSite& site = code.sites[static_cast<size_t>(precomputed.site)];
    for (size_t i = 0; i < precomputed.arguments.size(); ++i) {
      Argument& argument = call.arguments.emplace_back();
      argument.column = precomputed.arguments[i];
      if (argument.column < 0) {
        argument.literal = site.constants[i].value_or(Value::null());
        argument.constant.emplace(site.argumentTypes[i], 0);
      }
    }
    results_.emplace_back(precomputed.type, 0);
  }
}

const Vector& PrecomputedCalls::argumentVector(Argument& argument, const Batch& input, int rows,
                                               Arena& constants) {
  if (argument.column >= 0) return input.column(argument.column);
  if (argument.filled < rows) {
    // A literal's long string lives in the task's constants arena, which outlives every batch.
    argument.constant->reserve(rows);
    for (int r = argument.filled; r < rows; ++r) {
      writeValue(*argument.constant, r, argument.literal, constants);
    }
    argument.filled = rows;
  }
  return *argument.constant;
}

void PrecomputedCalls::run(const Batch& input, Batch& output, std::vector<ColumnAbi>& columns) {
  const int rows = input.size();
  if (static_cast<int>(everyRow_.size()) < rows) {
    const auto from = static_cast<int32_t>(everyRow_.size());
    for (int32_t r = from; r < rows; ++r) everyRow_.push_back(r);
  }
  for (size_t k = 0; k < calls_.size(); ++k) {
    Call& call = calls_[k];
    Vector& out = call.call->outputColumn >= 0 ? output.column(call.call->outputColumn) : results_[k];
    out.reserve(rows);
    argumentVectors_.clear();
    bool someNull = false;
    bool allNull = false;
    for (Argument& argument : call.arguments) {
      const Vector& vector = argumentVector(argument, input, rows, *call.function->task->constants);
      argumentVectors_.push_back(&vector);
      if (argument.column < 0) {
        allNull = allNull || argument.literal.isNull;
      } else {
        someNull = someNull || anyNullIn(vector, rows);
      }
    }
    const int32_t* callRows = everyRow_.data();
    int callCount = rows;
    if (allNull) {
      for (int r = 0; r < rows; ++r) setNullValue(out, r);
      callCount = 0;
    } else if (someNull) {
      // Validity is the AND of the arguments'; the callable rows are those left valid.
      uint8_t* valid = out.validity();
      std::memset(valid, 1, static_cast<size_t>(rows));
      for (const Vector* argument : argumentVectors_) andValidity(valid, argument->validity(), rows);
      callable_.resize(static_cast<size_t>(rows));
      const int32_t count = selectValid(valid, rows, callable_.data());
      callRows = callable_.data();
      callCount = count;
    } else {
      out.setAllValid(rows);
    }
    if (callCount > 0) {
      call.call->entry(*call.function, argumentVectors_.data(), callRows, callCount, out);
    }
    columns.push_back({out.rawValues(), out.validity()});
  }
}

}  // namespace sluice::runtime
