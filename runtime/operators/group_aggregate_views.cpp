#include "runtime/operators/group_aggregate_views.h"

#include <algorithm>
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
  return made;
}

namespace {

void appendVarint(uint64_t value, std::string& out) {
  while (value >= 0x80) {
    out.push_back(static_cast<char>((value & 0x7f) | 0x80));
    value >>= 7;
  }
  out.push_back(static_cast<char>(value));
}

uint64_t readVarint(std::string_view bytes, size_t& at) {
  uint64_t value = 0;
  for (int shift = 0; at < bytes.size() && shift < 64; shift += 7) {
    const auto byte = static_cast<uint8_t>(bytes[at++]);
    value |= static_cast<uint64_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) return value;
  }
  throw StateError("corrupt distinct value counts");
}

}  // namespace

bool sharesDistinctValues(const artifact::AggregateCall& call) {
  return call.distinct && !call.arguments.empty() && !call.native() && call.function != "MIN" &&
         call.function != "MAX";
}

DistinctValues::DistinctValues(std::vector<int> calls,
                               const std::vector<std::unique_ptr<AggregateFunction>>& functions,
                               PhysicalType type, bool retracts, int64_t ttlMillis,
                               MapState& values)
    : calls_(std::move(calls)),
      type_(type),
      refreshes_(ttlMillis > 0),
      values_(values),
      counts_(calls_.size(), 0) {
  for (int call : calls_) functions_.push_back(functions[call].get());
  const bool one = calls_.size() == 1;
  if (retracts) {
    layout_ = one ? Layout::Count : Layout::Counts;
  } else {
    layout_ = one ? Layout::Seen : Layout::Bits;
  }
}

void DistinctValues::encodeKey(const Value& value) {
  key_.clear();
  encodeValueKey(value, type_, key_);
}

void DistinctValues::decode(const std::optional<std::string_view>& stored) {
  std::fill(counts_.begin(), counts_.end(), 0);
  if (!stored) return;
  const std::string_view bytes = *stored;
  switch (layout_) {
    case Layout::Seen: counts_[0] = 1; return;
    case Layout::Bits:
      for (size_t i = 0; i < counts_.size() && i / 8 < bytes.size(); ++i) {
        counts_[i] = (static_cast<uint8_t>(bytes[i / 8]) >> (i % 8)) & 1;
      }
      return;
    case Layout::Count:
      if (bytes.size() < sizeof(int64_t)) throw StateError("corrupt distinct value count");
      std::memcpy(&counts_[0], bytes.data(), sizeof(int64_t));
      return;
    case Layout::Counts: {
      size_t at = 0;
      for (int64_t& count : counts_) count = static_cast<int64_t>(readVarint(bytes, at));
      return;
    }
  }
}

void DistinctValues::store(bool stored) {
  bool any = false;
  for (int64_t count : counts_) any = any || count > 0;
  if (!any) {
    if (stored) values_.remove(key_.bytes());
    return;
  }
  encoded_.clear();
  switch (layout_) {
    case Layout::Seen: break;
    case Layout::Bits:
      encoded_.assign((counts_.size() + 7) / 8, '\0');
      for (size_t i = 0; i < counts_.size(); ++i) {
        if (counts_[i] > 0) encoded_[i / 8] = static_cast<char>(encoded_[i / 8] | (1 << (i % 8)));
      }
      break;
    case Layout::Count:
      encoded_.assign(reinterpret_cast<const char*>(&counts_[0]), sizeof(int64_t));
      break;
    case Layout::Counts:
      for (int64_t count : counts_) appendVarint(static_cast<uint64_t>(count), encoded_);
      break;
  }
  values_.put(key_.bytes(), encoded_);
}

void DistinctValues::apply(std::vector<Value>& accumulators, bool accumulates, const Value& value,
                           const uint8_t* applies) {
  if (value.isNull) return;
  bool any = false;
  for (int call : calls_) any = any || applies[call];
  if (!any) return;
  encodeKey(value);
  const std::optional<std::string_view> stored = values_.get(key_.bytes());
  decode(stored);
  const bool bits = layout_ == Layout::Seen || layout_ == Layout::Bits;
  bool changed = false;
  for (size_t i = 0; i < calls_.size(); ++i) {
    const int call = calls_[i];
    if (!applies[call]) continue;
    int64_t& count = counts_[i];
    if (accumulates) {
      if (count == 0) functions_[i]->accumulate(accumulators[call], value);
      if (count == 0 || !bits) {
        ++count;
        changed = true;
      }
    } else if (count > 0) {  // retracting a value the call never saw: nothing to undo
      count = bits ? 0 : count - 1;
      if (count == 0) functions_[i]->retract(accumulators[call], value);
      changed = true;
    }
  }
  if (changed || (refreshes_ && stored && accumulates)) store(stored.has_value());
}

// The partials come per call: one lookup per call and value (a mini-batch's worth of rows each).
void DistinctValues::merge(std::vector<Value>& accumulators, const std::vector<Value>& partials) {
  const bool bits = layout_ == Layout::Seen || layout_ == Layout::Bits;
  for (size_t i = 0; i < calls_.size(); ++i) {
    const int call = calls_[i];
    const std::vector<Value>& pairs = partials[call].children[1].children;
    for (size_t p = 0; p + 1 < pairs.size(); p += 2) {
      const Value& value = pairs[p];
      const int64_t delta = pairs[p + 1].integer;
      if (value.isNull || delta == 0) continue;
      encodeKey(value);
      const std::optional<std::string_view> stored = values_.get(key_.bytes());
      decode(stored);
      int64_t& count = counts_[i];
      const int64_t before = count;
      count = bits ? (before > 0 || delta > 0 ? 1 : 0) : std::max<int64_t>(0, before + delta);
      if (before == 0 && count > 0) functions_[i]->accumulate(accumulators[call], value);
      if (count != before || (refreshes_ && stored)) store(stored.has_value());
    }
  }
}

std::vector<std::unique_ptr<DistinctValues>> makeDistinctValues(
    const std::vector<artifact::AggregateCall>& calls, const std::vector<DataType>& argumentTypes,
    const std::vector<std::unique_ptr<AggregateFunction>>& functions, bool retracts,
    KeyedStateBackend& backend, int64_t ttlMillis, std::vector<KeyedState*>& states) {
  std::vector<std::unique_ptr<DistinctValues>> made;
  std::vector<uint8_t> taken(calls.size(), 0);
  for (size_t first = 0; first < calls.size(); ++first) {
    if (taken[first] || !sharesDistinctValues(calls[first])) continue;
    std::vector<int> sharing;
    for (size_t c = first; c < calls.size(); ++c) {
      if (taken[c] || !sharesDistinctValues(calls[c]) ||
          calls[c].arguments != calls[first].arguments) {
        continue;
      }
      taken[c] = 1;
      sharing.push_back(static_cast<int>(c));
    }
    MapState& values = backend.mapState("distinct$" + std::to_string(first), ttlMillis);
    states.push_back(&values);
    made.push_back(std::make_unique<DistinctValues>(std::move(sharing), functions,
                                                    physicalTypeOf(argumentTypes[first]), retracts,
                                                    ttlMillis, values));
  }
  return made;
}

}  // namespace sluice::runtime
