// One column of a batch: a typed value array plus a validity byte per row (1 = not null).
// A byte per row rather than a bit keeps compiled loops branch-free and simple to vectorize.
// ROW vectors hold one child per field; ARRAY/MULTISET and MAP vectors hold, per row, an offset
// and a size into their children (elements; keys and values), which grow as rows are appended.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "compiler/types/data_type.h"
#include "runtime/data/physical_type.h"
#include "runtime/data/string_ref.h"

namespace sluice::runtime {

class Vector {
 public:
  Vector(DataType type, int capacity);
  Vector(Vector&&) noexcept = default;
  Vector& operator=(Vector&&) noexcept = default;

  const DataType& type() const { return type_; }
  PhysicalType physicalType() const { return physical_; }
  int capacity() const { return capacity_; }
  // Grows the capacity, keeping the first `capacity()` rows.
  void reserve(int capacity);

  template <typename T>
  T* values() {
    return reinterpret_cast<T*>(values_.get());
  }
  template <typename T>
  const T* values() const {
    return reinterpret_cast<const T*>(values_.get());
  }
  void* rawValues() { return values_.get(); }
  uint8_t* validity() { return validity_.data(); }
  const uint8_t* validity() const { return validity_.data(); }
  bool isNull(int row) const { return validity_[row] == 0; }
  void setNull(int row, bool isNull) { validity_[row] = isNull ? 0 : 1; }
  void setAllValid(int rows);

  std::vector<Vector>& children() { return children_; }
  const std::vector<Vector>& children() const { return children_; }
  int32_t* offsets() { return offsets_.data(); }
  const int32_t* offsets() const { return offsets_.data(); }
  int32_t* sizes() { return sizes_.data(); }
  const int32_t* sizes() const { return sizes_.data(); }
  // ARRAY/MAP: how many child rows are used; appending a collection reserves more.
  int childRowCount() const { return childRows_; }
  // Reserves `count` child rows for a collection and returns the first one.
  int appendChildRows(int count);
  void clearChildRows() { childRows_ = 0; }

 private:
  struct AlignedDelete {
    void operator()(uint8_t* bytes) const;
  };

  DataType type_;
  PhysicalType physical_;
  int capacity_ = 0;
  std::unique_ptr<uint8_t, AlignedDelete> values_;
  std::vector<uint8_t> validity_;
  std::vector<Vector> children_;
  std::vector<int32_t> offsets_;
  std::vector<int32_t> sizes_;
  int childRows_ = 0;
};

}  // namespace sluice::runtime
