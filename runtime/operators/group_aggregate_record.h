// A group's row count and accumulators as one fixed-width record of 64-bit words, for the common
// GROUP BY whose every call is COUNT, SUM, SUM0 or AVG over fixed-width numbers, or MIN / MAX
// over them on insert-only input (no DISTINCT, no DECIMAL). The record is kept in keyed state as
// its raw bytes, so a row costs one state lookup, a memcpy each way and a few adds: nothing is
// boxed, decoded or allocated. Results are compared and written to the output columns directly.
// The arithmetic is the boxed functions' (aggregate_functions.h) word for word: wrapping BIGINT
// sums, FLOAT sums rounded at every step, integer averages truncated toward zero.
//
// Record layout: word 0 the group's row count, then per call one word (COUNT) or two: SUM / SUM0
// / AVG the sum (int64, or a double's bits) and how many values it holds; MIN / MAX the value and
// whether there is one.
#pragma once

#include <cstdint>
#include <vector>

#include "compiler/artifact/job_plan.h"
#include "runtime/data/batch.h"
#include "runtime/data/value.h"

namespace sluice::runtime {

// One call's result, unboxed: the fields of the Value the boxed function would return.
struct TypedResult {
  bool isNull = true;
  int64_t integer = 0;
  double real = 0;
  bool operator==(const TypedResult& other) const = default;
};

class GroupAggregateRecord {
 public:
  static bool supports(const artifact::Node& node, const std::vector<DataType>& inputTypes);
  GroupAggregateRecord(const artifact::Node& node, const std::vector<DataType>& inputTypes);

  size_t words() const { return static_cast<size_t>(words_); }
  size_t bytes() const { return words() * sizeof(int64_t); }
  size_t calls() const { return calls_.size(); }

  // A new group: no rows, empty accumulators.
  void init(int64_t* record) const;
  // Adds (or retracts) row `row` of `batch`, counting it in the row count.
  void apply(int64_t* record, const Batch& batch, int row, bool accumulates) const;
  // Merges the partial accumulators an AggregateBuffer drains (boxed as makeAggregateFunction's
  // functions box them), whose last element is the hidden COUNT(*) of the rows they hold.
  void merge(int64_t* record, const std::vector<Value>& partial) const;
  // Each call's result into results[0, calls()).
  void results(const int64_t* record, TypedResult* results) const;
  // Writes results[0, calls()) at row `at` of columns firstColumn... of `output`.
  void write(const TypedResult* results, Batch& output, int firstColumn, int at) const;

  static int64_t rowCount(const int64_t* record) { return record[0]; }

 private:
  enum class Kind : uint8_t {
    CountRows,
    CountValues,
    SumInteger,
    SumReal,
    AvgInteger,
    AvgReal,
    MinInteger,
    MaxInteger,
    MinReal,
    MaxReal,
  };
  struct Call {
    Kind kind = Kind::CountRows;
    int argument = -1;           // input column, -1 for COUNT(*)
    int filter = -1;             // input column of FILTER, -1: none
    bool realArgument = false;   // the argument is FLOAT / DOUBLE
    bool realResult = false;     // the result is FLOAT / DOUBLE
    bool roundsToFloat = false;  // a FLOAT SUM rounds at every step
    bool zeroWhenEmpty = false;  // SUM0
    int slot = 0;                // first word of the call in the record
  };
  std::vector<Call> calls_;
  int words_ = 1;
};

}  // namespace sluice::runtime
