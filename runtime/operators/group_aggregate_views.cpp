#include "runtime/operators/group_aggregate_views.h"

#include <cstring>
#include <string>

#include "runtime/state/key_encoding.h"
#include "runtime/state/value_codec.h"

namespace sluice::runtime {
namespace {

constexpr uint64_t kSignBit = uint64_t{1} << 63;

// A non-null value as a map key: KeyEncoder's order-preserving bytes, so that a SortedMapState
// keeps values in SQL order (equal values, equal bytes: -0.0 is 0.0).
void encodeValueKey(const Value& value, PhysicalType type, KeyEncoder& key) {
  switch (type) {
    case PhysicalType::Float32:
    case PhysicalType::Float64: key.appendDouble(value.real); return;
    case PhysicalType::String: key.appendString(value.bytes); return;
    case PhysicalType::Int128: {
      const auto bits = static_cast<unsigned __int128>(value.wide);
      key.appendInt64(static_cast<int64_t>(bits >> 64));
      key.appendInt64(static_cast<int64_t>(static_cast<uint64_t>(bits) ^ kSignBit));
      return;
    }
    case PhysicalType::Row:
    case PhysicalType::Array:
    case PhysicalType::Map: {
      std::string nested;
      encodeValue(value, nested);
      key.appendString(nested);
      return;
    }
    default: key.appendInt64(value.integer); return;
  }
}

Value decodeValueKey(std::string_view bytes, PhysicalType type) {
  KeyDecoder key(bytes);
  switch (type) {
    case PhysicalType::Float32:
    case PhysicalType::Float64: return Value::ofReal(key.readDouble());
    case PhysicalType::String: return Value::ofBytes(key.readString());
    case PhysicalType::Int128: {
      const auto high = static_cast<uint64_t>(key.readInt64());
      const auto low = static_cast<uint64_t>(key.readInt64()) ^ kSignBit;
      return Value::ofWide(
          static_cast<int128_t>((static_cast<unsigned __int128>(high) << 64) | low));
    }
    case PhysicalType::Row:
    case PhysicalType::Array:
    case PhysicalType::Map: {
      const std::string nested = key.readString();
      std::string_view in = nested;
      return decodeValue(in);
    }
    default: return Value::ofInteger(key.readInt64());
  }
}

// SQL order of two non-null values of one type, as the boxed MIN / MAX compare them.
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

// A map entry's value: the count, then for FLOAT / DOUBLE the bits of the first value stored
// under the key (so -0.0 comes back as -0.0, as the boxed multiset keeps it).
struct Counted {
  int64_t count = 0;
  double real = 0;
};

std::string_view countedBytes(const Counted& counted, bool real, char* buffer) {
  std::memcpy(buffer, &counted.count, sizeof counted.count);
  if (!real) return {buffer, sizeof counted.count};
  std::memcpy(buffer + sizeof counted.count, &counted.real, sizeof counted.real);
  return {buffer, sizeof counted.count + sizeof counted.real};
}

Counted countedOf(std::string_view bytes) {
  Counted counted;
  std::memcpy(&counted.count, bytes.data(), sizeof counted.count);
  if (bytes.size() >= sizeof counted.count + sizeof counted.real) {
    std::memcpy(&counted.real, bytes.data() + sizeof counted.count, sizeof counted.real);
  }
  return counted;
}

// f(DISTINCT x): the accumulator is f's; `seen` maps each value to how many rows hold it.
class DistinctView final : public AggregateFunction {
 public:
  DistinctView(std::unique_ptr<AggregateFunction> inner, PhysicalType type, MapState& seen)
      : inner_(std::move(inner)), type_(type), seen_(seen) {}
  Value create() const override { return inner_->create(); }
  void accumulate(Value& acc, const Value& input) const override {
    if (input.isNull) return;
    if (add(input, 1) == 1) inner_->accumulate(acc, input);
  }
  void retract(Value& acc, const Value& input) const override {
    if (input.isNull) return;
    if (add(input, -1) == 0) inner_->retract(acc, input);
  }
  // A LocalGroupAggregate's partial (DistinctFunction's): the inner accumulator, then the
  // multiset of values as (value, count) pairs. A value new to the group reaches f once.
  void merge(Value& acc, const Value& other) const override {
    const std::vector<Value>& values = other.children[1].children;
    for (size_t i = 0; i + 1 < values.size(); i += 2) {
      const int64_t count = values[i + 1].integer;
      if (add(values[i], count) == count) inner_->accumulate(acc, values[i]);
    }
  }
  Value result(const Value& acc) const override { return inner_->result(acc); }
  void unpack(Value& acc) const override { inner_->unpack(acc); }
  void pack(Value& acc) const override { inner_->pack(acc); }

