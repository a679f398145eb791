// A columnar changelog batch: one Vector per column, one RowKind per row, and the arenas that
// own the bytes of its long strings. Batches passed between operators are dense (no selection
// vector); selections live inside the interpreter and compiled loops.
#pragma once

#include <memory>
#include <vector>

#include "runtime/data/arena.h"
#include "runtime/data/row_kind.h"
#include "runtime/data/vector.h"

namespace sluice::runtime {

class Batch {
 public:
  Batch(const std::vector<DataType>& columnTypes, int capacity);

  int size() const { return size_; }
  void setSize(int rows) { size_ = rows; }
  int capacity() const { return capacity_; }
  bool full() const { return size_ >= capacity_; }
  // Grows every column (and the row kinds) to hold at least `capacity` rows.
  void reserve(int capacity);

  int columnCount() const { return static_cast<int>(columns_.size()); }
  Vector& column(int index) { return columns_[index]; }
  const Vector& column(int index) const { return columns_[index]; }
  std::vector<DataType> columnTypes() const;

  RowKind* rowKinds() { return rowKinds_.data(); }
  const RowKind* rowKinds() const { return rowKinds_.data(); }
  RowKind rowKind(int row) const { return rowKinds_[row]; }

  // The arena new strings of this batch are written to.
  Arena& arena() { return *arenas_.front(); }
  const std::shared_ptr<Arena>& arenaHandle() const { return arenas_.front(); }
  // Keeps the arenas of `other` alive as long as this batch: its strings may be referenced here.
  void shareArenasOf(const Batch& other);
  void keepAlive(const std::shared_ptr<Arena>& arena);
  // Drops the rows and every arena but a fresh own one, keeping capacity.
  void clear();

 private:
  int size_ = 0;
  int capacity_ = 0;
  std::vector<Vector> columns_;
  std::vector<RowKind> rowKinds_;
  std::vector<std::shared_ptr<Arena>> arenas_;
};

using BatchPtr = std::unique_ptr<Batch>;

}  // namespace sluice::runtime
