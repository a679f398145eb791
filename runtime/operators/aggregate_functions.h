// The accumulators of Flink's built-in aggregate functions over boxed values: COUNT, SUM, SUM0,
// AVG, MIN, MAX, FIRST_VALUE, LAST_VALUE, LISTAGG, BOOL_AND, BOOL_OR, each DISTINCT where Flink allows it. (The
// variance family has none: the optimizer rewrites it into SUMs and COUNTs, as Flink does.) An
// accumulator is a Value kept in keyed state between rows; `retract` undoes an `accumulate` for
// updating input (MIN and MAX then keep the multiset of their values, so a retracted minimum
// falls back to the next one). `merge` combines two accumulators (window slices, buffered
// partials).
#pragma once

#include <map>
#include <memory>
#include <string>

#include "compiler/artifact/job_plan.h"
#include "runtime/data/value.h"

namespace sluice::runtime {

class AggregateFunction {
 public:
  virtual ~AggregateFunction() = default;
  virtual Value create() const = 0;
  // `input` is the call's argument on one row (ignored by COUNT(*)); NULLs are skipped as SQL
  // says, except by COUNT(*).
  virtual void accumulate(Value& accumulator, const Value& input) const = 0;
  virtual void retract(Value& accumulator, const Value& input) const = 0;
  // Adds `other`'s rows into `accumulator`, as if they had been accumulated after its own:
  // windows combine the partial aggregates of their slices, and a buffer its rows into state.
  virtual void merge(Value& accumulator, const Value& other) const = 0;
  virtual Value result(const Value& accumulator) const = 0;

  // Two forms of an accumulator: the one keyed state keeps, and a working one that rows update
  // in place. They differ only for a native function (udx_aggregate.h), whose state form is its
  // library's serialized bytes and whose working form a live library accumulator: converting per
  // row would (de)serialize around every row. accumulate, retract and merge take either form
  // and may leave the working one; result takes either and changes neither; `unpack` makes an
  // accumulator working ahead of use (so the results read before a row's update do not
  // deserialize it once more). `pack` turns a working accumulator back into its state form and
  // frees what the working one held: an operator packs every accumulator it updated or merged
  // into before it encodes it (state, a partial it emits) and before it drops it, and never
  // copies a working one. Both are no-ops for the built-ins.
  virtual void unpack(Value& /*accumulator*/) const {}
  virtual void pack(Value& /*accumulator*/) const {}
};

// `argumentType`: the type of the call's argument column (unused by COUNT(*)). `retracts`:
// whether the input can carry -U/-D rows. `configuration`: the job's SET options, which a native
// function's `open` reads (null: none). Throws std::invalid_argument for a function or
// combination the runtime does not implement.
std::unique_ptr<AggregateFunction> makeAggregateFunction(
    const artifact::AggregateCall& call, const DataType& argumentType, bool retracts,
    const std::map<std::string, std::string>* configuration = nullptr);

// The SET options of `plan` for makeAggregateFunction (null without a plan: operator tests).
const std::map<std::string, std::string>* jobConfiguration(const artifact::JobPlan* plan);

// What a call's accumulate / retract takes from a row, `read(column)` reading an input column:
// its argument (NULL without one), or for a native function of several arguments a Value holding
// their values as children.
template <class ReadColumn>
Value aggregateInput(const artifact::AggregateCall& call, ReadColumn&& read) {
  if (call.arguments.empty()) return Value::null();
  if (call.arguments.size() == 1 || !call.native()) return read(call.arguments[0]);
  std::vector<Value> values;
  values.reserve(call.arguments.size());
  for (int column : call.arguments) values.push_back(read(column));
  return Value::ofChildren(std::move(values));
}

}  // namespace sluice::runtime