 private:
  std::unique_ptr<AggregateFunction> inner_;
  PhysicalType type_;
  MapState& seen_;
  mutable KeyEncoder key_;

  // The value's count after adding `delta` (entries at zero or below are removed), or -1 when
  // a value that is not there is retracted: as the boxed multiset counts.
  int64_t add(const Value& value, int64_t delta) const {
    key_.clear();
    encodeValueKey(value, type_, key_);
    const std::optional<std::string_view> stored = seen_.get(key_.bytes());
    int64_t count = 0;
    if (stored) {
      std::memcpy(&count, stored->data(), sizeof count);
    } else if (delta <= 0) {
      return -1;
    }
    count += delta;
    if (count <= 0) {
      seen_.remove(key_.bytes());
    } else {
      seen_.put(key_.bytes(), {reinterpret_cast<const char*>(&count), sizeof count});
    }
    return count;
  }
};

// MIN / MAX keeping every value: the accumulator is the current extreme (NULL when none),
// `values` each value with its count in value order. Without retractions (MIN(DISTINCT x) over
// insert-only input) the map is not needed and stays empty.
class ExtremeView final : public AggregateFunction {
 public:
  ExtremeView(PhysicalType type, bool max, bool keepsValues, bool distinct, SortedMapState& values)
      : type_(type), max_(max), keepsValues_(keepsValues), distinct_(distinct), values_(values) {}
  Value create() const override { return Value::null(); }
  void accumulate(Value& acc, const Value& input) const override { add(acc, input, 1); }
  void retract(Value& acc, const Value& input) const override { add(acc, input, -1); }
  // A LocalGroupAggregate's partial: RetractableExtremeFunction's (value, count) pairs, or
  // under DISTINCT DistinctFunction's (inner accumulator, then the pairs).
  void merge(Value& acc, const Value& other) const override {
    const std::vector<Value>& pairs = distinct_ ? other.children[1].children : other.children;
    for (size_t i = 0; i + 1 < pairs.size(); i += 2) add(acc, pairs[i], pairs[i + 1].integer);
  }
  Value result(const Value& acc) const override { return acc; }

 private:
  PhysicalType type_;
  bool max_;
  bool keepsValues_;
  bool distinct_;
  SortedMapState& values_;
  mutable KeyEncoder key_;

  bool better(const Value& value, const Value& than) const {
    const int c = compareValues(value, than, type_);
    return max_ ? c > 0 : c < 0;
  }

  void add(Value& acc, const Value& value, int64_t delta) const {
    if (value.isNull || delta == 0) return;
    if (!keepsValues_) {
      if (delta > 0 && (acc.isNull || better(value, acc))) acc = value;
      return;
    }
    const bool real = type_ == PhysicalType::Float32 || type_ == PhysicalType::Float64;
    key_.clear();
    encodeValueKey(value, type_, key_);
    const std::optional<std::string_view> stored = values_.get(key_.bytes());
    Counted counted;
    if (stored) {
      counted = countedOf(*stored);
    } else if (delta < 0) {
      return;  // retracting a value never seen: nothing to undo
    } else {
      counted.real = value.real;
    }
    counted.count += delta;
    if (counted.count > 0) {
      char buffer[sizeof(Counted)];
      values_.put(key_.bytes(), countedBytes(counted, real, buffer));
      if (acc.isNull || better(value, acc)) acc = value;
      return;
    }
    values_.remove(key_.bytes());
    // The extreme's last copy is gone: the next one is the map's first (last) entry.
    if (acc.isNull || compareValues(value, acc, type_) != 0) return;
    const std::optional<StateEntry> next = max_ ? values_.lastEntry() : values_.firstEntry();
    if (!next) {
      acc = Value::null();
      return;
    }
    acc = decodeValueKey(next->userKey, type_);
    if (real) acc.real = countedOf(next->value).real;
  }
};

// LISTAGG over updating input: `list` holds the values by sequence number, `index` each
// (value, sequence number), so that a retraction removes the value's first occurrence, as the
// boxed ListAggFunction does, and the text is joined only when read.
class ListAggView final : public AggregateFunction {
 public:
  ListAggView(std::string separator, SortedMapState& list, SortedMapState& index)
      : separator_(std::move(separator)), list_(list), index_(index) {}
  // The next sequence number, and the retractions of values not there (a merge may bring them).
  Value create() const override {
    return Value::ofChildren({Value::ofInteger(0), Value::ofChildren({})});
  }
  void accumulate(Value& acc, const Value& input) const override {
    if (!input.isNull) append(acc, input.bytes);
  }
  void retract(Value& acc, const Value& input) const override {
    if (input.isNull || removeFirst(input.bytes)) return;
    acc.children[1].children.push_back(Value::ofBytes(input.bytes));
  }
  // A LocalGroupAggregate's partial (ListAggFunction's): its values appended, then the pending
  // retractions of both applied to what the group holds.
  void merge(Value& acc, const Value& other) const override {
    for (const Value& value : other.children[0].children) append(acc, value.bytes);
    std::vector<Value> pending = std::move(acc.children[1].children);
    pending.insert(pending.end(), other.children[1].children.begin(),
                   other.children[1].children.end());
    std::vector<Value> unmatched;
    for (Value& value : pending) {
      if (!removeFirst(value.bytes)) unmatched.push_back(std::move(value));
    }
    acc.children[1].children = std::move(unmatched);
  }
  Value result(const Value&) const override {
    std::string text;
    bool any = false;
    list_.forEach([&](std::string_view, std::string_view value) {
      if (any) text.append(separator_);
      text.append(value);
      any = true;
      return Visit::Continue;
    });
    return any ? Value::ofBytes(std::move(text)) : Value::null();
  }

