#include "runtime/operators/join_record_state.h"

#include "runtime/state/value_codec.h"

namespace sluice::runtime {
namespace {

// An entry's value: copies, associations, then the row's columns, except in the ByRow layout,
// whose entry key already is the encoded row: its value holds the two counts only, so a row is
// encoded and stored once. (Values written with the row after the counts still read right.)
void decodeCounts(std::string_view& in, int64_t& copies, int64_t& associations) {
  copies = decodeInteger(in);
  associations = decodeInteger(in);
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

void JoinRecordState::encodeRow(const Batch& batch, int row) {
  rowBytes_.clear();
  for (int c = 0; c < batch.columnCount(); ++c) encodeCell(batch.column(c), row, rowBytes_);
}

void JoinRecordState::encodeEntryKey(const Batch& batch, int row) {
  entryKey_.clear();
  switch (layout_) {
    case Layout::OnePerJoinKey: break;  // the join key is the row's identity
    case Layout::ByUniqueKey:
      for (int column : uniqueKey_) encodeCell(batch.column(column), row, entryKey_);
      break;
    case Layout::ByRow:
      for (int c = 0; c < batch.columnCount(); ++c) encodeCell(batch.column(c), row, entryKey_);
      break;
  }
}

void JoinRecordState::store(std::string_view entryKey, std::string_view rowBytes, int64_t copies,
                            int64_t associations) {
  encoded_.clear();
  encodeInteger(copies, encoded_);
  encodeInteger(associations, encoded_);
  if (layout_ != Layout::ByRow) encoded_.append(rowBytes);
  entries_->put(entryKey, encoded_);
}

void JoinRecordState::add(const Batch& batch, int row, int64_t associations) {
  encodeEntryKey(batch, row);
  int64_t copies = 1;
  if (layout_ == Layout::ByRow) {
    if (auto stored = entries_->get(entryKey_)) {
      std::string_view in = *stored;
      copies += decodeInteger(in);
    }
    store(entryKey_, {}, copies, associations);
    return;
  }
  encodeRow(batch, row);
  store(entryKey_, rowBytes_, copies, associations);
}

void JoinRecordState::retract(const Batch& batch, int row) {
  encodeEntryKey(batch, row);
  auto stored = entries_->get(entryKey_);
  if (!stored) return;
  if (layout_ == Layout::ByRow) {
    std::string_view in = *stored;
    int64_t copies = 0;
    int64_t associations = 0;
    decodeCounts(in, copies, associations);
    if (copies > 1) {
      store(entryKey_, {}, copies - 1, associations);
      return;
    }
  }
  entries_->remove(entryKey_);
}

void JoinRecordState::collect(std::vector<StoredJoinRow>& rows, std::string& bytes) {
  // Copied out: views into the state last only until its next call, and the join updates
  // associations in the same state while it still reads the rows.
  entries_->forEach([&](std::string_view entryKey, std::string_view value) {
    StoredJoinRow& stored = rows.emplace_back();
    decodeCounts(value, stored.copies, stored.associations);
    stored.entryKeyOffset = static_cast<uint32_t>(bytes.size());
    stored.entryKeySize = static_cast<uint32_t>(entryKey.size());
    bytes.append(entryKey);
    if (layout_ == Layout::ByRow) {
      stored.rowOffset = stored.entryKeyOffset;
      stored.rowSize = stored.entryKeySize;
    } else {
      stored.rowOffset = static_cast<uint32_t>(bytes.size());
      stored.rowSize = static_cast<uint32_t>(value.size());
      bytes.append(value);
    }
    return Visit::Continue;
  });
}

void JoinRecordState::updateAssociations(const StoredJoinRow& stored, std::string_view bytes,
                                         int64_t associations) {
  store(bytes.substr(stored.entryKeyOffset, stored.entryKeySize),
        bytes.substr(stored.rowOffset, stored.rowSize), stored.copies, associations);
}

}  // namespace sluice::runtime
