#include "runtime/operators/aggregate_functions.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>

#include "runtime/functions/builtins/decimal_arithmetic.h"
#include "runtime/udx/udx_aggregate.h"

namespace sluice::runtime {
namespace {

// How a numeric value is carried: int64 (integers, DECIMAL(p <= 18), temporal), int128
// (DECIMAL(p > 18)) or double.
enum class Number : uint8_t { Integer, Wide, Real };

Number numberOf(const DataType& type) {
  switch (physicalTypeOf(type)) {
    case PhysicalType::Int128: return Number::Wide;
    case PhysicalType::Float32:
    case PhysicalType::Float64: return Number::Real;
    default: return Number::Integer;
  }
}

int128_t wideOf(const Value& v, Number number) {
  return number == Number::Wide ? v.wide : static_cast<int128_t>(v.integer);
}

// SQL order of two non-null values of one type: numbers by value, strings and bytes by bytes.
int compareValues(const Value& a, const Value& b, PhysicalType type) {
  switch (type) {
    case PhysicalType::Int128: return a.wide < b.wide ? -1 : (a.wide > b.wide ? 1 : 0);
    case PhysicalType::Float32:
    case PhysicalType::Float64: return a.real < b.real ? -1 : (a.real > b.real ? 1 : 0);
    case PhysicalType::String: {
      const int c = a.bytes.compare(b.bytes);
      return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    default: return a.integer < b.integer ? -1 : (a.integer > b.integer ? 1 : 0);
  }
}

// A multiset of values in a Value: children hold (value, count) pairs in ascending order.
class SortedMultiset {
 public:
  explicit SortedMultiset(PhysicalType type) : type_(type) {}

  // Returns the value's count after adding `delta` (entries at zero are removed), or -1 when
  // a value that is not there is retracted.
  int64_t add(Value& set, const Value& value, int64_t delta) const {
    auto& items = set.children;
    size_t lo = 0;
    size_t hi = items.size() / 2;
    while (lo < hi) {
      const size_t mid = (lo + hi) / 2;
      if (compareValues(items[2 * mid], value, type_) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    const auto at = static_cast<std::ptrdiff_t>(2 * lo);
    if (2 * lo < items.size() && compareValues(items[2 * lo], value, type_) == 0) {
      int64_t& count = items[2 * lo + 1].integer;
      count += delta;
      const int64_t left = count;
      if (left <= 0) items.erase(items.begin() + at, items.begin() + at + 2);
      return left;
    }
    if (delta <= 0) return -1;  // retracting a value never seen: nothing to undo
    items.insert(items.begin() + at, {value, Value::ofInteger(delta)});
    return delta;
  }
  size_t distinctCount(const Value& set) const { return set.children.size() / 2; }

 private:
  PhysicalType type_;
};

class CountFunction final : public AggregateFunction {
 public:
  explicit CountFunction(bool countsRows) : countsRows_(countsRows) {}
  Value create() const override { return Value::ofInteger(0); }
  void accumulate(Value& acc, const Value& input) const override {
    if (countsRows_ || !input.isNull) ++acc.integer;
  }
  void retract(Value& acc, const Value& input) const override {
    if (countsRows_ || !input.isNull) --acc.integer;
  }
  void merge(Value& acc, const Value& other) const override { acc.integer += other.integer; }
  Value result(const Value& acc) const override { return Value::ofInteger(acc.integer); }

 private:
  bool countsRows_;
};

// SUM and SUM0: the sum and how many values it holds (SUM of no values is NULL, SUM0's is 0).
// Integer sums wrap on overflow as Java's long arithmetic does in Flink.
class SumFunction final : public AggregateFunction {
 public:
  SumFunction(Number input, Number result, bool zeroWhenEmpty, bool floatResult)
      : input_(input), result_(result), zeroWhenEmpty_(zeroWhenEmpty), floatResult_(floatResult) {}
  Value create() const override { return Value::ofChildren({sumZero(), Value::ofInteger(0)}); }
  void accumulate(Value& acc, const Value& input) const override { add(acc, input, 1); }
  void retract(Value& acc, const Value& input) const override { add(acc, input, -1); }
  void merge(Value& acc, const Value& other) const override {
    // No early return on a count of 0: a partial of retractions and additions may net out in
    // count but not in sum. The partial sum is in the result's representation already.
    const int64_t count = other.children[1].integer;
    const Value& partial = other.children[0];
    Value& sum = acc.children[0];
    switch (result_) {
      case Number::Real:
        sum.real += partial.real;
        if (floatResult_) sum.real = static_cast<float>(sum.real);
        break;
      case Number::Wide: sum.wide += partial.wide; break;
      case Number::Integer:
        sum.integer = static_cast<int64_t>(static_cast<uint64_t>(sum.integer) +
                                           static_cast<uint64_t>(partial.integer));
        break;
    }
    acc.children[1].integer += count;
  }
  Value result(const Value& acc) const override {
    if (acc.children[1].integer == 0 && !zeroWhenEmpty_) return Value::null();
    return acc.children[0];
  }

 private:
  Number input_;
  Number result_;
  bool zeroWhenEmpty_;
  bool floatResult_;

  Value sumZero() const {
    switch (result_) {
      case Number::Real: return Value::ofReal(0);
      case Number::Wide: return Value::ofWide(0);
      case Number::Integer: return Value::ofInteger(0);
    }
    return Value::ofInteger(0);
  }
  void add(Value& acc, const Value& input, int sign) const {
    if (input.isNull) return;
    Value& sum = acc.children[0];
    switch (result_) {
      case Number::Real:
        sum.real += sign * (input_ == Number::Real ? input.real : static_cast<double>(input.integer));
        // Flink keeps the running sum in the result type: a FLOAT sum rounds at every step.
        if (floatResult_) sum.real = static_cast<float>(sum.real);
        break;
      case Number::Wide: sum.wide += sign * wideOf(input, input_); break;
      case Number::Integer:
        sum.integer = static_cast<int64_t>(static_cast<uint64_t>(sum.integer) +
                                           static_cast<uint64_t>(sign * input.integer));
        break;
    }
    acc.children[1].integer += sign;
  }
};

// AVG: sum and count; integer results truncate toward zero like Java's division, DECIMAL ones
// round HALF_UP to the result scale.
class AvgFunction final : public AggregateFunction {
 public:
  AvgFunction(const DataType& input, const DataType& result) : input_(input), result_(result) {}
  Value create() const override {
    return Value::ofChildren({numberOf(input_) == Number::Real ? Value::ofReal(0) : Value::ofWide(0),
                              Value::ofInteger(0)});
  }
  void accumulate(Value& acc, const Value& input) const override { add(acc, input, 1); }
  void retract(Value& acc, const Value& input) const override { add(acc, input, -1); }
  void merge(Value& acc, const Value& other) const override {
    if (numberOf(input_) == Number::Real) {
      acc.children[0].real += other.children[0].real;
    } else {
      int128_t& sum = acc.children[0].wide;
      sum += other.children[0].wide;
      if (input_.kind() != TypeKind::Decimal) sum = static_cast<int64_t>(static_cast<uint64_t>(sum));
    }
    acc.children[1].integer += other.children[1].integer;
  }
  Value result(const Value& acc) const override {
    const int64_t count = acc.children[1].integer;
    if (count == 0) return Value::null();
    const Value& sum = acc.children[0];
    if (numberOf(input_) == Number::Real) {
      const double average = sum.real / static_cast<double>(count);
      return numberOf(result_) == Number::Real ? Value::ofReal(average)
                                               : Value::ofInteger(static_cast<int64_t>(average));
    }
    if (result_.kind() == TypeKind::Decimal) {
      const int inputScale = input_.kind() == TypeKind::Decimal ? input_.scale() : 0;
      const auto quotient = decimal::divide(sum.wide, inputScale, count, 0,
                                            {result_.precision(), result_.scale()});
      if (!quotient) return Value::null();
      return numberOf(result_) == Number::Wide ? Value::ofWide(*quotient)
                                               : Value::ofInteger(static_cast<int64_t>(*quotient));
    }
    if (numberOf(result_) == Number::Real) {
      return Value::ofReal(static_cast<double>(sum.wide) / static_cast<double>(count));
    }
    return Value::ofInteger(static_cast<int64_t>(sum.wide / count));
  }

 private:
  DataType input_;
  DataType result_;

  void add(Value& acc, const Value& input, int sign) const {
    if (input.isNull) return;
    if (numberOf(input_) == Number::Real) {
      acc.children[0].real += sign * input.real;
    } else {
      int128_t& sum = acc.children[0].wide;
      sum += sign * wideOf(input, numberOf(input_));
      // An integer AVG keeps a BIGINT running sum in Flink, which wraps on overflow.
      if (input_.kind() != TypeKind::Decimal) {
        sum = static_cast<int64_t>(static_cast<uint64_t>(sum));
      }
    }
    acc.children[1].integer += sign;
  }
};

// MIN / MAX over insert-only input: the best value so far.
class ExtremeFunction final : public AggregateFunction {
 public:
  ExtremeFunction(PhysicalType type, bool max) : type_(type), max_(max) {}
  Value create() const override { return Value::null(); }
  void accumulate(Value& acc, const Value& input) const override {
    if (input.isNull) return;
    if (acc.isNull || (compareValues(input, acc, type_) > 0) == max_) {
      if (acc.isNull || compareValues(input, acc, type_) != 0) acc = input;
    }
  }
  void retract(Value&, const Value&) const override {
    throw std::logic_error("MIN/MAX without retraction support received a retraction");
  }
  void merge(Value& acc, const Value& other) const override { accumulate(acc, other); }
  Value result(const Value& acc) const override { return acc; }

 private:
  PhysicalType type_;
  bool max_;
};

// MIN / MAX over updating input: every value with its count.
class RetractableExtremeFunction final : public AggregateFunction {
 public:
  RetractableExtremeFunction(PhysicalType type, bool max) : set_(type), max_(max) {}
  Value create() const override { return Value::ofChildren({}); }
  void accumulate(Value& acc, const Value& input) const override {
    if (!input.isNull) set_.add(acc, input, 1);
  }
  void retract(Value& acc, const Value& input) const override {
    if (!input.isNull) set_.add(acc, input, -1);
  }
  void merge(Value& acc, const Value& other) const override {
    for (size_t i = 0; i + 1 < other.children.size(); i += 2) {
      set_.add(acc, other.children[i], other.children[i + 1].integer);
    }
  }
  Value result(const Value& acc) const override {
    if (acc.children.empty()) return Value::null();
    return max_ ? acc.children[acc.children.size() - 2] : acc.children.front();
  }

 private:
  SortedMultiset set_;
  bool max_;
};

// FIRST_VALUE / LAST_VALUE over insert-only input: the first / latest non-null value.
class FirstLastFunction final : public AggregateFunction {
 public:
  explicit FirstLastFunction(bool last) : last_(last) {}
  Value create() const override { return Value::null(); }
  void accumulate(Value& acc, const Value& input) const override {
    if (!input.isNull && (last_ || acc.isNull)) acc = input;
  }
  void retract(Value&, const Value&) const override {
    throw std::logic_error("FIRST_VALUE/LAST_VALUE received a retraction");
  }
  void merge(Value& acc, const Value& other) const override { accumulate(acc, other); }
  Value result(const Value& acc) const override { return acc; }

 private:
  bool last_;
};

// BOOL_AND / BOOL_OR (EVERY / SOME): how many TRUE and FALSE values the group holds, so a
// retraction is a decrement and partials merge by adding counts. NULL when there are none.
class BooleanFunction final : public AggregateFunction {
 public:
  explicit BooleanFunction(bool all) : all_(all) {}
  Value create() const override {
    return Value::ofChildren({Value::ofInteger(0), Value::ofInteger(0)});
  }
  void accumulate(Value& acc, const Value& input) const override { add(acc, input, 1); }
  void retract(Value& acc, const Value& input) const override { add(acc, input, -1); }
  void merge(Value& acc, const Value& other) const override {
    acc.children[0].integer += other.children[0].integer;
    acc.children[1].integer += other.children[1].integer;
  }
  Value result(const Value& acc) const override {
    const int64_t trues = acc.children[0].integer;
    const int64_t falses = acc.children[1].integer;
    if (trues + falses <= 0) return Value::null();
    return Value::ofInteger(all_ ? falses <= 0 : trues > 0);
  }

 private:
  bool all_;  // BOOL_AND rather than BOOL_OR

  static void add(Value& acc, const Value& input, int64_t delta) {
    if (!input.isNull) acc.children[input.integer != 0 ? 0 : 1].integer += delta;
  }
};

// LISTAGG (Flink's ListAggWithRetractAggFunction and its separator variant): the values in
// arrival order, and the retractions of values not there (a merge may bring them later). A
// retraction removes the value's first occurrence, so what is left keeps its order. Over
// insert-only input Flink concatenates as it goes; joining the list gives the same text.
class ListAggFunction final : public AggregateFunction {
 public:
  explicit ListAggFunction(std::string separator) : separator_(std::move(separator)) {}
  Value create() const override {
    return Value::ofChildren({Value::ofChildren({}), Value::ofChildren({})});
  }
  void accumulate(Value& acc, const Value& input) const override {
    if (!input.isNull) acc.children[0].children.push_back(Value::ofBytes(input.bytes));
  }
  void retract(Value& acc, const Value& input) const override {
    if (input.isNull) return;
    if (!removeFirst(acc.children[0].children, input)) {
      acc.children[1].children.push_back(Value::ofBytes(input.bytes));
    }
  }
  // Both lists appended, then the pending retractions applied to the merged values.
  void merge(Value& acc, const Value& other) const override {
    std::vector<Value>& values = acc.children[0].children;
    const std::vector<Value>& more = other.children[0].children;
    values.insert(values.end(), more.begin(), more.end());
    std::vector<Value> pending = std::move(acc.children[1].children);
    pending.insert(pending.end(), other.children[1].children.begin(),
                   other.children[1].children.end());
    std::vector<Value> unmatched;
    for (Value& value : pending) {
      if (!removeFirst(values, value)) unmatched.push_back(std::move(value));
    }
    acc.children[1].children = std::move(unmatched);
  }
  Value result(const Value& acc) const override {
    const std::vector<Value>& values = acc.children[0].children;
    if (values.empty()) return Value::null();
    std::string text = values.front().bytes;
    for (size_t i = 1; i < values.size(); ++i) text.append(separator_).append(values[i].bytes);
    return Value::ofBytes(std::move(text));
  }

 private:
  std::string separator_;

  static bool removeFirst(std::vector<Value>& values, const Value& value) {
    auto found = std::find_if(values.begin(), values.end(),
                              [&](const Value& v) { return v.bytes == value.bytes; });
    if (found == values.end()) return false;
    values.erase(found);
    return true;
  }
};

// f(DISTINCT x): the multiset of values seen; f sees a value when it first appears and its
// retraction when its last copy goes.
class DistinctFunction final : public AggregateFunction {
 public:
  DistinctFunction(std::unique_ptr<AggregateFunction> inner, PhysicalType type)
      : inner_(std::move(inner)), set_(type) {}
  Value create() const override { return Value::ofChildren({inner_->create(), Value::ofChildren({})}); }
  void accumulate(Value& acc, const Value& input) const override {
    if (input.isNull) return;
    if (set_.add(acc.children[1], input, 1) == 1) inner_->accumulate(acc.children[0], input);
  }
  void retract(Value& acc, const Value& input) const override {
    if (input.isNull) return;
    if (set_.add(acc.children[1], input, -1) == 0) inner_->retract(acc.children[0], input);
  }
  // A value new to this accumulator reaches the inner function once, whatever its count.
  void merge(Value& acc, const Value& other) const override {
    const auto& values = other.children[1].children;
    for (size_t i = 0; i + 1 < values.size(); i += 2) {
      const int64_t count = values[i + 1].integer;
      if (set_.add(acc.children[1], values[i], count) == count) {
        inner_->accumulate(acc.children[0], values[i]);
      }
    }
  }
  Value result(const Value& acc) const override { return inner_->result(acc.children[0]); }
  void unpack(Value& acc) const override { inner_->unpack(acc.children[0]); }
  void pack(Value& acc) const override { inner_->pack(acc.children[0]); }

 private:
  std::unique_ptr<AggregateFunction> inner_;
  SortedMultiset set_;
};

std::unique_ptr<AggregateFunction> plainFunction(const artifact::AggregateCall& call,
                                                 const DataType& argument, bool retracts) {
  const std::string& f = call.function;
  const bool inner = call.distinct;  // a DISTINCT wrapper retracts only values it has seen
  if (f == "COUNT") return std::make_unique<CountFunction>(call.arguments.empty());
  if (f == "SUM" || f == "SUM0") {
    return std::make_unique<SumFunction>(numberOf(argument), numberOf(call.type), f == "SUM0",
                                         physicalTypeOf(call.type) == PhysicalType::Float32);
  }
  if (f == "AVG") return std::make_unique<AvgFunction>(argument, call.type);
  if (f == "MIN" || f == "MAX") {
    const PhysicalType type = physicalTypeOf(argument);
    if (retracts || inner) return std::make_unique<RetractableExtremeFunction>(type, f == "MAX");
    return std::make_unique<ExtremeFunction>(type, f == "MAX");
  }
  if (f == "FIRST_VALUE" || f == "LAST_VALUE") {
    if (retracts) throw std::invalid_argument(f + " over updating input");
    return std::make_unique<FirstLastFunction>(f == "LAST_VALUE");
  }
  if (f == "BOOL_AND" || f == "EVERY") return std::make_unique<BooleanFunction>(true);
  if (f == "BOOL_OR" || f == "SOME") return std::make_unique<BooleanFunction>(false);
  if (f == "LISTAGG") return std::make_unique<ListAggFunction>(call.separator.value_or(","));
  throw std::invalid_argument("aggregate function " + f);
}

}  // namespace

std::unique_ptr<AggregateFunction> makeAggregateFunction(
    const artifact::AggregateCall& call, const DataType& argumentType, bool retracts,
    const std::map<std::string, std::string>* configuration) {
  if (call.native()) return udx::makeUdxAggregateFunction(call, configuration);
  auto function = plainFunction(call, argumentType, retracts);
  if (!call.distinct || call.arguments.empty()) return function;
  return std::make_unique<DistinctFunction>(std::move(function), physicalTypeOf(argumentType));
}

const std::map<std::string, std::string>* jobConfiguration(const artifact::JobPlan* plan) {
  return plan != nullptr ? &plan->configuration : nullptr;
}

}  // namespace sluice::runtime
