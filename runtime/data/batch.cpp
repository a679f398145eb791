#include "runtime/data/batch.h"

#include <algorithm>

namespace sluice::runtime {
namespace {

// Under AddressSanitizer a cleared batch's arena is freed, not reused, so that a string view kept
// past clear() reads freed memory, which the sanitizer reports, rather than reused bytes.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kReuseArenas = false;
#else
constexpr bool kReuseArenas = true;
#endif

}  // namespace

Batch::Batch(const std::vector<DataType>& columnTypes, int capacity) : capacity_(capacity) {
  columns_.reserve(columnTypes.size());
  for (const DataType& type : columnTypes) columns_.emplace_back(type, capacity);
  rowKinds_.resize(std::max(capacity, 1), RowKind::Insert);
  arenas_.push_back(std::make_shared<Arena>());
}

void Batch::reserve(int capacity) {
  if (capacity <= capacity_) return;
  for (Vector& column : columns_) column.reserve(capacity);
  rowKinds_.resize(capacity, RowKind::Insert);
  capacity_ = capacity;
}

std::vector<DataType> Batch::columnTypes() const {
  std::vector<DataType> types;
  types.reserve(columns_.size());
  for (const Vector& column : columns_) types.push_back(column.type());
  return types;
}

void Batch::shareArenasOf(const Batch& other) {
  for (const auto& arena : other.arenas_) {
    if (std::find(arenas_.begin(), arenas_.end(), arena) == arenas_.end()) arenas_.push_back(arena);
  }
}

void Batch::keepAlive(const std::shared_ptr<Arena>& arena) {
  if (std::find(arenas_.begin(), arenas_.end(), arena) == arenas_.end()) arenas_.push_back(arena);
}

void Batch::clear() {
  size_ = 0;
  // Reuse the own arena's memory when no other batch holds it (the common case of an operator's
  // output batch cleared after each push); a shared one stays with its other holders.
  std::shared_ptr<Arena> own = std::move(arenas_.front());
  arenas_.clear();
  if (own.use_count() == 1 && kReuseArenas) {
    own->reset();
    arenas_.push_back(std::move(own));
  } else {
    arenas_.push_back(std::make_shared<Arena>());
  }
  for (Vector& column : columns_) column.clearChildRows();
}

}  // namespace sluice::runtime
