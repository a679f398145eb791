#include "runtime/operators/join_record_state.h"

#include "runtime/state/value_codec.h"

namespace sluice::runtime {
namespace {

// An entry's value: copies, associations, then the row's columns, except in the ByRow layout,
// whose entry key already is the encoded row: its value holds the two counts only, so a row is
// encoded and stored once. (Values written with the row after the counts still read right.)
void decodeCounts(std::string_view& in, JoinRecord& record) {
  record.copies = decodeValue(in).integer;
  record.associations = decodeValue(in).integer;
}

void decodeRow(std::string_view in, JoinRecord& record) {
  record.row.clear();
  while (!in.empty()) record.row.push_back(decodeValue(in));
}

}  // namespace

JoinRecordState::JoinRecordState(KeyedStateBackend& backend, const std::string& name,
                                 std::vector<int> uniqueKey, bool joinKeyHasUniqueKey,
                                 int64_t ttlMillis)
    : layout_(uniqueKey.empty()         ? Layout::ByRow
              : joinKeyHasUniqueKey     ? Layout::OnePerJoinKey
                                        : Layout::ByUniqueKey),
      uniqueKey_(std::move(uniqueKey)) {
  entries_ = &backend.mapState(name, ttlMillis);
}

const std::string& JoinRecordState::entryKeyOf(const std::vector<Value>& row) {
  entryKey_.clear();
  switch (layout_) {
    case Layout::OnePerJoinKey: break;  // the join key is the row's identity
    case Layout::ByUniqueKey:
      for (int column : uniqueKey_) encodeValue(row[static_cast<size_t>(column)], entryKey_);
      break;
    case Layout::ByRow:
      for (const Value& value : row) encodeValue(value, entryKey_);
      break;
  }
  return entryKey_;
}

void JoinRecordState::store(const std::string& entryKey, const std::vector<Value>& row,
                            int64_t copies, int64_t associations) {
  encoded_.clear();
  encodeValue(Value::ofInteger(copies), encoded_);
  encodeValue(Value::ofInteger(associations), encoded_);
  if (layout_ != Layout::ByRow) {
    for (const Value& value : row) encodeValue(value, encoded_);
  }
  entries_->put(entryKey, encoded_);
}

void JoinRecordState::add(const std::vector<Value>& row, int64_t associations) {
  const std::string& key = entryKeyOf(row);
  int64_t copies = 1;
  if (layout_ == Layout::ByRow) {
    if (auto stored = entries_->get(key)) {
      std::string_view in = *stored;
      copies += decodeValue(in).integer;
    }
  }
  store(std::string(key), row, copies, associations);
}

void JoinRecordState::retract(const std::vector<Value>& row) {
  const std::string key = entryKeyOf(row);
  auto stored = entries_->get(key);
  if (!stored) return;
  if (layout_ == Layout::ByRow) {
    JoinRecord record;
    std::string_view in = *stored;
    decodeCounts(in, record);
    if (record.copies > 1) {
      store(key, row, record.copies - 1, record.associations);
      return;
    }
  }
  entries_->remove(key);
}

void JoinRecordState::forEach(const std::function<void(JoinRecord&)>& visit) {
  // Copied out first: the visitor may update associations in the same state.
  std::vector<JoinRecord> records;
  entries_->forEach([&](std::string_view entryKey, std::string_view value) {
    JoinRecord& record = records.emplace_back();
    decodeCounts(value, record);
    decodeRow(layout_ == Layout::ByRow ? entryKey : value, record);
    return Visit::Continue;
  });
  for (JoinRecord& record : records) visit(record);
}

void JoinRecordState::updateAssociations(const JoinRecord& record, int64_t associations) {
  // The entry key follows from the row in every layout; not kept per record, since copying it
  // (a whole encoded row in the ByRow layout) for every candidate cost more than re-encoding it
  // for the few rows whose associations change.
  store(std::string(entryKeyOf(record.row)), record.row, record.copies, associations);
}

}  // namespace sluice::runtime