 private:
  std::string separator_;
  SortedMapState& list_;
  SortedMapState& index_;
  mutable KeyEncoder key_;
  mutable std::string found_;

  void append(Value& acc, const std::string& value) const {
    const int64_t sequence = acc.children[0].integer++;
    key_.clear();
    list_.put(key_.appendInt64(sequence).bytes(), value);
    key_.clear();
    index_.put(key_.appendString(value).appendInt64(sequence).bytes(), {});
  }
  // Removes the first occurrence of `value`; false when there is none.
  bool removeFirst(const std::string& value) const {
    key_.clear();
    key_.appendString(value);
    // Every (value, n) starts with the value's encoding, which ends in 0x00 0x01; no other
    // key lies between it and the same bytes ending in 0x02.
    std::string end = key_.bytes();
    end.back() = static_cast<char>(end.back() + 1);
    found_.clear();
    index_.forEachInRange(key_.bytes(), end, [&](std::string_view userKey, std::string_view) {
      found_.assign(userKey);
      return Visit::Stop;
    });
    if (found_.empty()) return false;
    index_.remove(found_);
    // The sequence number is the last 8 bytes of the index key.
    list_.remove(std::string_view(found_).substr(found_.size() - sizeof(int64_t)));
    return true;
  }
};

}  // namespace

StateBackedAggregate makeStateBackedAggregate(const artifact::AggregateCall& call, int index,
                                              const DataType& argumentType, bool retracts,
                                              KeyedStateBackend& backend, int64_t ttlMillis) {
  StateBackedAggregate made;
  if (call.arguments.empty() || call.native()) return made;
  const PhysicalType type = physicalTypeOf(argumentType);
  const bool extreme = call.function == "MIN" || call.function == "MAX";
  if (extreme && (retracts || call.distinct)) {
    SortedMapState& values = backend.sortedMapState("extreme$" + std::to_string(index), ttlMillis);
    made.function = std::make_unique<ExtremeView>(type, call.function == "MAX", retracts,
                                                  call.distinct, values);
    made.states = {&values};
    return made;
  }
  if (call.function == "LISTAGG" && retracts && !call.distinct) {
    const std::string name = "listagg$" + std::to_string(index);
    SortedMapState& list = backend.sortedMapState(name, ttlMillis);
    SortedMapState& byValue = backend.sortedMapState(name + ".index", ttlMillis);
    made.function = std::make_unique<ListAggView>(call.separator.value_or(","), list, byValue);
    made.states = {&list, &byValue};
    return made;
  }
  if (!call.distinct) return made;
  artifact::AggregateCall plain = call;
  plain.distinct = false;
  MapState& seen = backend.mapState("distinct$" + std::to_string(index), ttlMillis);
  made.function = std::make_unique<DistinctView>(
      makeAggregateFunction(plain, argumentType, retracts), type, seen);
  made.states = {&seen};
  return made;
}

}  // namespace sluice::runtime
