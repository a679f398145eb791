// The vectors of one nested event column (person, auction or bid ROW) resolved to raw pointers
// once per batch, so writing a field is a store, not a walk through the vector's children.
#pragma once

#include <cassert>
#include <cstdint>
#include <cstring>

#include "runtime/data/vector.h"

namespace sluice::connectors::nexmark {

class EventColumns {
 public:
  static constexpr int kMaxFields = 10;

  explicit EventColumns(runtime::Vector& row) : row_(row) {
    fieldCount_ = static_cast<int>(row.children().size());
    assert(fieldCount_ <= kMaxFields && "the factory checks the nested rows' fields");
    for (int i = 0; i < fieldCount_; ++i) {
      values_[i] = row.children()[i].rawValues();
      validity_[i] = row.children()[i].validity();
    }
  }

  template <typename T>
  T* field(int index) const {
    return static_cast<T*>(values_[index]);
  }

  // Rows [first, first + count) hold an event of this kind (every field set) where `present`
  // (indexed from `first`) is 1, and are NULL where it is 0: once per batch, after the events.
  void setPresence(const uint8_t* present, int first, int count) {
    std::memcpy(row_.validity() + first, present, static_cast<size_t>(count));
    for (int i = 0; i < fieldCount_; ++i) {
      std::memcpy(validity_[i] + first, present, static_cast<size_t>(count));
    }
  }

 private:
  runtime::Vector& row_;
  int fieldCount_ = 0;
  void* values_[kMaxFields] = {};
  uint8_t* validity_[kMaxFields] = {};
};

}  // namespace sluice::connectors::nexmark
