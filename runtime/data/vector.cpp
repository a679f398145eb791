#include "runtime/data/vector.h"

#include <algorithm>
#include <cstring>
#include <new>

namespace sluice::runtime {
namespace {

constexpr std::align_val_t kValueAlignment{64};

}  // namespace

void Vector::AlignedDelete::operator()(uint8_t* bytes) const {
  ::operator delete[](bytes, kValueAlignment);
}

Vector::Vector(DataType type, int capacity) : type_(std::move(type)), physical_(physicalTypeOf(type_)) {
  switch (physical_) {
    case PhysicalType::Row:
      for (const RowField& field : type_.fields()) children_.emplace_back(*field.type, capacity);
      break;
    case PhysicalType::Array: children_.emplace_back(type_.elementType(), capacity); break;
    case PhysicalType::Map:
      children_.emplace_back(type_.keyType(), capacity);
      children_.emplace_back(type_.valueType(), capacity);
      break;
    default: break;
  }
  reserve(capacity);
}

void Vector::reserve(int capacity) {
  if (capacity <= capacity_ && values_) return;
  capacity = std::max(capacity, 1);
  const int width = physicalWidth(physical_);
  if (width > 0) {
    auto* bytes = static_cast<uint8_t*>(
        ::operator new[](static_cast<size_t>(capacity) * width, kValueAlignment));
    std::memset(bytes, 0, static_cast<size_t>(capacity) * width);
    if (values_) std::memcpy(bytes, values_.get(), static_cast<size_t>(capacity_) * width);
    values_.reset(bytes);
  }
  validity_.resize(capacity, 0);
  if (physical_ == PhysicalType::Array || physical_ == PhysicalType::Map) {
    offsets_.resize(capacity, 0);
    sizes_.resize(capacity, 0);
  }
  if (physical_ == PhysicalType::Row) {
    for (Vector& child : children_) child.reserve(capacity);
  }
  capacity_ = capacity;
}

void Vector::setAllValid(int rows) { std::memset(validity_.data(), 1, rows); }

int Vector::appendChildRows(int count) {
  const int first = childRows_;
  childRows_ += count;
  for (Vector& child : children_) {
    if (child.capacity() < childRows_) child.reserve(std::max(childRows_, child.capacity() * 2));
  }
  return first;
}

}  // namespace sluice::runtime
