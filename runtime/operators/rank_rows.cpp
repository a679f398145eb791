#include "runtime/operators/rank_rows.h"
#include "runtime/operators/operator_support.h"

#include <algorithm>
#include <cstring>

#include "runtime/state/value_codec.h"

namespace sluice::runtime {
namespace {

constexpr size_t kSequenceBytes = 8;

std::vector<DataType> outputTypes(const artifact::Node& node) {
  std::vector<DataType> types;
  for (const artifact::Field& field : node.schema) types.push_back(field.type);
  return types;
}

// A sort key value in ORDER BY order: NULLs first or last as the key says, then the value,
// complemented for DESC.
void appendSortValue(const Value& value, PhysicalType type, const artifact::SortKey& sort,
                     KeyEncoder& key) {
  const SortOrder nulls = sort.nullsFirst ? SortOrder::Ascending : SortOrder::Descending;
  key.appendNullMarker(value.isNull, nulls);
  if (value.isNull) return;
  const SortOrder order = sort.descending ? SortOrder::Descending : SortOrder::Ascending;
  switch (type) {
    case PhysicalType::Float32:
    case PhysicalType::Float64: key.appendDouble(value.real, order); break;
    case PhysicalType::String: key.appendString(value.bytes, order); break;
    case PhysicalType::Int128: {
      // The signed high half first, then the low half as unsigned (its sign bit flipped back,
      // as appendInt64 flips it).
      const auto high = static_cast<int64_t>(value.wide >> 64);
      const auto low = static_cast<uint64_t>(value.wide);
      key.appendInt64(high, order);
      key.appendInt64(static_cast<int64_t>(low ^ (uint64_t{1} << 63)), order);
      break;
    }
    default: key.appendInt64(value.integer, order); break;
  }
}

}  // namespace

RankOperatorBase::RankOperatorBase(const artifact::Node& node,
                                   const std::vector<DataType>& inputTypes,
                                   std::unique_ptr<KeyedStateBackend> state, int batchSize)
    : node_(node),
      inputTypes_(inputTypes),
      state_(std::move(state)),
      output_(outputTypes(node), batchSize) {}

void RankOperatorBase::selectPartition(const Batch& batch, int row) {
  partition_ = encodeKey(batch, row, node_.keys);
  state_->setCurrentKey(partition_);
}

std::string RankOperatorBase::encodeKey(const Batch& batch, int row,
                                        const std::vector<int>& columns) const {
  KeyEncoder key;
  for (int column : columns) appendKeyCell(batch.column(column), row, key);
  return key.take();
}

std::string RankOperatorBase::encodeKey(const std::vector<Value>& row,
                                        const std::vector<int>& columns) const {
  KeyEncoder key;
  for (int column : columns) {
    const auto at = static_cast<size_t>(column);
    appendKeyValue(row[at], physicalTypeOf(inputTypes_[at]), key);
  }
  return key.take();
}

std::string RankOperatorBase::encodeRow(const Batch& batch, int row) const {
  std::string bytes;
  for (int column = 0; column < static_cast<int>(inputTypes_.size()); ++column) {
    encodeCell(batch.column(column), row, bytes);
  }
  return bytes;
}

std::vector<Value> RankOperatorBase::decodeRow(std::string_view bytes) const {
  std::vector<Value> values;
  values.reserve(inputTypes_.size());
  while (!bytes.empty()) values.push_back(decodeValue(bytes));
  return values;
}

void RankOperatorBase::decodeInto(std::string_view bytes, std::vector<Value>& values,
                                  size_t limit) const {
  size_t count = 0;
  while (!bytes.empty() && count < limit) {
    if (count < values.size()) {
      values[count] = decodeValue(bytes);
    } else {
      values.push_back(decodeValue(bytes));
    }
    ++count;
  }
  values.resize(count);
}

std::string RankOperatorBase::sortKey(const std::vector<Value>& row) const {
  KeyEncoder key;
  for (const artifact::SortKey& sort : node_.sortKeys) {
    const auto column = static_cast<size_t>(sort.column);
    appendSortValue(row[column], physicalTypeOf(inputTypes_[column]), sort, key);
  }
  return key.take();
}

std::string RankOperatorBase::sortKey(const Batch& batch, int row) const {
  KeyEncoder key;
  for (const artifact::SortKey& sort : node_.sortKeys) {
    const auto column = static_cast<size_t>(sort.column);
    appendSortValue(readValue(batch.column(sort.column), row), physicalTypeOf(inputTypes_[column]),
                    sort, key);
  }
  return key.take();
}

std::string RankedList::rankedKey(std::string_view sortKey, int64_t sequence) {
  KeyEncoder key;
  key.appendInt64(sequence);
  std::string out(sortKey);
  out += key.bytes();
  return out;
}

std::string_view RankedList::sortKeyOf(std::string_view rankedKey) {
  return rankedKey.substr(0, rankedKey.size() - kSequenceBytes);
}

void RankOperatorBase::emit(RowKind kind, std::string_view row, int64_t rank, Output& out) {
  if (output_.full()) flush(out);
  const int at = output_.size();
  // Straight from the state bytes into the output's columns, nothing boxed.
  int column = 0;
  for (; column < static_cast<int>(inputTypes_.size()); ++column) {
    decodeCell(row, output_.column(column), at, output_.arena());
  }
  if (node_.outputRankNumber) {
    writeValue(output_.column(column), at, Value::ofInteger(rank), output_.arena());
  }
  output_.rowKinds()[at] = kind;
  output_.setSize(at + 1);
}

bool RankOperatorBase::emitsRanked(RowKind kind, int64_t rank) const {
  if (rank < node_.rankStart || rank > node_.rankEnd) return false;
  return kind != RowKind::UpdateBefore || node_.emitsUpdateBefore;
}

void RankOperatorBase::emitRanked(RowKind kind, std::string_view row, int64_t rank, Output& out) {
  if (!emitsRanked(kind, rank)) return;
  emit(kind, row, rank, out);
}

void RankOperatorBase::emitArrivalWithRowNumbers(const std::vector<std::string_view>& top,
                                                 size_t at, Output& out) {
  // Every row below the new one is emitted twice: -U at its old rank, then +U one rank lower.
  size_t current = at;
  auto rank = static_cast<int64_t>(at) + 1;
  for (size_t next = at + 1; next < top.size() && rank <= node_.rankEnd; ++next) {
    emitRanked(RowKind::UpdateBefore, top[next], rank, out);
    emitRanked(RowKind::UpdateAfter, top[current], rank, out);
    current = next;
    ++rank;
  }
  if (rank <= node_.rankEnd) emitRanked(RowKind::Insert, top[current], rank, out);
}

void RankOperatorBase::flush(Output& out) {
  if (output_.size() == 0) return;
  out.emit(output_);
  output_.clear();
}

void RankOperatorBase::advanceWatermark(int64_t watermark, Output& out,
                                        const std::function<void(const Timer&)>& onTimer) {
  state_->timers().advanceWatermark(watermark, onTimer);
  flush(out);
  out.emitWatermark(watermark);
}

StateSize RankOperatorBase::stateSize() const { return stateSizeOf(*state_); }

RankedList::RankedList(KeyedStateBackend& state, int64_t ttlMillis)
    : rows_(state.sortedMapState("ranked-rows", ttlMillis)),
      meta_(state.valueState("ranked-meta", ttlMillis)) {}

std::vector<RankedList::Entry> RankedList::first(int64_t n) {
  std::vector<Entry> entries;
  if (n <= 0) return entries;
  entries.reserve(static_cast<size_t>(std::min<int64_t>(n, 64)));
  rows_.forEachInRange({}, std::nullopt, [&](std::string_view key, std::string_view row) {
    entries.push_back({std::string(key), std::string(row)});
    return static_cast<int64_t>(entries.size()) < n ? Visit::Continue : Visit::Stop;
  });
  return entries;
}

std::vector<StateEntry> RankedList::firstViews(int64_t n) {
  std::vector<StateEntry> entries;
  if (n <= 0) return entries;
  entries.reserve(static_cast<size_t>(std::min<int64_t>(n, 64)));
  rows_.forEachInRange({}, std::nullopt, [&](std::string_view key, std::string_view row) {
    entries.push_back({key, row});
    return static_cast<int64_t>(entries.size()) < n ? Visit::Continue : Visit::Stop;
  });
  return entries;
}

std::optional<StateEntry> RankedList::last() { return rows_.lastEntry(); }

int64_t RankedList::size() {
  return meta().first;
}

std::string RankedList::insert(std::string_view sortKey, std::string_view row) {
  const auto [count, sequence] = meta();
  std::string key = RankedList::rankedKey(sortKey, sequence);
  rows_.put(key, row);
  setMeta(count + 1, sequence + 1);
  return key;
}

void RankedList::insertEvicting(std::string_view sortKey, std::string_view row,
                                const std::string& evicted) {
  const auto [count, sequence] = meta();
  rows_.put(RankedList::rankedKey(sortKey, sequence), row);
  rows_.remove(evicted);
  setMeta(count, sequence + 1);
}

void RankedList::remove(const std::string& key) {
  rows_.remove(key);
  const auto [count, sequence] = meta();
  if (count <= 1) {
    clear();
    return;
  }
  setMeta(count - 1, sequence);
}

std::optional<std::string> RankedList::get(const std::string& key) {
  if (auto row = rows_.get(key)) return std::string(*row);
  return std::nullopt;
}

void RankedList::replace(const std::string& key, std::string_view row) {
  rows_.put(key, row);
}

std::optional<std::string> RankedList::find(std::string_view sortKey, std::string_view row) {
  std::optional<std::string> found;
  rows_.forEachInRange(sortKey, std::nullopt, [&](std::string_view key, std::string_view value) {
    if (RankedList::sortKeyOf(key) != sortKey) return Visit::Stop;
    if (value != row) return Visit::Continue;
    found = std::string(key);
    return Visit::Stop;
  });
  return found;
}

size_t RankedList::arrivalIndex(const std::vector<Entry>& entries, std::string_view sortKey) {
  size_t index = 0;
  while (index < entries.size() && RankedList::sortKeyOf(entries[index].key) <= sortKey) {
    ++index;
  }
  return index;
}

void RankedList::clear() {
  rows_.clear();
  meta_.clear();
}

std::pair<int64_t, int64_t> RankedList::meta() {
  int64_t values[2] = {0, 0};
  if (auto bytes = meta_.get(); bytes && bytes->size() == sizeof values) {
    std::memcpy(values, bytes->data(), sizeof values);
  }
  return {values[0], values[1]};
}

void RankedList::setMeta(int64_t count, int64_t sequence) {
  const int64_t values[2] = {count, sequence};
  meta_.put({reinterpret_cast<const char*>(values), sizeof values});
}

}  // namespace sluice::runtime
