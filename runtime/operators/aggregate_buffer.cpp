#include "runtime/operators/aggregate_buffer.h"

#include <chrono>
#include <cstring>

#include "runtime/state/value_codec.h"

namespace sluice::runtime {
namespace {

constexpr int kMaxKeyColumns = 8;

bool numericArgument(const DataType& type) {
  if (type.kind() == TypeKind::Decimal) return false;  // DECIMAL sums and averages keep scale
  const PhysicalType physical = physicalTypeOf(type);
  return isFixedWidthNumber(physical);
}

// Column `column` of `batch` widened to int64 (doubles and floats as the bits of a double).
void widen(const Vector& vector, int rows, int64_t* out) {
  switch (vector.physicalType()) {
    case PhysicalType::Bool:
    case PhysicalType::Int8: {
      const auto* v = vector.values<int8_t>();
      for (int r = 0; r < rows; ++r) out[r] = v[r];
      break;
    }
    case PhysicalType::Int16: {
      const auto* v = vector.values<int16_t>();
      for (int r = 0; r < rows; ++r) out[r] = v[r];
      break;
    }
    case PhysicalType::Int32: {
      const auto* v = vector.values<int32_t>();
      for (int r = 0; r < rows; ++r) out[r] = v[r];
      break;
    }
    case PhysicalType::Int64: std::memcpy(out, vector.values<int64_t>(), sizeof(int64_t) * rows); break;
    case PhysicalType::Float32: {
      const auto* v = vector.values<float>();
      for (int r = 0; r < rows; ++r) {
        const double d = v[r];
        std::memcpy(&out[r], &d, sizeof d);
      }
      break;
    }
    case PhysicalType::Float64: std::memcpy(out, vector.values<double>(), sizeof(double) * rows); break;
    default: break;
  }
}

double asDouble(int64_t bits) {
  double d;
  std::memcpy(&d, &bits, sizeof d);
  return d;
}

int64_t asBits(double d) {
  int64_t bits;
  std::memcpy(&bits, &d, sizeof bits);
  return bits;
}

uint64_t finalMix(uint64_t h) {
  h ^= h >> 33;
  h *= kFinalMixMultiplier;
  return h ^ (h >> 33);
}

uint64_t hashKey(const int64_t* key, size_t keyCount) {
  const auto nulls = static_cast<uint64_t>(key[keyCount]);
  uint64_t hash = static_cast<uint64_t>(key[keyCount + 1]) * kSliceHashMultiplier;
  for (size_t k = 0; k < keyCount; ++k) {
    hash = (hash ^ static_cast<uint64_t>(key[k])) * kKeyHashMultiplier;
  }
  return finalMix(hash ^ nulls);
}

}  // namespace

bool AggregateBuffer::supports(const artifact::Node& node, const std::vector<DataType>& inputTypes) {
  if (node.inputUpdates || node.keys.size() > kMaxKeyColumns) return false;
  for (int key : node.keys) {
    if (!isFixedWidthNumber(physicalTypeOf(inputTypes[key]))) return false;
  }
  for (const artifact::AggregateCall& call : node.aggregates) {
    if (call.distinct || call.arguments.size() > 1 || call.native()) return false;
    const std::string& f = call.function;
    if (f == "COUNT") continue;
    if (f != "SUM" && f != "SUM0" && f != "AVG" && f != "MIN" && f != "MAX") return false;
    if (call.arguments.empty() || !numericArgument(inputTypes[call.arguments[0]])) return false;
    if (call.type.kind() == TypeKind::Decimal) return false;
  }
  return true;
}

AggregateBuffer::AggregateBuffer(const artifact::Node& node, const std::vector<DataType>& inputTypes,
                                 const NativeCodeOptions& native) {
  layout_.keyColumns = node.keys;
  for (const DataType& type : inputTypes) layout_.inputTypes.push_back(physicalTypeOf(type));
  for (int key : layout_.keyColumns) keyTypes_.push_back(layout_.inputTypes[key]);
  layout_.keyWords = static_cast<int>(keyCount()) + 2;  // values, null mask, slice end
  for (const artifact::AggregateCall& call : node.aggregates) {
    Call c;
    c.filter = call.filterColumn;
    c.argument = call.arguments.empty() ? -1 : call.arguments[0];
    c.real = c.argument >= 0 && isFloatingPoint(layout_.inputTypes[c.argument]);
    c.slot = layout_.accumulatorWords;
    Boxing boxing;
    const std::string& f = call.function;
    if (f == "COUNT") {
      c.update = c.argument < 0 ? AggregateUpdate::CountRows : AggregateUpdate::CountValues;
      boxing = Boxing::Count;
      layout_.accumulatorWords += 1;
    } else if (f == "MIN" || f == "MAX") {
      c.update = f == "MIN" ? AggregateUpdate::Min : AggregateUpdate::Max;
      boxing = c.real ? Boxing::ExtremeReal : Boxing::ExtremeInteger;
      layout_.accumulatorWords += 2;
    } else {
      // SUM, SUM0, AVG: a running sum (in the result's representation for SUM) and a count.
      const bool realSum = f == "AVG" ? c.real : isFloatingPoint(physicalTypeOf(call.type));
      c.update = realSum ? AggregateUpdate::SumReal : AggregateUpdate::SumInteger;
      c.roundsToFloat = f != "AVG" && physicalTypeOf(call.type) == PhysicalType::Float32;
      if (f == "AVG") {
        boxing = c.real ? Boxing::AvgReal : Boxing::AvgWide;
      } else {
        boxing = realSum ? Boxing::SumReal : Boxing::SumInteger;
      }
      layout_.accumulatorWords += 2;
    }
    layout_.calls.push_back(c);
    boxing_.push_back(boxing);
  }
  table_.assign(1024, 0);
  requestNativeCode(native);
}

void AggregateBuffer::requestNativeCode(const NativeCodeOptions& native) {
  if (!native.compiler || native.mode == JitMode::Interpreted) return;
  // Buffers of the same layout share one compilation: the compiler caches by the layout.
  pendingCode_ = std::async(std::launch::async, [compiler = native.compiler, layout = layout_] {
                   std::string reason;
                   try {
                     return compiler->compileAggregateUpdate(layout, reason);
                   } catch (const std::exception&) {
                     return std::shared_ptr<const CompiledAggregateUpdate>();  // C++ loops
                   }
                 }).share();
  if (native.mode == JitMode::Compiled) pendingCode_.wait();
  pollNativeCode();
}

void AggregateBuffer::pollNativeCode() {
  if (!pendingCode_.valid() ||
      pendingCode_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
    return;
  }
  nativeCode_ = pendingCode_.get();
  pendingCode_ = {};
}

void AggregateBuffer::initAccumulators(size_t entry) {
  int64_t* acc = accumulatorsOf(entry);
  for (const Call& call : layout_.calls) {
    acc[call.slot] = 0;
    if (call.update == AggregateUpdate::SumReal) acc[call.slot] = asBits(0.0);
    if (call.update != AggregateUpdate::CountRows && call.update != AggregateUpdate::CountValues) {
      acc[call.slot + 1] = 0;
    }
  }
}

void AggregateBuffer::grow() {
  std::vector<uint32_t> bigger(table_.size() * 2, 0);
  const size_t mask = bigger.size() - 1;
  for (size_t e = 0; e < entries_; ++e) {
    const int64_t* key = keyOf(e);
    size_t at = hashKey(key, keyCount()) & mask;
    while (bigger[at] != 0) at = (at + 1) & mask;
    bigger[at] = static_cast<uint32_t>(e + 1);
  }
  table_.swap(bigger);
}

uint32_t AggregateBuffer::findOrInsert(const int64_t* key, uint64_t hash) {
  const size_t mask = table_.size() - 1;
  const auto words = static_cast<size_t>(layout_.keyWords);
  for (size_t at = hash & mask;; at = (at + 1) & mask) {
    const uint32_t slot = table_[at];
    if (slot == 0) return insertAt(at, key);
    // A few words: an inline loop beats a call to memcmp.
    const int64_t* stored = keyOf(slot - 1);
    size_t w = 0;
    while (w < words && stored[w] == key[w]) ++w;
    if (w == words) return slot - 1;
  }
}

uint32_t AggregateBuffer::insertAt(size_t slot, const int64_t* key) {
  const auto words = static_cast<size_t>(layout_.keyWords);
  const auto entry = static_cast<uint32_t>(entries_++);
  data_.resize(entries_ * stride());
  std::copy(key, key + words, keyOf(entry));
  initAccumulators(entry);
  table_[slot] = entry + 1;
  minSliceEnd_ = std::min(minSliceEnd_, key[words - 1]);
  if (entries_ * 2 > table_.size()) grow();
  if (tableView_) {
    tableView_->slots = table_.data();
    tableView_->mask = table_.size() - 1;
    tableView_->entries = data_.data();
  }
  return entry;
}

uint32_t AggregateBuffer::insertFromNative(void* buffer, const int64_t* key, uint64_t slot) {
  return static_cast<AggregateBuffer*>(buffer)->insertAt(slot, key);
}

void AggregateBuffer::add(const Batch& batch, const int64_t* sliceEnds, const uint8_t* keep) {
  if (pendingCode_.valid()) pollNativeCode();
  if (nativeCode_) {
    addNative(batch, sliceEnds, keep);
  } else {
    addInterpreted(batch, sliceEnds, keep);
  }
}

void AggregateBuffer::addNative(const Batch& batch, const int64_t* sliceEnds, const uint8_t* keep) {
  const int rows = batch.size();
  if (!keep) {
    keepAll_.assign(static_cast<size_t>(rows), 1);
    keep = keepAll_.data();
  }
  // The generated code reads only the fixed-width key, argument and filter columns.
  columnsAbi_.resize(static_cast<size_t>(batch.columnCount()));
  auto& columns = const_cast<Batch&>(batch);  // the ABI takes non-const pointers; never written
  for (int c = 0; c < batch.columnCount(); ++c) {
    columnsAbi_[static_cast<size_t>(c)] = {columns.column(c).rawValues(), columns.column(c).validity()};
  }
  BatchAbi in{rows, batch.capacity(), columnsAbi_.data(), const_cast<RowKind*>(batch.rowKinds())};
  AggregateTableAbi table{table_.data(), table_.size() - 1, data_.data(), this, &insertFromNative};
  // insertAt moves table_ and data_; the ABI view follows them.
  tableView_ = &table;
  nativeCode_->function(&in, sliceEnds, keep, &table);
  tableView_ = nullptr;
}

void AggregateBuffer::addInterpreted(const Batch& batch, const int64_t* sliceEnds,
                                     const uint8_t* keep) {
  const int rows = batch.size();
  const size_t keyCount = this->keyCount();
  columnValues_.resize(keyCount * static_cast<size_t>(rows));
  for (size_t k = 0; k < keyCount; ++k) {
    widen(batch.column(layout_.keyColumns[k]), rows, &columnValues_[k * static_cast<size_t>(rows)]);
  }
  rowEntry_.resize(static_cast<size_t>(rows));
  probeKey_.resize(static_cast<size_t>(layout_.keyWords));
  const uint8_t* validity[kMaxKeyColumns];
  for (size_t k = 0; k < keyCount; ++k) validity[k] = batch.column(layout_.keyColumns[k]).validity();
  // Two passes: hash every row, then probe, prefetching the table slot a few rows ahead so the
  // probes' cache misses overlap.
  hashes_.resize(static_cast<size_t>(rows));
  for (int r = 0; r < rows; ++r) {
    // One multiply per word and one final mix: enough to spread keys over the table's low bits.
    uint64_t hash = static_cast<uint64_t>(sliceEnds[r]) * kSliceHashMultiplier;
    uint64_t nulls = 0;
    for (size_t k = 0; k < keyCount; ++k) {
      const bool isNull = validity[k][r] == 0;
      const int64_t value = isNull ? 0 : columnValues_[k * static_cast<size_t>(rows) + r];
      nulls |= static_cast<uint64_t>(isNull) << k;
      hash = (hash ^ static_cast<uint64_t>(value)) * kKeyHashMultiplier;
    }
    hashes_[static_cast<size_t>(r)] = finalMix(hash ^ nulls);
  }
  constexpr int kPrefetchDistance = 8;
  for (int r = 0; r < rows; ++r) {
    if (r + kPrefetchDistance < rows) {
      __builtin_prefetch(&table_[hashes_[static_cast<size_t>(r + kPrefetchDistance)] & (table_.size() - 1)]);
    }
    if (keep && !keep[r]) continue;
    int64_t nulls = 0;
    for (size_t k = 0; k < keyCount; ++k) {
      const bool isNull = validity[k][r] == 0;
      probeKey_[k] = isNull ? 0 : columnValues_[k * static_cast<size_t>(rows) + r];
      nulls |= static_cast<int64_t>(isNull) << k;
    }
    probeKey_[keyCount] = nulls;
    probeKey_[keyCount + 1] = sliceEnds[r];
    rowEntry_[static_cast<size_t>(r)] = findOrInsert(probeKey_.data(), hashes_[static_cast<size_t>(r)]);
  }
  for (const Call& call : layout_.calls) updateCall(call, batch, rows, keep);
}

void AggregateBuffer::updateCall(const Call& call, const Batch& batch, int rows, const uint8_t* keep) {
  const uint8_t* filter =
      call.filter >= 0 ? batch.column(call.filter).values<uint8_t>() : nullptr;
  const uint8_t* filterValid = call.filter >= 0 ? batch.column(call.filter).validity() : nullptr;
  const uint8_t* valid = call.argument >= 0 ? batch.column(call.argument).validity() : nullptr;
  std::vector<int64_t>& widened = argumentValues_;  // reused: no allocation per call and batch
  if (call.argument >= 0 && call.update != AggregateUpdate::CountValues) {
    widened.resize(static_cast<size_t>(rows));
    widen(batch.column(call.argument), rows, widened.data());
  }
  // An entry's key and accumulators share its cache line or two.
  int64_t* accs = data_.data() + layout_.keyWords + call.slot;
  const size_t stride = this->stride();
  const uint32_t* entries = rowEntry_.data();
  const int64_t* values = widened.data();
  // One loop per kind of update, so the row loop has no switch in it.
  auto forRows = [&](auto&& update) {
    for (int r = 0; r < rows; ++r) {
      if ((keep && !keep[r]) || (filter && (!filterValid[r] || !filter[r]))) continue;
      if (valid && !valid[r]) continue;
      update(accs + entries[r] * stride, r);
    }
  };
  switch (call.update) {
    case AggregateUpdate::CountRows:
    case AggregateUpdate::CountValues: forRows([](int64_t* acc, int) { ++acc[0]; }); break;
    case AggregateUpdate::SumInteger:
      forRows([&](int64_t* acc, int r) {
        acc[0] = static_cast<int64_t>(static_cast<uint64_t>(acc[0]) + static_cast<uint64_t>(values[r]));
        ++acc[1];
      });
      break;
    case AggregateUpdate::SumReal:
      forRows([&](int64_t* acc, int r) {
        double sum = asDouble(acc[0]) + (call.real ? asDouble(values[r]) : static_cast<double>(values[r]));
        if (call.roundsToFloat) sum = static_cast<float>(sum);
        acc[0] = asBits(sum);
        ++acc[1];
      });
      break;
    case AggregateUpdate::Min:
    case AggregateUpdate::Max: {
      const bool min = call.update == AggregateUpdate::Min;
      forRows([&](int64_t* acc, int r) {
        const int64_t v = values[r];
        bool better = acc[1] == 0;
        if (!better) {
          better = call.real ? (min ? asDouble(v) < asDouble(acc[0]) : asDouble(v) > asDouble(acc[0]))
                             : (min ? v < acc[0] : v > acc[0]);
        }
        if (better) {
          acc[0] = v;
          acc[1] = 1;
        }
      });
      break;
    }
  }
}

void AggregateBuffer::drain(const Visitor& visit) {
  const size_t keyCount = this->keyCount();
  std::string key;
  std::vector<Value> accumulators;
  for (size_t e = 0; e < entries_; ++e) {
    const int64_t* words = keyOf(e);
    key.clear();
    for (size_t k = 0; k < keyCount; ++k) {
      Value value;
      if (((words[keyCount] >> k) & 1) == 0) {
        value = isFloatingPoint(keyTypes_[k]) ? Value::ofReal(asDouble(words[k])) : Value::ofInteger(words[k]);
      }
      encodeValue(value, key);
    }
    accumulators.clear();
    const int64_t* acc = accumulatorsOf(e);
    for (size_t c = 0; c < layout_.calls.size(); ++c) {
      const int64_t* a = acc + layout_.calls[c].slot;
      switch (boxing_[c]) {
        case Boxing::Count: accumulators.push_back(Value::ofInteger(a[0])); break;
        case Boxing::SumInteger:
          accumulators.push_back(Value::ofChildren({Value::ofInteger(a[0]), Value::ofInteger(a[1])}));
          break;
        case Boxing::SumReal:
        case Boxing::AvgReal:
          accumulators.push_back(
              Value::ofChildren({Value::ofReal(asDouble(a[0])), Value::ofInteger(a[1])}));
          break;
        case Boxing::AvgWide:
          accumulators.push_back(Value::ofChildren({Value::ofWide(a[0]), Value::ofInteger(a[1])}));
          break;
        case Boxing::ExtremeInteger:
          accumulators.push_back(a[1] ? Value::ofInteger(a[0]) : Value::null());
          break;
        case Boxing::ExtremeReal:
          accumulators.push_back(a[1] ? Value::ofReal(asDouble(a[0])) : Value::null());
          break;
      }
    }
    visit(key, words[layout_.keyWords - 1], accumulators);
  }
  entries_ = 0;
  data_.clear();
  std::fill(table_.begin(), table_.end(), 0);
  minSliceEnd_ = INT64_MAX;
}

}  // namespace sluice::runtime
